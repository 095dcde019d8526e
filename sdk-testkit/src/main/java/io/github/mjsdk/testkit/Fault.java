package io.github.mjsdk.testkit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;

/**
 * A failure the {@link FakeMidjourneyServer} can play instead of (or on top of) a normal answer, for testing how
 * code copes with a flaky server or network. Inject with {@link FakeMidjourneyServer#failNext(Route, int, Fault)}.
 *
 * <p>{@link #htmlError(int)}, {@link #rateLimited(Duration)}, {@link #unavailable(Duration)},
 * {@link #resetConnection()} and {@link #redirect(int)} replace the answer: the request is not processed (no task is
 * created). {@link #slowBody(Duration)}, {@link #dripBody(Duration)} and {@link #closeAfterAnswer()} let the request
 * be processed and only change how the answer travels.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fault {
    private static final int SLOW_CHUNKS = 8;
    /** The real pause between two pieces of a {@link #dripBody(Duration)} on a simulated clock. */
    private static final long DRIP_PAUSE_MILLIS = 1;
    /** The longest gap between two pieces of a {@link #dripBody(Duration)}, on the server's clock. */
    private static final long DRIP_GAP_MILLIS = 250;
    /** How long (real time) a drip body on {@link VirtualTime} waits at most for the timers due after each move. */
    private static final long DRIP_SETTLE_MILLIS = 2_000;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private enum Kind { HTML_ERROR, RATE_LIMITED, UNAVAILABLE, RESET, REDIRECT, SLOW_BODY, DRIP_BODY, CLOSE_AFTER }

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
     * HTTP 503 with a proxy's HTML page and a {@code Retry-After} header in whole seconds, as a gateway sends while
     * its upstream restarts or sheds load.
     *
     * @param retryAfter zero or positive; sent rounded up to whole seconds
     * @return the fault
     * @throws IllegalArgumentException if {@code retryAfter} is null or negative
     */
    public static Fault unavailable(Duration retryAfter) {
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or positive, got " + retryAfter);
        }
        return new Fault(Kind.UNAVAILABLE, 503, retryAfter);
    }

    /**
     * A redirect to the very path and query that was asked for, on the same server, with an empty body, as a
     * load balancer sends to move a client to another node. The request is not processed; a client that follows
     * the redirect sends it again (and that request may meet another fault).
     *
     * @param status 301, 302, 303, 307 or 308
     * @return the fault
     * @throws IllegalArgumentException if {@code status} is not one of these
     */
    public static Fault redirect(int status) {
        if (!REDIRECTS.contains(status)) {
            throw new IllegalArgumentException("status must be 301, 302, 303, 307 or 308, got " + status);
        }
        return new Fault(Kind.REDIRECT, status, null);
    }

    /**
     * The request is processed and answered normally, then the server closes the connection without having said
     * {@code Connection: close}, as a server whose keep-alive timeout expired does. A client that keeps the
     * connection in its pool meets a stale connection on its next request: that request is written to a closed
     * socket and fails with an I/O error before the server sees it (the journal does not record it).
     *
     * @return the fault
     */
    public static Fault closeAfterAnswer() {
        return new Fault(Kind.CLOSE_AFTER, 0, null);
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

    /**
     * The request is processed normally, then the answer's body is sent in pieces spread evenly over {@code total}
     * (at least eight, and at most 250 ms apart); headers go out at once. The gaps are on the server's clock: on a
     * {@link SimulatedClock} (and so on {@link VirtualTime}) the server moves the clock forward by one gap after each
     * piece and, on {@link VirtualTime}, goes on only once the timers due by then have run (a client deadline
     * fires at its virtual instant, whatever the machine's load; at most 2 s of real time are waited per piece);
     * on a real clock it sleeps. A client deadline that falls inside {@code total} therefore expires while the body is being
     * read, in virtual time, whatever the machine's load; a longer deadline sees the whole answer.
     *
     * @param total how long the body takes to arrive, on the server's clock; positive
     * @return the fault
     * @throws IllegalArgumentException if {@code total} is null, zero or negative
     */
    public static Fault dripBody(Duration total) {
        if (total == null || total.isZero() || total.isNegative()) {
            throw new IllegalArgumentException("total must be positive, got " + total);
        }
        return new Fault(Kind.DRIP_BODY, 0, total);
    }

    /** Whether the fault replaces the answer, so that the request is not processed at all. */
    boolean replacesAnswer() {
        return kind != Kind.SLOW_BODY && kind != Kind.DRIP_BODY && kind != Kind.CLOSE_AFTER;
    }

    /**
     * The answer that replaces the normal one; only when {@link #replacesAnswer()}.
     *
     * @param target the request's path and query, where a redirect points
     */
    MockResponse answer(String target) {
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
                return new MockResponse.Builder().code(429).setHeader("Retry-After", retryAfterSeconds()).build();
            case UNAVAILABLE:
                String page = "503 Service Temporarily Unavailable";
                return new MockResponse.Builder().code(503).setHeader("Retry-After", retryAfterSeconds())
                        .setHeader("Content-Type", "text/html; charset=utf-8")
                        .body("<html>\r\n<head><title>" + page + "</title></head>\r\n<body>\r\n<center><h1>"
                                + page + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
                        .build();
            case REDIRECT:
                return new MockResponse.Builder().code(status).setHeader("Location", target)
                        .setHeader("Content-Length", 0).build();
            case RESET:
                return new MockResponse.Builder().code(200).onResponseStart(new SocketEffect.CloseSocket()).build();
            default:
                throw new IllegalStateException(kind + " does not replace the answer");
        }
    }

    private long retryAfterSeconds() {
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }

    /**
     * The normal answer with this fault applied; only when not {@link #replacesAnswer()}.
     *
     * @param clock   the server's clock, which a drip body moves when it is a {@link SimulatedClock}
     * @param virtual the virtual time the server runs on, whose timers due after each move a drip body lets run
     *                first; or null
     */
    MockResponse shape(MockResponse normal, Clock clock, VirtualTime virtual) throws IOException {
        if (kind == Kind.CLOSE_AFTER) {
            return normal.newBuilder().onResponseEnd(new SocketEffect.CloseSocket()).build();
        }
        MockResponseBody body = normal.getBody();
        long bodyBytes = body == null ? 0 : body.getContentLength();
        if (kind == Kind.SLOW_BODY) {
            long chunk = Math.max(1, (bodyBytes + SLOW_CHUNKS - 1) / SLOW_CHUNKS);
            long period = Math.max(1, duration.toNanos() / SLOW_CHUNKS);
            return normal.newBuilder().throttleBody(chunk, period, TimeUnit.NANOSECONDS).build();
        }
        Buffer bytes = new Buffer();
        if (body != null) {
            body.writeTo(bytes);
        }
        long pieces = Math.max(SLOW_CHUNKS, (duration.toMillis() + DRIP_GAP_MILLIS - 1) / DRIP_GAP_MILLIS);
        return normal.newBuilder().body(new Drip(bytes.readByteArray(), (int) Math.min(pieces, 1_000),
                        duration.dividedBy(Math.min(pieces, 1_000)), clock, virtual))
                .build();
    }

    /** The status the client receives, or 0 for a closed connection; -1 when the route decides. */
    int status() {
        return kind == Kind.SLOW_BODY || kind == Kind.DRIP_BODY || kind == Kind.CLOSE_AFTER ? -1 : status;
    }

    /** A body written in {@code pieces} pieces (some may be empty), the server's clock moving by {@code gap} between two. */
    private static final class Drip implements MockResponseBody {
        private final byte[] bytes;
        private final int pieces;
        private final Duration gap;
        private final Clock clock;
        private final VirtualTime virtual;

        Drip(byte[] bytes, int pieces, Duration gap, Clock clock, VirtualTime virtual) {
            this.bytes = bytes;
            this.pieces = pieces;
            this.gap = gap;
            this.clock = clock;
            this.virtual = virtual;
        }

        @Override
        public long getContentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            for (int i = 0; i < pieces; i++) {
                int from = (int) ((long) bytes.length * i / pieces);
                int to = (int) ((long) bytes.length * (i + 1) / pieces);
                sink.write(bytes, from, to - from);
                sink.flush();
                if (i + 1 < pieces) {
                    pause();
                }
            }
        }

        private void pause() throws InterruptedIOException {
            try {
                if (clock instanceof SimulatedClock) {
                    ((SimulatedClock) clock).advance(gap);
                    if (virtual != null) {
                        virtual.awaitDueTimers(DRIP_SETTLE_MILLIS);
                    }
                    Thread.sleep(DRIP_PAUSE_MILLIS);
                } else {
                    Thread.sleep(Math.max(1, gap.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("drip body interrupted");
            }
        }
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
     * @return e.g. {@code htmlError(502)}, {@code rateLimited(PT3S)}, {@code unavailable(PT1S)},
     *     {@code resetConnection()}, {@code redirect(307)}, {@code slowBody(PT2S)}, {@code dripBody(PT4S)},
     *     {@code closeAfterAnswer()}
     */
    @Override
    public String toString() {
        switch (kind) {
            case HTML_ERROR:
                return "htmlError(" + status + ")";
            case RATE_LIMITED:
                return "rateLimited(" + duration + ")";
            case UNAVAILABLE:
                return "unavailable(" + duration + ")";
            case RESET:
                return "resetConnection()";
            case REDIRECT:
                return "redirect(" + status + ")";
            case DRIP_BODY:
                return "dripBody(" + duration + ")";
            case CLOSE_AFTER:
                return "closeAfterAnswer()";
            default:
                return "slowBody(" + duration + ")";
        }
    }
}
