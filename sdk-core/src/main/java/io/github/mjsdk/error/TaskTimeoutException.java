package io.github.mjsdk.error;

import io.github.mjsdk.model.Task;
import java.time.Duration;

/**
 * The wait ended before the task became terminal: its deadline ({@link io.github.mjsdk.poll.PollOptions#timeout()})
 * passed, or {@link io.github.mjsdk.poll.PollOptions#maxFailedPolls()} polls in a row failed. The task may still
 * finish on the server: keep its {@link #taskId()} and wait again or fetch it later.
 *
 * <p>When polls failed, the last failure is the {@linkplain #getCause() cause} (for example a
 * {@link ServerException} for HTTP 502, or a {@link TransportException}); when the last poll succeeded, the cause
 * is {@code null} and {@link #lastTask()} holds what it answered.
 */
public class TaskTimeoutException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #taskId()}. */
    private final String taskId;
    /** Not serialized (a Task is not Serializable): see {@link #lastTask()}. */
    private final transient Task lastTask;
    /** Serialized: see {@link #elapsed()}. */
    private final Duration elapsed;

    /**
     * Creates the exception.
     *
     * @param message  what went wrong, for humans
     * @param taskId   the id of the task waited for; never {@code null}
     * @param lastTask the task as last fetched, or {@code null} when no fetch succeeded
     * @param elapsed  how long the wait ran, measured on the client's clock
     * @param cause    the last failed poll's exception, or {@code null} when the last poll succeeded or none ran
     * @throws NullPointerException if {@code taskId} is null
     */
    public TaskTimeoutException(String message, String taskId, Task lastTask, Duration elapsed, Throwable cause) {
        super(message, cause);
        this.taskId = java.util.Objects.requireNonNull(taskId, "taskId");
        this.lastTask = lastTask;
        this.elapsed = elapsed;
    }

    /**
     * The id of the task the wait was for (after a modal step, the id the task continued under).
     *
     * @return the task id; never {@code null}
     */
    public String taskId() {
        return taskId;
    }

    /**
     * The task as last fetched before the wait ended, as the wait kept it: id, action, status, progress, state,
     * preview {@code imageUrl}, fail reason and times. Prompt texts, buttons, properties and extra fields are not
     * kept while waiting (thousands of pending waits stay small); fetch the task for them.
     *
     * @return the task, or {@code null} when no fetch succeeded (for example every poll answered 502: see
     *     {@link #getCause()}), and always {@code null} after deserialization
     */
    public Task lastTask() {
        return lastTask;
    }

    /**
     * How long the wait ran before it gave up.
     *
     * @return the elapsed time on the client's clock
     */
    public Duration elapsed() {
        return elapsed;
    }
}
