package io.github.mjsdk.error;

import io.github.mjsdk.model.Task;

/**
 * The SDK refused to send a request because the task cannot take it: the parent of a reroll, upscale or
 * variation is not SUCCESS, or has buttons but none for that action (an upscaled image cannot be rerolled;
 * docs/protocols.md §a.10, §g.11). Nothing was sent.
 */
public class IllegalTaskStateException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /** Not serialized (a Task is not Serializable): see {@link #task()}. */
    private final transient Task task;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for humans
     * @param task    the task as last seen; may be {@code null} only when no task was ever fetched
     */
    public IllegalTaskStateException(String message, Task task) {
        super(message);
        this.task = task;
    }

    /**
     * The task as last fetched from the server.
     *
     * @return the task, or {@code null} when none was fetched
     */
    public Task task() {
        return task;
    }
}
