package io.github.mjsdk.testkit;

import io.github.mjsdk.testkit.internal.Endpoint;
import io.github.mjsdk.testkit.internal.RequestPath;
import io.github.mjsdk.testkit.internal.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.ByteString;

/**
 * Every request of a server goes through here: an injected fault replaces or shapes the simulator's answer, and the
 * exchange is written to the journal.
 */
final class RecordingDispatcher extends Dispatcher {
    private final Simulator simulator;
    private final Faults faults;
    private final Journal journal;
    private final Runnable afterRequest;
    private final Clock clock;
    private final VirtualTime virtual;
    /** Set while the server is paused: every request is answered with {@link #DOWN} and not processed. */
    private volatile boolean down;
    /** What a paused server answers. */
    static final Fault DOWN = Fault.unavailable(java.time.Duration.ofSeconds(1));

    RecordingDispatcher(Simulator simulator, Faults faults, Journal journal, Runnable afterRequest, Clock clock,
                        VirtualTime virtual) {
        this.simulator = simulator;
        this.clock = clock;
        this.virtual = virtual;
        this.faults = faults;
        this.journal = journal;
        this.afterRequest = afterRequest;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        afterRequest.run();
        RequestPath path = simulator.parse(request.getUrl().encodedPath());
        Route route = routeOf(path.endpoint());
        Instant now = simulator.now();
        Fault fault = down ? DOWN : faults.take(route);
        MockResponse response;
        if (fault != null && fault.replacesAnswer()) {
            response = fault.answer(request.getTarget());
        } else {
            response = simulator.answer(request, path, now);
            if (fault != null) {
                try {
                    response = fault.shape(response, clock, virtual);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        int status = fault == null || fault.status() < 0 ? response.getCode() : fault.status();
        ByteString body = request.getBody();
        journal.add(new RecordedCall(now, request.getMethod(), request.getTarget(), route, path.tier(),
                request.getHeaders().toMultimap(), body == null ? "" : body.utf8(), status, fault));
        return response;
    }

    /** Takes the server down ({@code true}) or brings it back ({@code false}). */
    void down(boolean value) {
        down = value;
    }

    /** The public name of what a request asked for. */
    static Route routeOf(Endpoint endpoint) {
        return switch (endpoint) {
            case IMAGINE -> Route.IMAGINE;
            case ACTION -> Route.ACTION;
            case MODAL -> Route.MODAL;
            case CHANGE -> Route.CHANGE;
            case DESCRIBE -> Route.DESCRIBE;
            case BLEND -> Route.BLEND;
            case VIDEO -> Route.VIDEO;
            case SEED -> Route.IMAGE_SEED;
            case SHORTEN -> Route.SHORTEN;
            case BALANCE -> Route.BALANCE;
            case CANCEL -> Route.CANCEL;
            case FETCH -> Route.FETCH;
            case LIST_BY_CONDITION -> Route.LIST_BY_CONDITION;
            case IMAGE -> Route.IMAGE;
            case OTHER -> Route.OTHER;
        };
    }
}
