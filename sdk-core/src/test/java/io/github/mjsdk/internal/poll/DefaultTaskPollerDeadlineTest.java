package io.github.mjsdk.internal.poll;

import static io.github.mjsdk.internal.poll.PollerRig.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.observe.WaitStarted;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.testing.ManualScheduler;
import io.github.mjsdk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * A wait's deadline fires at the call's instant plus its timeout, even when time moved between the call and the
 * poller arming its timer (a thread that waited for the poller's lock, an observer that took long).
 */
class DefaultTaskPollerDeadlineTest {
    private static final String ID = "1712345678901123";
    private static final Duration STALL = Duration.ofSeconds(3);

    private final MutableClock clock = MutableClock.atFixtureTime();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeTaskSource source = new FakeTaskSource(clock);
    private final Instant start = clock.instant();

    /** An observer that lets {@link #STALL} pass while the wait starts, as a slow thread would. */
    private final ClientObserver stalling = new ClientObserver() {
        @Override
        public void waitStarted(WaitStarted wait) {
            clock.advance(STALL);
        }
    };

    @Test
    void theDeadlineCountsFromTheCallAndFiresOnTimeThoughTimeMovedBeforeTheTimerWasSet() {
        DefaultTaskPoller poller = new DefaultTaskPoller(source, scheduler, clock, Runnable::run, () -> false, 100,
                () -> 0.5, Integer.MAX_VALUE, true, stalling, PollOptions.defaults());
        Task ten = running(ID, 10);
        source.script(ID, ten, ten, ten, ten);
        PollOptions options = new PollOptions(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(20),
                Duration.ofSeconds(20), 0.0);

        CompletableFuture<Task> wait = poller.await(ID, options);

        scheduler.advance(Duration.ofSeconds(10).minus(STALL).minusMillis(1));
        assertThat(wait).isNotDone();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(10));
        assertThat(wait).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(TaskTimeoutException.class);
        assertThat(source.log()).as("the first poll was due after the deadline").isEmpty();
    }
}
