package io.github.mjsdk.error;

import java.time.Duration;

/**
 * The server or gateway is rate limiting: HTTP 429, possibly with {@code Retry-After}, see {@link #retryAfter()}
 * (docs/protocols.md §b.7, §c.4).
 */
public class RateLimitException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message     what went wrong, for humans
     * @param httpStatus  the HTTP status of the answer (429)
     * @param code        the business code, or {@code null}
     * @param description the server's description, or {@code null}
     * @param requestId   the server's request id, or {@code null}
     * @param bodyExcerpt the start of the body, or {@code null}
     * @param retryAfter  the delay the server asked for, or {@code null} when it sent no usable {@code Retry-After}
     */
    public RateLimitException(String message, int httpStatus, Integer code, String description, String requestId,
                              String bodyExcerpt, Duration retryAfter) {
        super(message, httpStatus, code, description, requestId, bodyExcerpt, retryAfter);
    }
}
