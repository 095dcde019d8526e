package io.github.mjsdk.error;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server answered, and the answer is an error: an HTTP error status, or HTTP 200 with a business {@code code}
 * that is not an acceptance (docs/protocols.md §a.5, §g.1: the two error layers are independent).
 *
 * <p>Carries the HTTP status, the business code when the body had one, the server's {@code description}, the
 * request id when the server sent one ({@code X-Request-Id} and similar headers), and an excerpt of the body of at
 * most {@value #MAX_EXCERPT_CHARS} characters; for 429 and 503, also the delay the server asked for with
 * {@code Retry-After}.
 */
public class ApiException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /** The longest body excerpt an exception carries, in characters. */
    public static final int MAX_EXCERPT_CHARS = 512;

    /** Serialized: see {@link #httpStatus()}. */
    private final int httpStatus;
    /** Serialized: see {@link #code()}. */
    private final Integer code;
    /** Serialized: see {@link #description()}. */
    private final String description;
    /** Serialized: see {@link #requestId()}. */
    private final String requestId;
    /** Serialized: see {@link #bodyExcerpt()}. */
    private final String bodyExcerpt;
    /** Serialized: see {@link #retryAfter()}. */
    private final Duration retryAfter;

    /**
     * Creates an API exception.
     *
     * @param message     what went wrong, for humans
     * @param httpStatus  the HTTP status of the answer (e.g. 200, 401, 502)
     * @param code        the business code from the body, or {@code null} when the body had none
     * @param description the server's {@code description} or {@code message}, or {@code null}
     * @param requestId   the server's request id header, or {@code null}
     * @param bodyExcerpt the start of the body, cut to {@value #MAX_EXCERPT_CHARS} characters; {@code null} for none
     */
    public ApiException(String message, int httpStatus, Integer code, String description, String requestId,
                        String bodyExcerpt) {
        this(message, httpStatus, code, description, requestId, bodyExcerpt, null);
    }

    /**
     * Creates an API exception for an answer that said when to try again.
     *
     * @param message     what went wrong, for humans
     * @param httpStatus  the HTTP status of the answer (e.g. 429, 503)
     * @param code        the business code from the body, or {@code null} when the body had none
     * @param description the server's {@code description} or {@code message}, or {@code null}
     * @param requestId   the server's request id header, or {@code null}
     * @param bodyExcerpt the start of the body, cut to {@value #MAX_EXCERPT_CHARS} characters; {@code null} for none
     * @param retryAfter  the delay the server asked for, or {@code null} when it sent no usable {@code Retry-After}
     */
    public ApiException(String message, int httpStatus, Integer code, String description, String requestId,
                        String bodyExcerpt, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
        this.code = code;
        this.description = description;
        this.requestId = requestId;
        this.bodyExcerpt = cut(bodyExcerpt);
    }

    /**
     * The HTTP status of the answer.
     *
     * @return an HTTP status such as 200 (business error in a 200 answer), 401, 404, 429 or 502
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The business code of the body (docs/protocols.md §a.5: 3, 4, 9, 21, 22, 23, 24; gateways also 30, -1).
     *
     * @return the code, or empty when the body carried none (an empty 401, an HTML page)
     */
    public OptionalInt code() {
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /**
     * The server's own words: {@code description}, {@code message} or {@code error.message} of the body.
     * Often localised (Chinese in the open-source proxy); show it, never parse it.
     *
     * @return the description, or empty
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The request id the server or gateway put on the answer, for support tickets.
     *
     * @return the id, or empty when no such header was sent
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The start of the response body, at most {@value #MAX_EXCERPT_CHARS} characters, with the API key redacted.
     *
     * @return the excerpt; empty string for an empty body
     */
    public String bodyExcerpt() {
        return bodyExcerpt == null ? "" : bodyExcerpt;
    }

    /**
     * The delay the server asked for with {@code Retry-After} (delta seconds or an HTTP date), as sent, not clamped.
     * Read on 429 ({@link RateLimitException}) and 503 ({@link ServiceUnavailableException}) answers, the statuses
     * for which HTTP defines it. The SDK itself already waited for it (clamped to 60 s) before any retry it made.
     *
     * @return the delay, or empty when the header was absent or unreadable
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String cut(String s) {
        if (s == null || s.length() <= MAX_EXCERPT_CHARS) {
            return s;
        }
        return s.substring(0, MAX_EXCERPT_CHARS) + "…";
    }
}
