package io.github.mjsdk.observe;

import java.util.Objects;

/**
 * A wait for a task began, reported to {@link ClientObserver#waitStarted(WaitStarted)}.
 *
 * @param taskId the task id
 * @param tier   the id of the speed tier the task runs at, or {@code "none"}
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

    /**
     * The id of the task waited for.
     *
     * @return a 16-digit task id such as {@code "1712345678901123"} on midjourney-proxy servers ({@code task_…} on
     *         apimart, a UUID on JourneyAPI); never null
     */
    @Override
    public String taskId() {
        return taskId;
    }

    /**
     * The id of the speed tier the task runs at, bounded and safe as a metric tag.
     *
     * @return {@code "turbo"}, {@code "fast"}, {@code "relax"} or a reseller's own tier such as {@code "vip"};
     *         {@code "none"} (never null) when the call named no tier
     */
    @Override
    public String tier() {
        return tier;
    }
}
