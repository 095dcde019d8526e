package io.github.mjsdk.error;

/**
 * Root of every exception mjsdk throws or completes a future with. Unchecked.
 *
 * <p>Messages never contain the API key, webhook secrets or secret query tokens.
 */
public class MidjourneyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, for humans
     */
    public MidjourneyException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, for humans
     * @param cause   the underlying failure, may be {@code null}
     */
    public MidjourneyException(String message, Throwable cause) {
        super(message, cause);
    }
}
