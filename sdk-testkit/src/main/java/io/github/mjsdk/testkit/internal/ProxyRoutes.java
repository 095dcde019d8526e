package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The midjourney-proxy API (docs/protocols.md §a–§c) under {@code /mj} and the tier prefixes: the submit routes, the
 * task queries, Spring's JSON errors, and the open-source mode's missing routes; a bad key gets HTTP 401 with an
 * empty body.
 */
final class ProxyRoutes implements ApiRoutes {
    private final ServerConfig config;
    private final SubmitRoutes submits;
    private final QueryRoutes queries;

    ProxyRoutes(ServerConfig config, SubmitRoutes submits, QueryRoutes queries) {
        this.config = config;
        this.submits = submits;
        this.queries = queries;
    }

    /** The API's routes, and CometAPI's quota query {@code /user/quota} (served here in place of its own host). */
    @Override
    public RequestPath parse(String encodedPath) {
        if (encodedPath.equals("/user/quota") || encodedPath.equals("/user/quota/")) {
            return RequestPath.of(Endpoint.BALANCE, List.of());
        }
        return RequestPath.parse(encodedPath);
    }

    @Override
    public boolean keyInQuery(RequestPath path) {
        return path.endpoint() == Endpoint.BALANCE;
    }

    @Override
    public MockResponse unserved(RequestPath path, String where, Instant now) {
        Endpoint endpoint = path.endpoint();
        boolean absentInOpenSource = path.prefixed() || endpoint == Endpoint.ACTION || endpoint == Endpoint.MODAL
                || endpoint == Endpoint.SEED || endpoint == Endpoint.CANCEL || endpoint == Endpoint.SHORTEN
                || endpoint == Endpoint.VIDEO || endpoint == Endpoint.EDIT || endpoint == Endpoint.UPLOAD;
        boolean outsideContext = !(where.equals("/mj") || where.startsWith("/mj/"));
        if (config.legacy() && (path.prefixed() || outsideContext)) {
            // the open-source proxy serves its API under the servlet context path /mj: any other path, the speed
            // prefixes included, never reaches Spring, and Tomcat answers with its own HTML page
            return Replies.tomcatNotFound(where);
        }
        if (endpoint == Endpoint.OTHER || (config.legacy() && absentInOpenSource)) {
            return Replies.springError(404, where, now);
        }
        return null;
    }

    @Override
    public MockResponse unauthorized() {
        return Replies.empty(401);
    }

    @Override
    public MockResponse answer(RecordedRequest request, RequestPath path, Instant now) {
        String where = request.getUrl().encodedPath();
        String method = request.getMethod();
        Endpoint endpoint = path.endpoint();
        if (endpoint == Endpoint.FETCH) {
            return method.equals("GET") ? queries.fetch(path.params().get(0)) : Replies.springError(405, where, now);
        }
        if (endpoint == Endpoint.BALANCE) {
            return method.equals("GET") ? queries.quota() : Replies.springError(405, where, now);
        }
        if (endpoint == Endpoint.SEED) {
            return method.equals("GET") ? submits.imageSeed(path.params().get(0)) : Replies.springError(405, where, now);
        }
        if (!method.equals("POST")) {
            return Replies.springError(405, where, now);
        }
        if (endpoint == Endpoint.CANCEL) {
            return submits.cancel(path.params().get(0));
        }
        JsonNode body = Replies.jsonObject(request.getBody());
        if (body == null) {
            return Replies.springError(400, where, now);
        }
        switch (endpoint) {
            case IMAGINE:
                return submits.imagine(body, path).reply();
            case ACTION:
                return submits.action(body, path).reply();
            case MODAL:
                return submits.modal(body, path).reply();
            case CHANGE:
                return submits.change(body, path).reply();
            case DESCRIBE:
                return submits.describe(body, path).reply();
            case BLEND:
                return submits.blend(body, path).reply();
            case SHORTEN:
                return submits.shorten(body, path).reply();
            case VIDEO:
                return submits.video(body, path).reply();
            case EDIT:
                return submits.edit(body, path, where.endsWith("/retexture")).reply();
            case UPLOAD:
                return submits.upload(body);
            default:
                return queries.list(body);
        }
    }

    @Override
    public MockResponse failed(String where, Instant now) {
        return Replies.springError(500, where, now);
    }
}
