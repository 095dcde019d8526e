package io.github.mjsdk.observe;

import io.github.mjsdk.model.TaskAction;
import java.time.Duration;
import java.util.Objects;

/**
 * A wait for a task ended, reported to {@link ClientObserver#waitEnded(WaitEnded)}.
 *
 * @param taskId   the task id
 * @param tier     as in {@link WaitStarted#tier()}
 * @param action   the task's action as last seen
 * @param outcome  how the wait ended
 * @param duration from the start of the wait to its end; not negative
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

    /**
     * The id of the task waited for, as in {@link WaitStarted#taskId()}.
     *
     * @return a 16-digit task id such as {@code "1712345678901123"} on midjourney-proxy servers ({@code task_…} on
     *         apimart, a UUID on JourneyAPI); never null
     */
    @Override
    public String taskId() {
        return taskId;
    }

    /**
     * The id of the speed tier the task runs at, as in {@link WaitStarted#tier()}.
     *
     * @return {@code "turbo"}, {@code "fast"}, {@code "relax"} or a reseller's own tier such as {@code "vip"};
     *         {@code "none"} (never null) when the call named no tier
     */
    @Override
    public String tier() {
        return tier;
    }

    /**
     * The task's action as last seen, e.g. {@link TaskAction#IMAGINE} or {@link TaskAction#UPSCALE}.
     *
     * @return the action, never null; {@link TaskAction#UNKNOWN} when the task was never fetched or its action is
     *         one this SDK does not know
     */
    @Override
    public TaskAction action() {
        return action;
    }

    /**
     * How the wait ended: {@link WaitOutcome#SUCCESS}, {@link WaitOutcome#FAILED}, {@link WaitOutcome#TIMEOUT},
     * {@link WaitOutcome#MODAL_REQUIRED}, {@link WaitOutcome#CANCELLED} or {@link WaitOutcome#ERROR}; use
     * {@link WaitOutcome#tag()} as a metric tag.
     *
     * @return the outcome, never null
     */
    @Override
    public WaitOutcome outcome() {
        return outcome;
    }

    /**
     * How long the wait lasted, from its start to its end, on the client's clock (not the server's submit or finish
     * times).
     *
     * @return a duration, zero or positive; never null
     */
    @Override
    public Duration duration() {
        return duration;
    }
}
