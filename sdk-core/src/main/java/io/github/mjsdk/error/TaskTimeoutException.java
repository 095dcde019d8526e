package io.github.mjsdk.error;

import io.github.mjsdk.model.Task;
import java.time.Duration;

/**
 * The wait's deadline passed before the task became terminal. The task may still finish on the server: keep its
 * id and wait again or fetch it later.
 */
public class TaskTimeoutException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /** Not serialized (a Task is not Serializable): see {@link #lastTask()}. */
    private final transient Task lastTask;
    /** Serialized: see {@link #elapsed()}. */
    private final Duration elapsed;

    /**
     * Creates the exception.
     *
     * @param message  what went wrong, for humans
     * @param lastTask the task as last fetched, or {@code null} when no fetch succeeded
     * @param elapsed  how long the wait ran, measured on the client's clock
     */
    public TaskTimeoutException(String message, Task lastTask, Duration elapsed) {
        super(message);
        this.lastTask = lastTask;
        this.elapsed = elapsed;
    }

    /**
     * The task as last fetched before the deadline, as the wait kept it: id, action, status, progress, state,
     * preview {@code imageUrl}, fail reason and times. Prompt texts, buttons, properties and extra fields are not
     * kept while waiting (thousands of pending waits stay small); fetch the task for them.
     *
     * @return the task, or {@code null} when no fetch succeeded
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
