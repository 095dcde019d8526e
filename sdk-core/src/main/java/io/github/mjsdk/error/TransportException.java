package io.github.mjsdk.error;

/**
 * The HTTP exchange itself failed: connection refused, DNS, TLS, reset, or a timeout.
 *
 * <p>Submits cost money and are not idempotent. When this exception comes from a submit,
 * {@link #requestMayHaveBeenProcessed()} says whether the server may have accepted the job anyway (the request was
 * sent, and the answer was lost). The SDK never re-sends such a submit: look the task up (for example by the
 * {@code state} you passed) before submitting again.
 */
public class TransportException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #requestMayHaveBeenProcessed()}. */
    private final boolean requestMayHaveBeenProcessed;

    /**
     * Creates the exception.
     *
     * @param message                     what went wrong, for humans
     * @param cause                       the I/O failure
     * @param requestMayHaveBeenProcessed {@code true} when the request may have reached the server
     */
    public TransportException(String message, Throwable cause, boolean requestMayHaveBeenProcessed) {
        super(message, cause);
        this.requestMayHaveBeenProcessed = requestMayHaveBeenProcessed;
    }

    /**
     * Whether the server may have received and processed the request before the exchange failed.
     * {@code false} only when the request provably never reached it (connection refused, unknown host, TLS
     * handshake failure).
     *
     * @return {@code true} when the outcome is unknown
     */
    public boolean requestMayHaveBeenProcessed() {
        return requestMayHaveBeenProcessed;
    }
}
