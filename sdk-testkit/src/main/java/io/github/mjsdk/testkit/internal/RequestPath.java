package io.github.mjsdk.testkit.internal;

import io.github.mjsdk.model.Speed;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path taken apart: its tier prefix, its endpoint and the segments the endpoint needs. {@link #parse} reads
 * the midjourney-proxy paths; the other dialects' routes build theirs with {@link #of} and find the simulator's
 * image paths with {@link #image}.
 *
 * @param tier     the speed prefix, or null for plain {@code /mj} (and for paths outside the API and other dialects)
 * @param prefixed whether a speed prefix was present
 * @param endpoint what the path asks for; {@link Endpoint#OTHER} when nothing matches
 * @param params   for a proxy FETCH the task id; for IMAGE every segment after {@code /mj} ({@code image}, id,
 *                 variant …); in the other dialects what their routes say
 */
public record RequestPath(Speed tier, boolean prefixed, Endpoint endpoint, List<String> params) {

    static RequestPath parse(String encodedPath) {
        List<String> segments = segments(encodedPath);
        if (segments.isEmpty()) {
            return other();
        }
        Speed tier = tierOf(segments.get(0));
        int at = 0;
        if (tier != null) {
            if (segments.size() < 2 || !segments.get(1).equals("mj")) {
                return other();
            }
            at = 1;
        } else if (!segments.get(0).equals("mj")) {
            return other();
        }
        List<String> rest = segments.subList(at + 1, segments.size());
        return new RequestPath(tier, tier != null, endpointOf(rest), params(rest));
    }

    /** A path of a dialect without tier prefixes. */
    static RequestPath of(Endpoint endpoint, List<String> params) {
        return new RequestPath(null, false, endpoint, List.copyOf(params));
    }

    /** The simulator's image paths ({@code /mj/image/…}, {@code /mj/attachments/…}), the same in every dialect. */
    static RequestPath image(String encodedPath) {
        RequestPath path = parse(encodedPath);
        return path.endpoint() == Endpoint.IMAGE && !path.prefixed() ? path : other();
    }

    static RequestPath other() {
        return new RequestPath(null, false, Endpoint.OTHER, List.of());
    }

    private static Speed tierOf(String segment) {
        switch (segment) {
            case "mj-turbo":
                return Speed.TURBO;
            case "mj-fast":
                return Speed.FAST;
            case "mj-relax":
                return Speed.RELAX;
            default:
                return null;
        }
    }

    private static Endpoint endpointOf(List<String> rest) {
        if (rest.size() == 2 && rest.get(0).equals("submit")) {
            switch (rest.get(1)) {
                case "imagine":
                    return Endpoint.IMAGINE;
                case "action":
                    return Endpoint.ACTION;
                case "modal":
                    return Endpoint.MODAL;
                case "change":
                    return Endpoint.CHANGE;
                case "describe":
                    return Endpoint.DESCRIBE;
                case "blend":
                    return Endpoint.BLEND;
                case "shorten":
                    return Endpoint.SHORTEN;
                case "video":
                    return Endpoint.VIDEO;
                default:
                    return Endpoint.OTHER;
            }
        }
        if (rest.size() == 3 && rest.get(0).equals("task") && rest.get(2).equals("fetch")) {
            return Endpoint.FETCH;
        }
        if (rest.size() == 3 && rest.get(0).equals("task") && rest.get(2).equals("image-seed")) {
            return Endpoint.SEED;
        }
        if (rest.size() == 3 && rest.get(0).equals("task") && rest.get(2).equals("cancel")) {
            return Endpoint.CANCEL;
        }
        if (rest.size() == 2 && rest.get(0).equals("task") && rest.get(1).equals("list-by-condition")) {
            return Endpoint.LIST_BY_CONDITION;
        }
        if (rest.size() >= 2 && (rest.get(0).equals("image") || rest.get(0).equals("video")
                || rest.get(0).equals("attachments"))) {
            return Endpoint.IMAGE;
        }
        return Endpoint.OTHER;
    }

    private static List<String> params(List<String> rest) {
        if (rest.size() == 3 && rest.get(0).equals("task")) {
            return List.of(rest.get(1));
        }
        if (rest.size() >= 2 && (rest.get(0).equals("image") || rest.get(0).equals("video")
                || rest.get(0).equals("attachments"))) {
            return List.copyOf(rest);
        }
        return List.of();
    }

    /** The decoded, non-empty segments of a path. */
    static List<String> segments(String encodedPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : encodedPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }
}
