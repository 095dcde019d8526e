package io.github.mjsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request goes through here: route matching, injected faults, the open-source mode's missing routes,
 * authentication, method and body checks, then the route; the exchange is written to the journal.
 */
final class Router extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final ServerConfig config;
    private final Auth auth;
    private final Faults faults;
    private final Journal journal;
    private final Simulation simulation;
    private final SubmitRoutes submits;
    private final QueryRoutes queries;
    private final ImageRoute images;
    private final Runnable afterRequest;

    Router(ServerConfig config, Faults faults, Journal journal, Simulation simulation, SubmitRoutes submits,
           QueryRoutes queries, ImageRoute images, Runnable afterRequest) {
        this.config = config;
        this.auth = new Auth(config.apiKey(), config.authScheme());
        this.faults = faults;
        this.journal = journal;
        this.simulation = simulation;
        this.submits = submits;
        this.queries = queries;
        this.images = images;
        this.afterRequest = afterRequest;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        afterRequest.run();
        HttpUrl url = request.getUrl();
        RequestPath path = RequestPath.parse(url.encodedPath());
        Instant now = simulation.now();
        Fault fault = faults.take(path.route());
        MockResponse response;
        if (fault != null && fault.replacesAnswer()) {
            response = fault.answer();
        } else {
            response = handle(request, path, now);
            if (fault != null) {
                response = fault.shape(response, response.getBody() == null ? 0 : response.getBody().getContentLength());
            }
        }
        int status = fault == null || fault.status() < 0 ? response.getCode() : fault.status();
        ByteString body = request.getBody();
        journal.add(new RecordedCall(now, request.getMethod(), request.getTarget(), path.route(), path.tier(),
                request.getHeaders().toMultimap(), body == null ? "" : body.utf8(), status, fault));
        return response;
    }

    private MockResponse handle(RecordedRequest request, RequestPath path, Instant now) {
        String where = request.getUrl().encodedPath();
        Route route = path.route();
        String method = request.getMethod();
        try {
            if (route == Route.OTHER
                    || (config.legacy() && (path.prefixed() || route == Route.ACTION || route == Route.MODAL))) {
                return Replies.springError(404, where, now);
            }
            if (route == Route.IMAGE) {
                return method.equals("GET") ? images.answer(path.params(), where, now)
                        : Replies.springError(405, where, now);
            }
            if (!auth.accepts(request.getHeaders())) {
                return Replies.empty(401);
            }
            if (route == Route.FETCH) {
                return method.equals("GET") ? queries.fetch(path.params().get(0))
                        : Replies.springError(405, where, now);
            }
            if (!method.equals("POST")) {
                return Replies.springError(405, where, now);
            }
            JsonNode body = parse(request.getBody());
            if (body == null) {
                return Replies.springError(400, where, now);
            }
            switch (route) {
                case IMAGINE:
                    return submits.imagine(body, path).reply();
                case ACTION:
                    return submits.action(body, path).reply();
                case MODAL:
                    return submits.modal(body, path).reply();
                case CHANGE:
                    return submits.change(body, path).reply();
                default:
                    return queries.list(body);
            }
        } catch (RuntimeException e) {
            LOG.warn("FakeMidjourneyServer failed on {} {}", method, where, e);
            return Replies.springError(500, where, now);
        }
    }

    private static JsonNode parse(ByteString body) {
        if (body == null || body.size() == 0) {
            return null;
        }
        try {
            JsonNode node = Replies.JSON.readTree(body.utf8());
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
