package io.github.mjsdk.error;

import java.time.Duration;

/**
 * The server failed: HTTP 5xx, or business code 9 and any other code that is not an acceptance
 * (docs/protocols.md §a.5, §g.1).
 */
public class ServerException extends ApiException {
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
    public ServerException(String message, int httpStatus, Integer code, String description, String requestId,
              String bodyExcerpt) {
        super(message, httpStatus, code, description, requestId, bodyExcerpt);
    }

    /**
     * Creates the exception for an answer that said when to try again (HTTP 503 with {@code Retry-After}).
     *
     * @param message     what went wrong, for humans
     * @param httpStatus  the HTTP status of the answer
     * @param code        the business code, or {@code null}
     * @param description the server's description, or {@code null}
     * @param requestId   the server's request id, or {@code null}
     * @param bodyExcerpt the start of the body, or {@code null}
     * @param retryAfter  the delay the server asked for, or {@code null} when it sent no usable {@code Retry-After}
     */
    public ServerException(String message, int httpStatus, Integer code, String description, String requestId,
              String bodyExcerpt, Duration retryAfter) {
        super(message, httpStatus, code, description, requestId, bodyExcerpt, retryAfter);
    }
}
