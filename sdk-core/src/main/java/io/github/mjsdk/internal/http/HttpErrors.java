package io.github.mjsdk.internal.http;

import io.github.mjsdk.internal.util.ServerText;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.ServiceUnavailableException;
import java.time.Instant;

/**
 * The typed exception an HTTP status means on its own (401/403, 404, 429, 5xx, other 4xx). What a body's business
 * code adds is the dialect's to say; it passes the code and description it read, or null.
 */
public final class HttpErrors {
    private HttpErrors() {
    }

    /**
     * The exception for a non-2xx answer, by status.
     *
     * @param response    the answer
     * @param code        the body's business code, or null
     * @param description the body's own message, or null
     * @param now         the time, for {@code Retry-After} dates
     * @return the exception, never null
     */
    public static MidjourneyException of(ApiResponse response, Integer code, String description, Instant now) {
        return of(response, response.status(), code, description, now);
    }

    /**
     * The exception an HTTP status means, for a status the body gives (apimart repeats the HTTP status as its
     * {@code code}, docs/protocols.md §d, sometimes on a 200 answer).
     *
     * @param response    the answer
     * @param status      the status to go by (the answer's own, or the body's HTTP-like code)
     * @param code        the body's business code, or null
     * @param description the body's own message, or null
     * @param now         the time, for {@code Retry-After} dates
     * @return the exception, never null
     */
    public static MidjourneyException of(ApiResponse response, int status, Integer code, String description,
                                         Instant now) {
        String where = response.request().describe();
        String excerpt = response.excerpt();
        String requestId = response.requestId();
        String said = description == null ? "" : ": " + ServerText.clip(description);
        if (status == 401 || status == 403) {
            return new AuthenticationException(where + " was refused: HTTP " + status
                    + " (check the API key and the auth scheme)" + said, status, code, description, requestId, excerpt);
        }
        if (status == 429) {
            return new RateLimitException(where + " was rate limited: HTTP 429" + said, status, code, description,
                    requestId, excerpt, RetryPolicy.parseRetryAfter(response.retryAfter(), now));
        }
        if (status == 404) {
            return new NotFoundException(where + " answered HTTP 404 (not found)" + said, status, code, description,
                    requestId, excerpt);
        }
        if (status >= 500) {
            String text = where + " failed on the server: HTTP " + status + said;
            return status == 503
                    ? new ServiceUnavailableException(text, status, code, description, requestId, excerpt,
                            RetryPolicy.parseRetryAfter(response.retryAfter(), now))
                    : new ServerException(text, status, code, description, requestId, excerpt);
        }
        return new InvalidRequestException(where + " was rejected: HTTP " + status + said, status, code,
                description, requestId, excerpt);
    }

    /**
     * The exception for a 2xx answer whose body is not what the protocol promises.
     *
     * @param response the answer
     * @param what     what came instead, e.g. {@code "an HTML page instead of JSON"}
     * @param cause    the parser's exception, or null
     * @return the exception
     */
    public static ProtocolException notProtocol(ApiResponse response, String what, Throwable cause) {
        String type = response.contentType() == null ? "no content type" : ServerText.clip(response.contentType());
        return new ProtocolException(response.request().describe() + " answered HTTP " + response.status() + " with "
                + what + " (" + type + ")", response.status(), response.excerpt(), cause);
    }
}
