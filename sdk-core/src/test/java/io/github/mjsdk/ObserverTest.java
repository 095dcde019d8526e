package io.github.mjsdk;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.observe.HttpAttempt;
import io.github.mjsdk.observe.PollRound;
import io.github.mjsdk.observe.WaitEnded;
import io.github.mjsdk.observe.WaitOutcome;
import io.github.mjsdk.observe.WaitStarted;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.testing.MockServerTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** The observer hears every HTTP attempt, poll round and wait of a known sequence of calls, exactly once each. */
class ObserverTest extends MockServerTest {
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final ClientObserver recorder = new ClientObserver() {
        @Override
        public void httpAttempt(HttpAttempt attempt) {
            events.add(attempt);
        }

        @Override
        public void pollRound(PollRound round) {
            events.add(round);
        }

        @Override
        public void waitStarted(WaitStarted wait) {
            events.add(wait);
        }

        @Override
        public void waitEnded(WaitEnded wait) {
            events.add(wait);
        }
    };

    @Test
    void anImagineIsOneSubmitOneWaitAndOneRoundPerPoll() {
        MidjourneyClient observed = newClient(b -> b.observer(recorder));
        enqueue(ok("submit/accepted.json"), new MockResponse.Builder().code(503).build(),
                ok("task/imagine-in-progress.json"), ok("task/imagine-success.json"));

        CompletableFuture<?> imagine = observed.imagine(PROMPT, Speed.TURBO);
        drive(imagine);
        imagine.join();

        List<HttpAttempt> attempts = of(HttpAttempt.class);
        assertThat(attempts).extracting(HttpAttempt::operation, HttpAttempt::route, HttpAttempt::status,
                HttpAttempt::attempt, HttpAttempt::willRetry).containsExactly(
                tuple("imagine", "POST /mj-turbo/mj/submit/imagine", 200, 0, false),
                tuple("fetch", "GET /mj/task/{id}/fetch", 503, 0, false),
                tuple("fetch", "GET /mj/task/{id}/fetch", 200, 0, false),
                tuple("fetch", "GET /mj/task/{id}/fetch", 200, 0, false));
        assertThat(of(PollRound.class)).as("polls are not retried by the transport: the poller polls again")
                .containsExactly(new PollRound(1, 1), new PollRound(1, 1), new PollRound(1, 1));
        assertThat(of(WaitStarted.class)).containsExactly(new WaitStarted(GRID_ID, "turbo"));
        assertThat(of(WaitEnded.class)).singleElement().satisfies(end -> {
            assertThat(end.taskId()).isEqualTo(GRID_ID);
            assertThat(end.tier()).isEqualTo("turbo");
            assertThat(end.action()).isEqualTo(TaskAction.IMAGINE);
            assertThat(end.outcome()).isEqualTo(WaitOutcome.SUCCESS);
            assertThat(end.duration()).isPositive();
        });
    }

    @Test
    void aCancelledAndATimedOutWaitEndOnceEachAndAThrowingObserverChangesNothing() {
        List<WaitOutcome> outcomes = new CopyOnWriteArrayList<>();
        MidjourneyClient observed = newClient(b -> b.observer(new ClientObserver() {
            @Override
            public void waitEnded(WaitEnded wait) {
                outcomes.add(wait.outcome());
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void httpAttempt(HttpAttempt attempt) {
                throw new IllegalStateException("observer bug");
            }
        }));
        PollOptions brief = PollOptions.defaults().withTimeout(Duration.ofSeconds(5));
        enqueue(ok("task/imagine-in-progress.json"), ok("task/imagine-in-progress.json"),
                ok("task/imagine-in-progress.json"));

        CompletableFuture<?> cancelled = observed.poller().await(GRID_ID, brief);
        cancelled.cancel(true);
        CompletableFuture<?> timedOut = observed.poller().await(GRID_ID, brief);
        drive(timedOut);

        assertThat(failureOf(cancelled)).isInstanceOf(CancellationException.class);
        assertThat(failureOf(timedOut)).isInstanceOf(io.github.mjsdk.error.TaskTimeoutException.class);
        assertThat(outcomes).containsExactly(WaitOutcome.CANCELLED, WaitOutcome.TIMEOUT);
    }

    private <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
