package io.github.mjsdk.internal;

import java.nio.charset.StandardCharsets;

/**
 * A fully read, size-bounded HTTP answer.
 *
 * @param request     what was asked
 * @param status      HTTP status
 * @param contentType the Content-Type header, or null
 * @param body        the body bytes with the API key replaced by {@code ***}, never null
 * @param requestId   a request id header, or null
 * @param retryAfter  the raw Retry-After header, or null
 * @param excerpt     the body's start with the API key redacted, for exceptions
 */
public record ApiResponse(ApiRequest request, int status, String contentType, byte[] body, String requestId,
                          String retryAfter, String excerpt) {

    public boolean isEmpty() {
        return body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank();
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }
}
