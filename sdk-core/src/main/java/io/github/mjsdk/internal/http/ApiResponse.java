package io.github.mjsdk.internal.http;

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
 * @param excerpt     the body's start with the API key redacted, for exceptions; null to decode it from
 *                    {@code body} when asked (errors only, so successful answers never pay for it)
 */
public record ApiResponse(ApiRequest request, int status, String contentType, byte[] body, String requestId,
                          String retryAfter, String excerpt) {

    /** The first 2 KiB of the body as text, decoded on demand. */
    @Override
    public String excerpt() {
        return excerpt != null ? excerpt
                : new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
    }

    /** True for an empty body or one of JSON whitespace only; reads the bytes, decodes nothing. */
    public boolean isEmpty() {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }
}
