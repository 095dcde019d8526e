package io.github.mjsdk.error;

/**
 * The server refused the credentials: HTTP 401 or 403, whatever the body (empty, {@code {}}, plain text or
 * {@code {"error":{"message":..}}}; docs/protocols.md §a.2, §b.7, §c.4, §e). Never retried; a wait fails at once.
 */
public class AuthenticationException extends ApiException {
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
    public AuthenticationException(String message, int httpStatus, Integer code, String description, String requestId,
              String bodyExcerpt) {
        super(message, httpStatus, code, description, requestId, bodyExcerpt);
    }
}
