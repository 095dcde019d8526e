package io.github.mjsdk.observe;

import io.github.mjsdk.model.TaskAction;
import java.time.Duration;
import java.util.Objects;

/**
 * A wait for a task ended, reported to {@link ClientObserver#waitEnded(WaitEnded)}.
 *
 * @param taskId   the task id
 * @param tier     as in {@link WaitStarted#tier()}
 * @param action   the task's action as last seen ({@link TaskAction#UNKNOWN} when the task was never fetched)
 * @param outcome  how the wait ended
 * @param duration from the start of the wait to its end, on the client's clock; not negative
 */
public record WaitEnded(String taskId, String tier, TaskAction action, WaitOutcome outcome, Duration duration) {

    /**
     * Checks the components.
     *
     * @param taskId   see {@link #taskId()}
     * @param tier     see {@link #tier()}
     * @param action   see {@link #action()}
     * @param outcome  see {@link #outcome()}
     * @param duration see {@link #duration()}
     * @throws NullPointerException     if any is null
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public WaitEnded {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
    }
}
