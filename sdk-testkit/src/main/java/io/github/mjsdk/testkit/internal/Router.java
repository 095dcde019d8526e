package io.github.mjsdk.testkit.internal;

import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's answer to one request: paths the dialect does not serve, the images, authentication, then the
 * dialect's route. Injected faults and the journal are the server's, around it.
 */
final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Auth auth;
    private final ApiRoutes api;
    private final ImageRoute images;

    Router(ServerConfig config, ApiRoutes api, ImageRoute images) {
        this.auth = new Auth(config.apiKey(), config.authScheme());
        this.api = api;
        this.images = images;
    }

    /** The request's path, as the server's dialect reads it. */
    RequestPath parse(String encodedPath) {
        return api.parse(encodedPath);
    }

    /** The answer to {@code request}, whose path is {@code path}, at {@code now}. */
    MockResponse answer(RecordedRequest request, RequestPath path, Instant now) {
        String where = request.getUrl().encodedPath();
        try {
            MockResponse unserved = api.unserved(path, where, now);
            if (unserved != null) {
                return unserved;
            }
            if (path.endpoint() == Endpoint.IMAGE) {
                return request.getMethod().equals("GET") ? images.answer(path.params(), where, now)
                        : Replies.springError(405, where, now);
            }
            boolean authenticated = api.keyInQuery(path) ? auth.acceptsKey(request.getUrl().queryParameter("key"))
                    : auth.accepts(request.getHeaders());
            if (!authenticated) {
                return api.unauthorized();
            }
            return api.answer(request, path, now);
        } catch (RuntimeException e) {
            LOG.warn("FakeMidjourneyServer failed on {} {}", request.getMethod(), where, e);
            return api.failed(where, now);
        }
    }
}
