package io.github.mjsdk.error;

import java.time.Duration;

/**
 * A submit was still waiting in the client's admission queue when its deadline
 * ({@code AdmissionOptions.deadline()}) passed: it was never sent after that, and no job exists for it unless an
 * earlier attempt is the {@linkplain #getCause() cause}'s refusal, which created none either (docs/admission.md).
 * Submitting it again is safe.
 */
public class AdmissionTimeoutException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #queued()}. */
    private final Duration queued;

    /**
     * Creates the exception.
     *
     * @param message what timed out, for humans
     * @param queued  how long the submit waited in the client, on the client's clock
     * @param cause   the server's last refusal of it ({@link QueueFullException}, {@link RateLimitException}), or
     *                {@code null} when it was never sent
     */
    public AdmissionTimeoutException(String message, Duration queued, Throwable cause) {
        super(message, cause);
        this.queued = queued;
    }

    /**
     * How long the submit waited in the client's queue before its deadline.
     *
     * @return the time on the client's clock
     */
    public Duration queued() {
        return queued;
    }
}
