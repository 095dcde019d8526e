package io.github.mjsdk.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * A failure the {@link FakeMidjourneyServer} can play instead of (or on top of) a normal answer, for testing how
 * code copes with a flaky server or network. Inject with {@link FakeMidjourneyServer#failNext(Route, int, Fault)}.
 *
 * <p>{@link #htmlError(int)}, {@link #rateLimited(Duration)} and {@link #resetConnection()} replace the answer: the
 * request is not processed (no task is created). {@link #slowBody(Duration)} lets the request be processed and only
 * delays the body, like a network that drops to a trickle after the server did the work.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fault {
    private static final int SLOW_CHUNKS = 8;

    private enum Kind { HTML_ERROR, RATE_LIMITED, RESET, SLOW_BODY }

    private final Kind kind;
    private final int status;
    private final Duration duration;

    private Fault(Kind kind, int status, Duration duration) {
        this.kind = kind;
        this.status = status;
        this.duration = duration;
    }

    /**
     * HTTP 500 with a proxy's HTML error page ({@code Content-Type: text/html}), as a reverse proxy in front of a
     * crashed server sends.
     *
     * @return the fault
     */
    public static Fault serverError() {
        return htmlError(500);
    }

    /**
     * An HTTP error status with an nginx-style HTML page instead of JSON.
     *
     * @param status 400–599, e.g. 502 or 504
     * @return the fault
     * @throws IllegalArgumentException if {@code status} is outside 400–599
     */
    public static Fault htmlError(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599, got " + status);
        }
        return new Fault(Kind.HTML_ERROR, status, null);
    }

    /**
     * HTTP 429 with an empty body and a {@code Retry-After} header in whole seconds (docs/protocols.md §b.7).
     *
     * @param retryAfter zero or positive; sent rounded up to whole seconds
     * @return the fault
     * @throws IllegalArgumentException if {@code retryAfter} is null or negative
     */
    public static Fault rateLimited(Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or positive, got " + retryAfter);
        }
        return new Fault(Kind.RATE_LIMITED, 429, retryAfter);
    }

    /**
     * The server reads the request, then closes the connection without answering: the client sees an I/O error
     * such as "unexpected end of stream".
     *
     * @return the fault
     */
    public static Fault resetConnection() {
        return new Fault(Kind.RESET, 0, null);
    }

    /**
     * The request is processed normally, then the answer's body is sent in small pieces spread over
     * {@code total}; headers go out at once. A client whose read timeout is shorter than an eighth of
     * {@code total} times out while reading.
     *
     * @param total how long the body takes to arrive; positive
     * @return the fault
     * @throws IllegalArgumentException if {@code total} is null, zero or negative
     */
    public static Fault slowBody(Duration total) {
        if (total == null || total.isZero() || total.isNegative()) {
            throw new IllegalArgumentException("total must be positive, got " + total);
        }
        return new Fault(Kind.SLOW_BODY, 0, total);
    }

    /** Whether the fault replaces the answer, so that the request is not processed at all. */
    boolean replacesAnswer() {
        return kind != Kind.SLOW_BODY;
    }

    /** The answer that replaces the normal one; only when {@link #replacesAnswer()}. */
    MockResponse answer() {
        switch (kind) {
            case HTML_ERROR:
                String reason = status == 500 ? "Internal Server Error" : status == 502 ? "Bad Gateway"
                        : status == 503 ? "Service Temporarily Unavailable" : status == 504 ? "Gateway Time-out"
                        : "Error";
                String title = status + " " + reason;
                return new MockResponse.Builder().code(status)
                        .setHeader("Content-Type", "text/html; charset=utf-8")
                        .body("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>"
                                + title + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
                        .build();
            case RATE_LIMITED:
                long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
                return new MockResponse.Builder().code(429).setHeader("Retry-After", seconds).build();
            case RESET:
                return new MockResponse.Builder().code(200).onResponseStart(new SocketEffect.CloseSocket()).build();
            default:
                throw new IllegalStateException(kind + " does not replace the answer");
        }
    }

    /** The normal answer with this fault applied; only when not {@link #replacesAnswer()}. */
    MockResponse shape(MockResponse normal, long bodyBytes) {
        long chunk = Math.max(1, (bodyBytes + SLOW_CHUNKS - 1) / SLOW_CHUNKS);
        long period = Math.max(1, duration.toNanos() / SLOW_CHUNKS);
        return normal.newBuilder().throttleBody(chunk, period, TimeUnit.NANOSECONDS).build();
    }

    /** The status the client receives, or 0 for a closed connection; -1 when the route decides. */
    int status() {
        return kind == Kind.SLOW_BODY ? -1 : status;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Fault)) {
            return false;
        }
        Fault that = (Fault) other;
        return kind == that.kind && status == that.status && Objects.equals(duration, that.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, duration);
    }

    /**
     * The fault as its factory call.
     *
     * @return e.g. {@code htmlError(502)}, {@code rateLimited(PT3S)}, {@code resetConnection()}, {@code slowBody(PT2S)}
     */
    @Override
    public String toString() {
        switch (kind) {
            case HTML_ERROR:
                return "htmlError(" + status + ")";
            case RATE_LIMITED:
                return "rateLimited(" + duration + ")";
            case RESET:
                return "resetConnection()";
            default:
                return "slowBody(" + duration + ")";
        }
    }
}
