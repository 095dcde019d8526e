package io.github.mjsdk.reliability;

import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.CONNECTION_REFUSED;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.EMPTY_BODY;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.HTML_200;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.HTML_500;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.HTML_502;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.HTML_503;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.MALFORMED_JSON;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.OVERSIZE_BODY;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.RATE_LIMITED;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.RATE_LIMITED_RETRY_AFTER;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.READ_TIMEOUT;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.RESET_BEFORE_RESPONSE;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.RESET_MID_BODY;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.TRUNCATED_JSON;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.UNKNOWN_VALUES;
import static io.github.mjsdk.reliability.FaultMatrixTest.Fault.WRONG_CONTENT_TYPE;
import static io.github.mjsdk.reliability.FaultMatrixTest.Op.BATCH;
import static io.github.mjsdk.reliability.FaultMatrixTest.Op.FETCH;
import static io.github.mjsdk.reliability.FaultMatrixTest.Op.SUBMIT;
import static io.github.mjsdk.reliability.FaultMatrixTest.Op.WAIT;
import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.RequestOptions;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.poll.PollOptions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix (docs/reliability.md): every operation against every way a server in this ecosystem fails. Each
 * row: the server answers the fault first and a good answer after it; the operation must end in the row's typed
 * outcome (or recover), with the row's number of HTTP attempts (a submit that may have been processed is never sent
 * twice), by its deadline plus one second (on the virtual clock that runs retry and poll waits, and in real time);
 * afterwards no timer is pending, no connection is held and every HTTP thread ends.
 *
 * <p>Settings of every row: 2 retries, a 30 s request deadline, a 1 s read timeout, a 64 KiB body cap; waits
 * poll every 3 s with a 60 s deadline.
 */
class FaultMatrixTest {
    private static final Duration REQUEST_DEADLINE = Duration.ofSeconds(30);
    private static final Duration WAIT_DEADLINE = Duration.ofSeconds(60);
    private static final String TASK = text("task/imagine-success.json");
    private static final String SUBMITTED = text("submit/accepted.json");
    private static final String HTML = text("error/cloudflare-502.html");

    /** The operations under test. */
    enum Op {
        SUBMIT, FETCH, BATCH, WAIT
    }

    /** The faults, each the first answer the server gives (every answer, for a refused connection). */
    enum Fault {
        CONNECTION_REFUSED, RESET_BEFORE_RESPONSE, RESET_MID_BODY, READ_TIMEOUT, RATE_LIMITED,
        RATE_LIMITED_RETRY_AFTER, HTML_500, HTML_502, HTML_503, HTML_200, MALFORMED_JSON, TRUNCATED_JSON, EMPTY_BODY,
        OVERSIZE_BODY, WRONG_CONTENT_TYPE, UNKNOWN_VALUES
    }

    /**
     * What a row must end in.
     *
     * @param type      null for success, else the exception type
     * @param processed for a TransportException, its {@code requestMayHaveBeenProcessed()}; else null
     */
    record Outcome(Class<? extends Throwable> type, Boolean processed) {
        static final Outcome RECOVERS = new Outcome(null, null);
        static final Outcome NOT_SENT = new Outcome(TransportException.class, false);
        static final Outcome MAY_HAVE_BEEN_PROCESSED = new Outcome(TransportException.class, true);

        static Outcome fails(Class<? extends Throwable> type) {
            return new Outcome(type, null);
        }

        @Override
        public String toString() {
            if (type == null) {
                return "succeeds";
            }
            return type.getSimpleName() + (processed == null ? "" : processed ? " (may have been processed)"
                    : " (never sent)");
        }
    }

    private static final Outcome RECOVERS = Outcome.RECOVERS;
    private static final Outcome NOT_SENT = Outcome.NOT_SENT;
    private static final Outcome MAYBE = Outcome.MAY_HAVE_BEEN_PROCESSED;
    private static final Outcome SERVER = Outcome.fails(ServerException.class);
    private static final Outcome PROTOCOL = Outcome.fails(ProtocolException.class);
    private static final Outcome NOT_FOUND = Outcome.fails(NotFoundException.class);
    private static final Outcome TIMES_OUT = Outcome.fails(TaskTimeoutException.class);
    /** Attempts of a wait vary with its poll schedule; not asserted. */
    private static final int ANY = -1;

