package io.github.mjsdk.internal.poll;

import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.testing.ManualScheduler;
import io.github.mjsdk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link DefaultTaskPoller} on virtual time: a {@link ManualScheduler} and its clock, a {@link FakeTaskSource}
 * that answers synchronously, a jitter source the test sets, and a callback executor of the test's choice (direct
 * by default). Timers, fetches and completions all run on the test's thread.
 */
final class PollerRig {
    /** 10 min deadline, 4 s initial delay, 5 s interval growing to 15 s, no jitter. */
    static final PollOptions OPTIONS = new PollOptions(Duration.ofMinutes(10), Duration.ofSeconds(4),
            Duration.ofSeconds(5), Duration.ofSeconds(15), 0.0);

    final MutableClock clock = MutableClock.atFixtureTime();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final FakeTaskSource source = new FakeTaskSource(clock);
    final Instant start = clock.instant();
    final AtomicBoolean closed = new AtomicBoolean();
    final DefaultTaskPoller poller;
    private volatile double random = 0.5;

    PollerRig() {
        this(100, Runnable::run);
    }

    PollerRig(int chunkSize, Executor callbacks) {
        poller = new DefaultTaskPoller(source, scheduler, clock, callbacks, closed::get, chunkSize, () -> random);
    }

    /** A rig whose server has the batch query or not ({@code batchQuery}). */
    PollerRig(int chunkSize, Executor callbacks, boolean batchQuery) {
        poller = new DefaultTaskPoller(source, scheduler, clock, callbacks, closed::get, chunkSize, () -> random,
                Integer.MAX_VALUE, batchQuery, new io.github.mjsdk.observe.ClientObserver() { },
                io.github.mjsdk.poll.PollOptions.defaults());
    }

    /** A rig whose poller runs at most {@code maxInFlight} scheduled poll requests at once. */
    PollerRig(int chunkSize, int maxInFlight) {
        poller = new DefaultTaskPoller(source, scheduler, clock, Runnable::run, closed::get, chunkSize, () -> random,
                maxInFlight, true, new io.github.mjsdk.observe.ClientObserver() { },
                io.github.mjsdk.poll.PollOptions.defaults());
    }

    /** The value the jitter source returns from now on, in [0, 1); 0.5 means no jitter. */
    void random(double value) {
        random = value;
    }

    /** Moves virtual time to {@code millis} after the start, running every timer due on the way. */
    void at(long millis) {
        Duration target = Duration.ofMillis(millis).minus(Duration.between(start, clock.instant()));
        if (target.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: now " + now() + " ms, asked " + millis);
        }
        scheduler.advance(target);
    }

    /** Virtual milliseconds since the start. */
    long now() {
        return Duration.between(start, clock.instant()).toMillis();
    }

    static Task task(String id, TaskStatus status, int progress) {
        return new Task(id, TaskAction.IMAGINE, "IMAGINE", status, status.name(), progress, "a red fox", null,
                null, null, null, null, null, status == TaskStatus.FAILURE ? "[Invalid parameter] Invalid value" : null,
                null, null, null, null, null);
    }

    static Task running(String id, int progress) {
        return task(id, TaskStatus.IN_PROGRESS, progress);
    }

    static Task success(String id) {
        return task(id, TaskStatus.SUCCESS, 100);
    }
}
