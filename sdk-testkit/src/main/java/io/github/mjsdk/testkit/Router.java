package io.github.mjsdk.testkit;

import java.time.Instant;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request goes through here: route matching (by the server's dialect), injected faults, paths the dialect does
 * not serve, the images, authentication, then the dialect's route; the exchange is written to the journal.
 */
final class Router extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Auth auth;
    private final Faults faults;
    private final Journal journal;
    private final Simulation simulation;
    private final ApiRoutes api;
    private final ImageRoute images;
    private final Runnable afterRequest;

    Router(ServerConfig config, Faults faults, Journal journal, Simulation simulation, ApiRoutes api,
           ImageRoute images, Runnable afterRequest) {
        this.auth = new Auth(config.apiKey(), config.authScheme());
        this.faults = faults;
        this.journal = journal;
        this.simulation = simulation;
        this.api = api;
        this.images = images;
        this.afterRequest = afterRequest;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        afterRequest.run();
        RequestPath path = api.parse(request.getUrl().encodedPath());
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
        try {
            MockResponse unserved = api.unserved(path, where, now);
            if (unserved != null) {
                return unserved;
            }
            if (path.route() == Route.IMAGE) {
                return request.getMethod().equals("GET") ? images.answer(path.params(), where, now)
                        : Replies.springError(405, where, now);
            }
            if (!auth.accepts(request.getHeaders())) {
                return api.unauthorized();
            }
            return api.answer(request, path, now);
        } catch (RuntimeException e) {
            LOG.warn("FakeMidjourneyServer failed on {} {}", request.getMethod(), where, e);
            return api.failed(where, now);
        }
    }
}