    /** The number of HTTP attempts a row makes, or {@link #ANY}. */
    record Attempts(int count) {
        @Override
        public String toString() {
            return count == ANY ? "any number of attempts" : count + (count == 1 ? " attempt" : " attempts");
        }
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                //  operation  fault                     outcome    HTTP attempts
                row(SUBMIT, CONNECTION_REFUSED, NOT_SENT, 3),
                row(SUBMIT, RESET_BEFORE_RESPONSE, MAYBE, 1),
                row(SUBMIT, RESET_MID_BODY, MAYBE, 1),
                row(SUBMIT, READ_TIMEOUT, MAYBE, 1),
                row(SUBMIT, RATE_LIMITED, RECOVERS, 2),
                row(SUBMIT, RATE_LIMITED_RETRY_AFTER, RECOVERS, 2),
                row(SUBMIT, HTML_500, SERVER, 1),
                row(SUBMIT, HTML_502, SERVER, 1),
                row(SUBMIT, HTML_503, RECOVERS, 2),
                row(SUBMIT, HTML_200, PROTOCOL, 1),
                row(SUBMIT, MALFORMED_JSON, PROTOCOL, 1),
                row(SUBMIT, TRUNCATED_JSON, PROTOCOL, 1),
                row(SUBMIT, EMPTY_BODY, PROTOCOL, 1),
                row(SUBMIT, OVERSIZE_BODY, PROTOCOL, 1),
                row(SUBMIT, WRONG_CONTENT_TYPE, RECOVERS, 1),
                row(SUBMIT, UNKNOWN_VALUES, RECOVERS, 1),

                row(FETCH, CONNECTION_REFUSED, NOT_SENT, 3),
                row(FETCH, RESET_BEFORE_RESPONSE, RECOVERS, 2),
                row(FETCH, RESET_MID_BODY, RECOVERS, 2),
                row(FETCH, READ_TIMEOUT, RECOVERS, 2),
                row(FETCH, RATE_LIMITED, RECOVERS, 2),
                row(FETCH, RATE_LIMITED_RETRY_AFTER, RECOVERS, 2),
                row(FETCH, HTML_500, RECOVERS, 2),
                row(FETCH, HTML_502, RECOVERS, 2),
                row(FETCH, HTML_503, RECOVERS, 2),
                row(FETCH, HTML_200, PROTOCOL, 1),
                row(FETCH, MALFORMED_JSON, PROTOCOL, 1),
                row(FETCH, TRUNCATED_JSON, PROTOCOL, 1),
                row(FETCH, EMPTY_BODY, NOT_FOUND, 1),
                row(FETCH, OVERSIZE_BODY, PROTOCOL, 1),
                row(FETCH, WRONG_CONTENT_TYPE, RECOVERS, 1),
                row(FETCH, UNKNOWN_VALUES, RECOVERS, 1),

                row(BATCH, CONNECTION_REFUSED, NOT_SENT, 3),
                row(BATCH, RESET_BEFORE_RESPONSE, RECOVERS, 2),
                row(BATCH, RESET_MID_BODY, RECOVERS, 2),
                row(BATCH, READ_TIMEOUT, RECOVERS, 2),
                row(BATCH, RATE_LIMITED, RECOVERS, 2),
                row(BATCH, RATE_LIMITED_RETRY_AFTER, RECOVERS, 2),
                row(BATCH, HTML_500, RECOVERS, 2),
                row(BATCH, HTML_502, RECOVERS, 2),
                row(BATCH, HTML_503, RECOVERS, 2),
                row(BATCH, HTML_200, PROTOCOL, 1),
                row(BATCH, MALFORMED_JSON, PROTOCOL, 1),
                row(BATCH, TRUNCATED_JSON, PROTOCOL, 1),
                row(BATCH, EMPTY_BODY, PROTOCOL, 1),
                row(BATCH, OVERSIZE_BODY, PROTOCOL, 1),
                row(BATCH, WRONG_CONTENT_TYPE, RECOVERS, 1),
                row(BATCH, UNKNOWN_VALUES, RECOVERS, 1),

