package io.github.mjsdk.reliability;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.RequestOptions;
import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.error.ServiceUnavailableException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overall deadline of a request: every retry wait is charged to it, a retry that would end past it is not made,
 * an attempt running at it is cancelled, and Retry-After (seconds or a date, on 429 and 503) is honoured but clamped.
 * Waits run on virtual time; attempts on loopback.
 */
class DeadlineTest {
    private Rig rig;
    private MidjourneyClient client;

    @BeforeEach
    void start() throws Exception {
        rig = new Rig();
        client = rig.builder().maxRetries(2).build();
    }

    @AfterEach
    void stop() {
        client.close();
        rig.close();
    }

    private MidjourneyClient within(Duration timeout) {
        return client.withOptions(RequestOptions.builder().timeout(timeout).build());
    }

    private static MockResponse status(int code, String retryAfter) {
        MockResponse.Builder builder = new MockResponse.Builder().code(code).body("busy");
        return retryAfter == null ? builder.build() : builder.setHeader("Retry-After", retryAfter).build();
    }

    @Test
    void aRetryWhoseWaitWouldPassTheDeadlineIsNotMade() {
        rig.enqueue(status(429, "10"), ok("task/imagine-success.json"));

        CompletableFuture<Task> fetch = within(Duration.ofSeconds(5)).fetchTaskAsync(GRID_ID);
        rig.drive(fetch);

        Throwable failure = failureOf(fetch);
        assertThat(failure).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) failure).retryAfter()).contains(Duration.ofSeconds(10));
        assertThat(rig.attempts).hasValue(1);
        assertThat(rig.scheduler.pendingCount()).isZero();
    }

    @Test
    void everyWaitIsChargedToTheDeadline() {
        rig.enqueue(status(503, "3"), status(503, "3"), ok("task/imagine-success.json"));
        Instant start = rig.scheduler.clock().instant();

        CompletableFuture<Task> fetch = within(Duration.ofSeconds(5)).fetchTaskAsync(GRID_ID);
        rig.drive(fetch);

        Throwable failure = failureOf(fetch);
        assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
        assertThat(((ServiceUnavailableException) failure).retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(rig.attempts).as("the second wait of 3 s would end at 6 s, past the 5 s deadline").hasValue(2);
        assertThat(Duration.between(start, rig.scheduler.clock().instant())).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void withinTheDeadlineTheSameRetriesSucceed() {
        rig.enqueue(status(503, "3"), status(503, "3"), ok("task/imagine-success.json"));

        CompletableFuture<Task> fetch = within(Duration.ofSeconds(7)).fetchTaskAsync(GRID_ID);
        rig.drive(fetch);

        assertThat(valueOf(fetch).id()).isEqualTo(GRID_ID);
        assertThat(rig.attempts).hasValue(3);
    }

    @Test
    void retryAfterIsClampedTo60Seconds() {
        rig.enqueue(status(429, "3600"), ok("task/imagine-success.json"));

        CompletableFuture<Task> fetch = client.fetchTaskAsync(GRID_ID);
        rig.scheduler.awaitIdle(rig::ioIdle);

        assertThat(rig.scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(60));
        rig.drive(fetch);
        assertThat(valueOf(fetch).id()).isEqualTo(GRID_ID);
    }

    @Test
    void retryAfterAsAnHttpDateOnA503IsHonouredForASubmit() {
        Instant at = rig.scheduler.clock().instant().plusSeconds(12);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
        rig.enqueue(status(503, date), ok("submit/accepted.json"));

        CompletableFuture<SubmitResult> submit = client.submitImagine(ImagineRequest.of(PROMPT));
        rig.scheduler.awaitIdle(rig::ioIdle);

        assertThat(rig.scheduler.pendingDelays()).singleElement()
                .satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(11), Duration.ofSeconds(12)));
        rig.drive(submit);
        assertThat(valueOf(submit).taskId()).isEqualTo(GRID_ID);
        assertThat(rig.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anAttemptRunningAtTheDeadlineIsCancelledAndSaysSo() {
        rig.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        long started = System.nanoTime();

        CompletableFuture<Task> fetch = within(Duration.ofMillis(300)).fetchTaskAsync(GRID_ID);

        Throwable failure = failureOf(fetch);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failure).isInstanceOf(TransportException.class)
                .hasMessageContaining("GET /mj/task/" + GRID_ID + "/fetch timed out")
                .hasMessageContaining("300 ms deadline");
        assertThat(took).as("cut at the deadline, not at the 30 s read timeout").isLessThan(Duration.ofMillis(2300));
        assertThat(rig.attempts).as("no retry after the deadline").hasValue(1);
    }

    @Test
    void aSubmitCutByTheDeadlineMayHaveBeenProcessedAndIsNotResent() {
        rig.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build(),
                ok("submit/accepted.json"));

        CompletableFuture<SubmitResult> submit = within(Duration.ofMillis(300))
                .submitImagine(ImagineRequest.of(PROMPT));

        Throwable failure = failureOf(submit);
        assertThat(failure).isInstanceOf(TransportException.class)
                .hasMessageContaining("may have reached the server");
        assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isTrue();
        rig.scheduler.awaitIdle(rig::ioIdle);
        assertThat(rig.server.getRequestCount()).isEqualTo(1);
        assertThat(rig.scheduler.pendingCount()).isZero();
    }

    @Test
    void theClientsCallTimeoutStillLimitsEachAttemptWithinALongDeadline() {
        client.close();
        client = rig.builder().maxRetries(1).callTimeout(Duration.ofMillis(300)).build();
        rig.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build(),
                ok("task/imagine-success.json"));

        CompletableFuture<Task> fetch = client.fetchTaskAsync(GRID_ID);
        rig.drive(fetch);

        assertThat(valueOf(fetch).id()).as("the timed-out query is retried").isEqualTo(GRID_ID);
        assertThat(rig.attempts).hasValue(2);
    }

    @Test
    void aCallTimeoutIsATransportErrorNotACancellation() {
        client.close();
        client = rig.builder().maxRetries(0).callTimeout(Duration.ofMillis(300)).build();
        rig.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("timed out");
        assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isTrue();
    }
}
