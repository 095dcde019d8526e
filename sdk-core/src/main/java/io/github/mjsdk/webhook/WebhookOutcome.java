package io.github.mjsdk.webhook;

/** What a {@link WebhookReceiver} did with one callback. */
public enum WebhookOutcome {
    /** A newer state of a task a wait tracks: that wait polls it at once (one confirming fetch). */
    WOKE_WAIT,
    /** A newer state of a task no wait of this client tracks: nothing to do. */
    NOT_TRACKED,
    /**
     * The same status and progress as the state the wait last confirmed with a fetch (any two terminal statuses
     * count as the same): dropped.
     */
    DUPLICATE,
    /**
     * An older state than the one the wait last confirmed (callbacks are sent concurrently and may cross): dropped.
     */
    OUT_OF_ORDER
}
