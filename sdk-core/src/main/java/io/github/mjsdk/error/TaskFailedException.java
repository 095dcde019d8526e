package io.github.mjsdk.error;

import io.github.mjsdk.model.Task;

/**
 * The task reached a terminal state other than SUCCESS: {@code FAILURE} (with {@code failReason}, e.g.
 * {@code "[Invalid parameter] Invalid value"}) or {@code CANCEL} (docs/protocols.md §a.7).
 */
public class TaskFailedException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /** Not serialized (a Task is not Serializable): see {@link #task()}. */
    private final transient Task task;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for humans
     * @param task    the task as last seen; may be {@code null} only when no task was ever fetched
     */
    public TaskFailedException(String message, Task task) {
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
