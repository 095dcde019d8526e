package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One polled task id and the waits that share its polls. Guarded by the poller's lock.
 */
final class PollEntry {
    final long seq;
    final Instant created;
    final List<PollWait> waits = new ArrayList<>(1);
    final Operation operation = new Operation();
    String taskId;
    Instant nextPollAt;
    /** From this instant (epoch ms) the entry may ride along in a batch request sent for others ({@link PollQueue}). */
    long ripeAt;
    boolean queued;
    boolean inFlight;
    Task last;
    TaskStatus lastStatus;
    int lastProgress = -1;
    int failures;
    /** Consecutive polls that failed in a way that counts towards {@code maxFailedPolls}. */
    int failedPolls;
    /** The last poll's failure, or null when the last poll succeeded. */
    Throwable lastError;
    int quietPolls;
    boolean everFound;
    boolean modalSent;
    /** A webhook hint came while a poll was in flight: poll again as soon as it answers. */
    boolean woken;

    PollEntry(String taskId, long seq, Instant created) {
        this.taskId = taskId;
        this.seq = seq;
        this.created = created;
    }

    /** Records a fetched task: a change of status or progress resets the interval, a quiet poll grows it. */
    void record(Task task) {
        last = slim(task);
        failures = 0;
        failedPolls = 0;
        lastError = null;
        everFound = true;
        boolean changed = task.status() != lastStatus || task.progress() != lastProgress;
        lastStatus = task.status();
        lastProgress = task.progress();
        quietPolls = changed ? 0 : quietPolls + 1;
    }

    /**
     * What a wait keeps of the last task it saw, for {@code TaskTimeoutException.lastTask()}: its identity, state,
     * progress, preview and times; not its prompt texts, buttons, properties or extra fields, so that thousands of
     * pending waits stay small.
     */
    static Task slim(Task task) {
        return new Task(task.id(), task.action(), task.rawAction(), task.status(), task.rawStatus(), task.progress(),
                null, null, null, task.state(), task.imageUrl(), List.of(), List.of(), task.failReason(),
                task.submitTime(), task.startTime(), task.finishTime(), Map.of(), Map.of());
    }

    /** The smallest {@code maxFailedPolls} among the waits. */
    int fewestFailedPollsAllowed() {
        int fewest = Integer.MAX_VALUE;
        for (PollWait wait : waits) {
            fewest = Math.min(fewest, wait.options.maxFailedPolls());
        }
        return fewest;
    }

    /** The shortest interval among the waits. */
    Duration shortestInterval() {
        Duration interval = waits.get(0).options.interval();
        for (PollWait wait : waits) {
            if (wait.options.interval().compareTo(interval) < 0) {
                interval = wait.options.interval();
            }
        }
        return interval;
    }

    /**
     * The next regular delay: the shortest interval among the waits, grown 1.5× per quiet poll up to the shortest
     * cap, tripled while webhooks are on, spread by the first wait's jitter ({@code random} in [0, 1)).
     */
    Duration nextInterval(boolean webhooks, double random) {
        Duration cap = waits.get(0).options.maxInterval();
        for (PollWait wait : waits) {
            if (wait.options.maxInterval().compareTo(cap) < 0) {
                cap = wait.options.maxInterval();
            }
        }
        double millis = shortestInterval().toMillis() * Math.pow(1.5, Math.min(quietPolls, 30));
        millis = Math.min(millis, cap.toMillis());
        if (webhooks) {
            millis *= 3;
        }
        millis *= 1 + waits.get(0).options.jitter() * (2 * random - 1);
        return Duration.ofMillis(Math.max(1, (long) millis));
    }

    /**
     * The delay after a failed poll: the shortest interval doubled per consecutive failure, or {@code retryAfter}
     * when longer, at most {@link PollOptions#MAX_BACKOFF}.
     */
    Duration backoff(Duration retryAfter) {
        Duration delay = shortestInterval().multipliedBy(1L << Math.min(failures, 10));
        if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
            delay = retryAfter;
        }
        return delay.compareTo(PollOptions.MAX_BACKOFF) > 0 ? PollOptions.MAX_BACKOFF : delay;
    }
}
