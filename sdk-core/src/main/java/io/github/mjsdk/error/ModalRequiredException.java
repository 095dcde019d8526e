package io.github.mjsdk.error;

import io.github.mjsdk.model.Task;

/**
 * The task is parked in status {@code MODAL} and needs input the call did not provide: a prompt for Custom Zoom
 * (with {@code --zoom}), a mask and prompt for Vary (Region), or any modal when waiting through
 * {@code poller().await(..)} (docs/protocols.md §a.11). Continue it with {@code client.submitModal(..)}.
 */
public class ModalRequiredException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /** Not serialized (a Task is not Serializable): see {@link #task()}. */
    private final transient Task task;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, for humans
     * @param task    the task as last seen; may be {@code null} only when no task was ever fetched
     */
    public ModalRequiredException(String message, Task task) {
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
