package io.github.mjsdk.internal.http;

/**
 * Names a request for observers, without ids: the operation ({@code imagine}, {@code action}, {@code fetch},
 * {@code fetch-batch} …) and the route ({@code GET /mj/task/{id}/fetch}), so that metrics stay few and carry no
 * task id.
 */
final class Routes {
    private Routes() {
    }

    /** The method and the path with its query cut and every id-like segment as {@code {id}}. */
    static String route(ApiRequest request) {
        String path = withoutQuery(request.path());
        StringBuilder route = new StringBuilder(request.method()).append(' ');
        for (String segment : path.split("/", -1)) {
            if (!segment.isEmpty()) {
                route.append('/').append(looksLikeId(segment) ? "{id}" : segment);
            }
        }
        return route.toString();
    }

    /**
     * What the request does: {@code fetch} or {@code fetch-batch} for queries, else the last path segment that is
     * not an id ({@code imagine}, {@code action}, {@code modal}, {@code change} …).
     */
    static String operation(ApiRequest request) {
        String path = request.path();
        if (request.idempotent()) {
            return path.contains("list-by-condition") || path.contains("fetch-many") ? "fetch-batch" : "fetch";
        }
        String[] segments = withoutQuery(path).split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty() && !looksLikeId(segments[i])) {
                return segments[i];
            }
        }
        return "submit";
    }

    private static String withoutQuery(String path) {
        int query = path.indexOf('?');
        return query >= 0 ? path.substring(0, query) : path;
    }

    /** Ids are long and hold digits: {@code 1712345678901123}, {@code task_01J9…}, UUIDs. */
    private static boolean looksLikeId(String segment) {
        if (segment.length() < 8) {
            return false;
        }
        int digits = 0;
        for (int i = 0; i < segment.length(); i++) {
            if (Character.isDigit(segment.charAt(i))) {
                digits++;
            }
        }
        return digits >= 3;
    }
}
