package io.github.mjsdk.testkit.internal;

import io.github.mjsdk.model.Speed;
import java.time.Instant;

/**
 * Makes one entry of the simulated account's task list ({@link Simulator#tasks(TaskRow)}) from a task's facts.
 *
 * @param <T> the entry type
 */
@FunctionalInterface
public interface TaskRow<T> {
    /**
     * One entry.
     *
     * @param id         the task id
     * @param action     what made it, e.g. {@code IMAGINE}, {@code UPSCALE}
     * @param prompt     its prompt, as stored (image-prompt links included)
     * @param tier       the tier whose slots and duration it uses (FAST when the request named none)
     * @param submitTime when the submit was accepted, on the server's clock
     * @param slotTime   when it got a job slot; null while it waits in the queue or in MODAL, or if it never did
     * @return the entry
     */
    T row(String id, String action, String prompt, Speed tier, Instant submitTime, Instant slotTime);
}
