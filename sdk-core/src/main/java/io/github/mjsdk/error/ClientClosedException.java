package io.github.mjsdk.error;

/**
 * The client was {@linkplain io.github.mjsdk.MidjourneyClient#close() closed} while the call was pending: every
 * outstanding future of a waiting or non-waiting call, and every {@code poller().await(..)}, fails with this
 * exception. Its message says that the client was closed. A job the server had already accepted is not cancelled
 * there; its task id, when known, can be looked up with another client.
 */
public class ClientClosedException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was pending, for humans; should say that the client was closed
     */
    public ClientClosedException(String message) {
        super(message);
    }
}
