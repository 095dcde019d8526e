package io.github.mjsdk.poll;

import io.github.mjsdk.model.Task;

/**
 * Hears a waited-for task change: called with the task each time a poll (or a confirmed webhook) shows a new
 * status or a new progress percent, never twice for the same pair. Drive a progress bar from it without polling
 * yourself.
 *
 * <p>Calls for one wait are made one at a time, in the order the changes were seen, on the client's callback
 * executor; the final update (SUCCESS, FAILURE …) is delivered before the wait's future completes. An exception
 * thrown by the listener is logged and otherwise ignored: it never fails the wait.
 */
@FunctionalInterface
public interface TaskListener {

    /**
     * A change of status or progress.
     *
     * @param task the task as just fetched; {@link Task#progress()} is an int percent 0–100
     */
    void onUpdate(Task task);
}