                row(WAIT, CONNECTION_REFUSED, TIMES_OUT, ANY),
                row(WAIT, RESET_BEFORE_RESPONSE, RECOVERS, 2),
                row(WAIT, RESET_MID_BODY, RECOVERS, 2),
                row(WAIT, READ_TIMEOUT, RECOVERS, 2),
                row(WAIT, RATE_LIMITED, RECOVERS, 2),
                row(WAIT, RATE_LIMITED_RETRY_AFTER, RECOVERS, 2),
                row(WAIT, HTML_500, RECOVERS, 2),
                row(WAIT, HTML_502, RECOVERS, 2),
                row(WAIT, HTML_503, RECOVERS, 2),
                row(WAIT, HTML_200, RECOVERS, 2),
                row(WAIT, MALFORMED_JSON, RECOVERS, 2),
                row(WAIT, TRUNCATED_JSON, RECOVERS, 2),
                row(WAIT, EMPTY_BODY, RECOVERS, 2),
                row(WAIT, OVERSIZE_BODY, RECOVERS, 2),
                row(WAIT, WRONG_CONTENT_TYPE, RECOVERS, 1),
                row(WAIT, UNKNOWN_VALUES, RECOVERS, 2));
    }

    private static Arguments row(Op op, Fault fault, Outcome outcome, int attempts) {
        return Arguments.of(op, fault, outcome, new Attempts(attempts));
    }

    @ParameterizedTest(name = "{0} × {1} → {2}, {3}")
    @MethodSource("matrix")
    void endsAsTheRowSays(Op op, Fault fault, Outcome outcome, Attempts attempts) throws Exception {
        long threadsBefore = Rig.ourThreads();
        try (Rig rig = new Rig()) {
            String base = fault == CONNECTION_REFUSED ? deadUrl() : rig.server.url("/").toString();
            serve(rig, op, fault);
            MidjourneyClient client = rig.builder().baseUrl(base)
                    .requestOptions(RequestOptions.builder().timeout(REQUEST_DEADLINE).maxRetries(2).build())
                    .readTimeout(Duration.ofSeconds(1))
                    .maxResponseBytes(64 * 1024)
                    .build();
            Instant virtualStart = rig.scheduler.clock().instant();
            long realStart = System.nanoTime();

            CompletableFuture<?> future = start(client, op);
            rig.drive(future);

            Duration virtual = Duration.between(virtualStart, rig.scheduler.clock().instant());
            Duration real = Duration.ofNanos(System.nanoTime() - realStart);
            Duration deadline = (op == WAIT ? WAIT_DEADLINE : REQUEST_DEADLINE).plusSeconds(1);
            assertThat(virtual).as("virtual time to complete").isLessThanOrEqualTo(deadline);
            assertThat(real).as("real time to complete").isLessThanOrEqualTo(deadline);
            check(future, op, outcome);
            if (fault == UNKNOWN_VALUES && op == FETCH) {
                Task task = (Task) future.get();
                assertThat(task.rawAction()).isEqualTo("DREAM");
                assertThat(task.extra()).containsKeys("queueLane", "cost");
            }
            if (attempts.count() != ANY) {
                assertThat(rig.attempts).as("HTTP attempts").hasValue(attempts.count());
            }

            client.close();
            assertThat(rig.scheduler.pendingCount()).as("timers left").isZero();
            rig.scheduler.awaitIdle(rig::ioIdle);
            assertThat(rig.heldConnections()).as("connections still held").isZero();
            assertThat(rig.stopHttpThreads()).as("every HTTP thread ended").isTrue();
        }
        assertThat(Rig.ourThreads()).as("mjsdk-* and OkHttp rig threads").isLessThanOrEqualTo(threadsBefore);
    }

    private static CompletableFuture<?> start(MidjourneyClient client, Op op) {
        switch (op) {
            case SUBMIT:
                return client.submitImagine(ImagineRequest.of(PROMPT));
            case FETCH:
                return client.fetchTaskAsync(GRID_ID);
            case BATCH:
                return client.fetchTasksAsync(List.of(GRID_ID));
            default:
                return client.poller().await(GRID_ID, new PollOptions(WAIT_DEADLINE, Duration.ZERO,
                        Duration.ofSeconds(3)));
        }
    }

    private static void check(CompletableFuture<?> future, Op op, Outcome outcome) throws Exception {
        assertThat(future).isDone();
        if (outcome.type() == null) {
            Object value = future.get(0, TimeUnit.SECONDS);
            if (op == SUBMIT) {
                assertThat(((SubmitResult) value).taskId()).isEqualTo(GRID_ID);
            } else if (op == BATCH) {
                assertThat((List<?>) value).singleElement()
                        .satisfies(task -> assertThat(((Task) task).id()).isEqualTo(GRID_ID));
            } else {
                assertThat(((Task) value).id()).isEqualTo(GRID_ID);
            }
            return;
        }
        Throwable failure;
        try {
            future.get(0, TimeUnit.SECONDS);
            throw new AssertionError("succeeded, expected " + outcome);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        assertThat(failure).isInstanceOf(outcome.type());
        assertThat(failure.getMessage()).doesNotContain(Rig.API_KEY);
        if (outcome.processed() != null) {
            assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isEqualTo(outcome.processed());
        }
    }

    /** The server's answers: the fault, then good answers for whatever retries or polls follow. */
    private static void serve(Rig rig, Op op, Fault fault) {
        String good = op == SUBMIT ? SUBMITTED : op == BATCH ? "[" + TASK + "]" : TASK;
        rig.enqueue(fault(fault, op, good));
        for (int i = 0; i < 3; i++) {
            rig.enqueue(json(good));
        }
    }

    private static MockResponse fault(Fault fault, Op op, String good) {
        switch (fault) {
            case CONNECTION_REFUSED:
                return json(good);
            case RESET_BEFORE_RESPONSE:
                return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
            case RESET_MID_BODY:
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body(good).onResponseBody(new SocketEffect.CloseSocket()).build();
            case READ_TIMEOUT:
                return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
            case RATE_LIMITED:
                return json(429, "{\"error\":{\"message\":\"rate limited\"}}");
            case RATE_LIMITED_RETRY_AFTER:
                return new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build();
            case HTML_500:
                return html(500);
            case HTML_502:
                return html(502);
            case HTML_503:
                return html(503);
            case HTML_200:
                return html(200);
            case MALFORMED_JSON:
                return json("{\"code\":1,\"result\":\"" + GRID_ID + "\",,}");
            case TRUNCATED_JSON:
                return json(good.substring(0, good.length() / 2));
            case EMPTY_BODY:
                return json("");
            case OVERSIZE_BODY:
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .chunkedBody("[" + "0,".repeat(40_000) + "0]", 4096).build();
            case WRONG_CONTENT_TYPE:
                return new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8").body(good)
                        .build();
            default:
                return json(unknownValues(op, good));
        }
    }

    /** The good answer with values this SDK version does not know and fields it does not model. */
    private static String unknownValues(Op op, String good) {
        String changed = op == SUBMIT
                ? good.replace("\"code\":1,", "\"code\":1,\"traceId\":\"t-1\",\"quota\":{\"left\":3},")
                : good.replace("\"status\": \"SUCCESS\"", op == WAIT ? "\"status\": \"WAITING_FOR_GPU\""
                : "\"status\": \"SUCCESS\", \"queueLane\": \"v7\", \"cost\": {\"gpuSeconds\": 12.5}")
                .replace("\"action\": \"IMAGINE\"", op == WAIT ? "\"action\": \"IMAGINE\"" : "\"action\": \"DREAM\"");
        assertThat(changed).as("the fixture has the fields the row changes").isNotEqualTo(good);
        return changed;
    }

    private static MockResponse json(String body) {
        return json(200, body);
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body)
                .build();
    }

    private static MockResponse html(int status) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "text/html; charset=UTF-8")
                .body(HTML).build();
    }

    private static String deadUrl() throws IOException {
        MockWebServer gone = new MockWebServer();
        gone.start();
        String url = gone.url("/").toString();
        gone.close();
        return url;
    }
}
