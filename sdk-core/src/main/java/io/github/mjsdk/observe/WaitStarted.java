package io.github.mjsdk.observe;

import java.util.Objects;

/**
 * A wait for a task began, reported to {@link ClientObserver#waitStarted(WaitStarted)}.
 *
 * @param taskId the task id
 * @param tier   the id of the speed tier the task runs at ({@code "turbo"}, {@code "fast"}, {@code "relax"}, a
 *               reseller's own such as {@code "vip"}), or {@code "none"} when the call named none
 */
public record WaitStarted(String taskId, String tier) {

    /**
     * Checks the components.
     *
     * @param taskId see {@link #taskId()}
     * @param tier   see {@link #tier()}
     * @throws NullPointerException if either is null
     */
    public WaitStarted {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(tier, "tier");
    }
}
