package io.github.mjsdk.error;

/**
 * The server rejected the request as invalid: business code 4 ("VALIDATION_ERROR": bad parameters, parent not
 * SUCCESS, parent may not be changed) or HTTP 400 (docs/protocols.md §a.5, §c.4). Not retryable as is.
 */
public class InvalidRequestException extends ApiException {
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
    public InvalidRequestException(String message, int httpStatus, Integer code, String description, String requestId,
              String bodyExcerpt) {
        super(message, httpStatus, code, description, requestId, bodyExcerpt);
    }
}
