package io.github.mjsdk.webhook;

import io.github.mjsdk.model.Task;
import java.util.Objects;

/**
 * One received callback.
 *
 * @param task    the task as the callback carried it, an unsigned hint
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

    /**
     * The task as the callback carried it: an unsigned hint, not a confirmed state. Callbacks may arrive twice or
     * out of order (docs/protocols.md §g.18); the confirmed state arrives through the wait's future after its
     * confirming fetch.
     *
     * @return the task as posted, never null; its id is a string such as {@code "1712345678901123"} (16 digits on
     *         midjourney-proxy servers)
     */
    @Override
    public Task task() {
        return task;
    }

    /**
     * What the receiver did with the callback: {@link WebhookOutcome#WOKE_WAIT} when it woke a wait, which then polls
     * the task at once; otherwise why it was dropped ({@link WebhookOutcome#NOT_TRACKED},
     * {@link WebhookOutcome#DUPLICATE}, {@link WebhookOutcome#OUT_OF_ORDER}).
     *
     * @return the outcome, never null
     */
    @Override
    public WebhookOutcome outcome() {
        return outcome;
    }
}
