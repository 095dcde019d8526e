package io.github.mjsdk.webhook;

import io.github.mjsdk.model.Task;
import java.util.Objects;

/**
 * One received callback.
 *
 * @param task    the task as the callback carried it: an unsigned hint, not a confirmed state (the confirmed state
 *                arrives through the wait's future after its confirming fetch)
 * @param outcome what the receiver did with it
 */
public record WebhookEvent(Task task, WebhookOutcome outcome) {

    /**
     * Checks the components.
     *
     * @param task    see {@link #task()}
     * @param outcome see {@link #outcome()}
     * @throws NullPointerException if either is null
     */
    public WebhookEvent {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(outcome, "outcome");
    }
}
