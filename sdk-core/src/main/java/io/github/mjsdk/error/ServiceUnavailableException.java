package io.github.mjsdk.error;

import java.time.Duration;

/**
 * No capacity to run the job now: HTTP 503, or business code 3 meaning "no usable account instance" (the
 * open-source proxy uses code 3 for that as well as for an unknown parent; the SDK decides by context: after it has
 * just fetched the parent successfully, a 3 means no account; docs/architecture.md §6). Retry later: a 503 may say when, see
 * {@link #retryAfter()}.
 */
public class ServiceUnavailableException extends ServerException {
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
    public ServiceUnavailableException(String message, int httpStatus, Integer code, String description, String requestId,
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
    public ServiceUnavailableException(String message, int httpStatus, Integer code, String description, String requestId,
              String bodyExcerpt, Duration retryAfter) {
        super(message, httpStatus, code, description, requestId, bodyExcerpt, retryAfter);
    }
}
