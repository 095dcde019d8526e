package io.github.mjsdk;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_ID;
import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.text;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.testing.MockServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The TaskPoller through its public behaviour ({@code client.poller().await(..)} and the waiting calls), on virtual
 * time: timers fire only when the test moves the {@link io.github.mjsdk.testing.ManualScheduler}, and time moves only
 * once the HTTP in flight has answered.
 */
class PollerTest extends MockServerTest {
    /** Fixed schedule without jitter or growth: first poll after 2 s, then every 3 s, deadline 1 min. */
    private static final PollOptions EVERY_3S = new PollOptions(Duration.ofMinutes(1), Duration.ofSeconds(2),
            Duration.ofSeconds(3));

    @Test
    void pollsOnScheduleUntilSuccess() {
        enqueue(ok("task/imagine-submitted.json"), ok("task/imagine-in-progress.json"),
                ok("task/imagine-success.json"));

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S);

        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(2));
        scheduler.advance(Duration.ofMillis(1999));
        assertThat(server.getRequestCount()).as("nothing before the initial delay").isZero();
        scheduler.advance(Duration.ofMillis(1));
        assertFetch(take());
        awaitIdle();
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(3));
        scheduler.advance(Duration.ofSeconds(3));
        assertFetch(take());
        awaitIdle();
        assertThat(wait).isNotDone();
        scheduler.advance(Duration.ofSeconds(3));
        assertFetch(take());

        Task task = valueOf(wait);
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.progress()).isEqualTo(100);
        assertThat(server.getRequestCount()).isEqualTo(3);
        awaitIdle();
        assertThat(client.poller().pendingWaits()).isZero();
        assertThat(scheduler.clock().instant()).isEqualTo(start().plusSeconds(8));
    }

    static Stream<Arguments> tiers() {
        return Stream.of(
                Arguments.of(Speed.TURBO, Duration.ofSeconds(2), Duration.ofMinutes(10)),
                Arguments.of(Speed.FAST, Duration.ofSeconds(4), Duration.ofMinutes(10)),
                Arguments.of(null, Duration.ofSeconds(4), Duration.ofMinutes(10)),
                Arguments.of(Speed.RELAX, Duration.ofSeconds(10), Duration.ofMinutes(30)));
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void waitingCallsPollByTierAndTimeOutAtTheTiersDeadline(SpeedTier tier, Duration firstPoll, Duration timeout) {
        List<Instant> polls = Collections.synchronizedList(new ArrayList<>());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().endsWith("/submit/imagine")) {
                    return ok("submit/accepted.json");
                }
                polls.add(scheduler.clock().instant());
                return ok("task/imagine-in-progress.json");
            }
        });

        CompletableFuture<Task> grid = client.imagine(PROMPT, tier);
        awaitIdle();
        assertThat(scheduler.pendingDelays()).containsExactly(firstPoll);
        drive(grid);

        Throwable failure = failureOf(grid);
        assertThat(failure).isInstanceOf(TaskTimeoutException.class).hasMessageContaining(GRID_ID);
        TaskTimeoutException timedOut = (TaskTimeoutException) failure;
        assertThat(timedOut.elapsed()).isEqualTo(timeout);
        assertThat(timedOut.lastTask().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(timedOut.lastTask().progress()).isEqualTo(45);
        assertThat(polls.get(0)).isEqualTo(start().plus(firstPoll));
        assertThat(polls).as("polls spread over the whole deadline, none after it")
                .allSatisfy(at -> assertThat(at).isBefore(start().plus(timeout)));
        assertThat(polls.get(polls.size() - 1)).isAfter(start().plus(timeout).minusSeconds(67));
    }

    @Test
    void failureEndsTheWaitWithTheReason() {
        enqueue(ok("task/imagine-in-progress.json"), ok("task/imagine-failure.json"));

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S);
        drive(wait);

        Throwable failure = failureOf(wait);
        assertThat(failure).isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("FAILURE").hasMessageContaining("[Invalid parameter] Invalid value for --q");
        Task task = ((TaskFailedException) failure).task();
        assertThat(task.failReason()).isEqualTo("[Invalid parameter] Invalid value for --q");
        assertThat(task.progress()).isZero();
    }

    @Test
    void cancelEndsTheWaitAsAFailure() {
        enqueue(ok("task/imagine-cancel.json"));

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S);
        drive(wait);

        Throwable failure = failureOf(wait);
        assertThat(failure).isInstanceOf(TaskFailedException.class).hasMessageContaining("CANCEL");
        assertThat(((TaskFailedException) failure).task().status()).isEqualTo(TaskStatus.CANCEL);
    }

    @Test
    void theDeadlineEndsTheWaitWithTheLastTaskSeen() {
        server.setDispatcher(always(ok("task/imagine-in-progress.json")));

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S);
        drive(wait);

        Throwable failure = failureOf(wait);
        assertThat(failure).isInstanceOf(TaskTimeoutException.class).hasMessageContaining("IN_PROGRESS 45%");
        TaskTimeoutException timedOut = (TaskTimeoutException) failure;
        assertThat(timedOut.elapsed()).isEqualTo(Duration.ofMinutes(1));
        assertThat(timedOut.lastTask().id()).isEqualTo(GRID_ID);
        assertThat(server.getRequestCount()).isEqualTo(20);
        assertThat(scheduler.clock().instant()).isEqualTo(start().plus(Duration.ofMinutes(1)));
    }

    @Test
    void transientErrorsAreRetriedUntilTheTaskSucceeds() {
        enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                        .body(text("error/cloudflare-502.html")).build(),
                new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
                new MockResponse.Builder().code(429).setHeader("Retry-After", "40").build(),
                json(200, "<html><body>maintenance</body></html>"),
                new MockResponse.Builder().code(503).build(),
                ok("task/imagine-success.json"));

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S.withTimeout(Duration.ofMinutes(10)));
        scheduler.advance(Duration.ofSeconds(2));
        take();
        awaitIdle();
        assertThat(scheduler.pendingDelays().get(0)).as("backs off after a failure")
                .isGreaterThan(Duration.ofSeconds(3));
        drive(wait);

        assertThat(valueOf(wait).status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void pollErrorsUntilTheDeadlineEndInATimeoutWithoutTask() {
        server.setDispatcher(always(new MockResponse.Builder().code(502).body("Bad gateway").build()));

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S);
        drive(wait);

        Throwable failure = failureOf(wait);
        assertThat(failure).isInstanceOf(TaskTimeoutException.class);
        assertThat(((TaskTimeoutException) failure).lastTask()).isNull();
        assertThat(((TaskTimeoutException) failure).elapsed()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void anAuthenticationErrorEndsTheWaitAtOnce() {
        enqueue(new MockResponse.Builder().code(401).build());

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S);
        drive(wait);

        assertThat(failureOf(wait)).isInstanceOf(AuthenticationException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(scheduler.clock().instant()).isEqualTo(start().plusSeconds(2));
    }

    @Test
    void anUnknownTaskIsNotFoundAfterItsGracePeriod() {
        server.setDispatcher(always(new MockResponse.Builder().code(200).build()));

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S);
        drive(wait);

        assertThat(failureOf(wait)).isInstanceOf(NotFoundException.class);
        assertThat(Duration.between(start(), scheduler.clock().instant()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void unknownStatusesKeepThePollerPolling() {
        enqueue(json(200, text("task/unknown-values.json")), ok("task/imagine-success.json"));

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S);
        drive(wait);

        assertThat(valueOf(wait).status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aBareWaitDoesNotGuessAModalPrompt() {
        enqueue(ok("task/reroll-modal.json"));

        CompletableFuture<Task> wait = client.poller().await(REROLL_ID, EVERY_3S);
        drive(wait);

        Throwable failure = failureOf(wait);
        assertThat(failure).isInstanceOf(ModalRequiredException.class);
        assertThat(((ModalRequiredException) failure).task().status()).isEqualTo(TaskStatus.MODAL);
        assertThat(server.getRequestCount()).as("no modal submitted").isEqualTo(1);
    }

    @Test
    void cancellingAWaitStopsItsScheduleAndItsHttpCall() {
        enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S);
        scheduler.advance(Duration.ofSeconds(2));
        take();

        assertThat(wait.cancel(true)).isTrue();
        awaitIdle();

        assertThat(cancelledCalls).hasValue(1);
        assertThat(client.poller().pendingWaits()).isZero();
        scheduler.advance(Duration.ofMinutes(5));
        awaitIdle();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(wait).isCancelled();
    }

    @Test
    void cancellingAWaitingCallStopsItsSchedule() {
        enqueue(ok("submit/accepted.json"), ok("task/imagine-in-progress.json"));

        CompletableFuture<Task> grid = client.imagine(PROMPT, Speed.TURBO);
        awaitIdle();
        scheduler.advance(Duration.ofSeconds(2));
        take();
        take();
        awaitIdle();

        grid.cancel(false);

        assertThat(client.poller().pendingWaits()).isZero();
        scheduler.advance(Duration.ofMinutes(15));
        awaitIdle();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void closingTheClientCancelsEveryWait() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().endsWith("/submit/imagine")) {
                    return ok("submit/accepted.json");
                }
                if (request.getUrl().encodedPath().contains(REROLL_ID)) {
                    return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
                }
                return ok("task/imagine-in-progress.json");
            }
        });
        // polled alone at 1 s: the imagine's wait (first poll at 4 s) is not yet past the middle of its delay, so it
        // does not ride along in a batch request
        CompletableFuture<Task> inFlight = client.poller().await(REROLL_ID,
                EVERY_3S.withInitialDelay(Duration.ofSeconds(1)));
        CompletableFuture<Task> onTimer = client.poller().await(GRID_ID, EVERY_3S.withInitialDelay(Duration.ofSeconds(30)));
        CompletableFuture<Task> waitingCall = client.imagine(PROMPT, Speed.FAST);
        awaitIdle();
        scheduler.advance(Duration.ofSeconds(1));
        take();
        take();
        assertThat(client.poller().pendingWaits()).isEqualTo(3);

        client.close();

        for (CompletableFuture<Task> future : List.of(inFlight, onTimer, waitingCall)) {
            assertThat(failureOf(future)).isInstanceOf(io.github.mjsdk.error.ClientClosedException.class);
        }
        awaitIdle();
        assertThat(cancelledCalls).hasValueGreaterThanOrEqualTo(1);
        assertThat(scheduler.pendingCount()).as("no timer left").isZero();
    }

    private Instant start() {
        return Instant.ofEpochMilli(1712345678901L);
    }

    private static void assertFetch(RecordedRequest request) {
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/mj/task/" + GRID_ID + "/fetch");
    }

    private static Dispatcher always(MockResponse response) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        };
    }
}
