package io.github.mjsdk.error;

/**
 * The account's queue is full: business code 23 (docs/protocols.md §a.5). The task was not created; try again later.
 */
public class QueueFullException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; see {@link ApiException#ApiException(String, int, Integer, String, String, String)}.
     *
     * @param message     what went wrong, for humans
     * @param httpStatus  the HTTP status of the answer
     * @param code        the business code, or {@code null}
     * @param description the server's description, or {@code null}
     * @param requestId   the server's request id, or {@code null}
     * @param bodyExcerpt the start of the body, or {@code null}
     */
    public QueueFullException(String message, int httpStatus, Integer code, String description, String requestId,
              String bodyExcerpt) {
        super(message, httpStatus, code, description, requestId, bodyExcerpt);
    }
}
