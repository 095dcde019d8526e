package io.github.mjsdk.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one place that decides whether and when a failed exchange is tried again (docs/reliability.md).
 *
 * <p>Queries are retried on I/O errors and on 408, 425, 429, 500, 502, 503, 504. Submits cost a job and are
 * retried only when the request provably never reached the server (the attempt failed before OkHttp handed it to a
 * connection: DNS, connect, TLS handshake, a timeout while connecting) or the server answered 429 or 503, which
 * refuse a request before processing it. Delays: exponential backoff with full jitter (a uniform draw in
 * {@code [0, min(cap, base × 2^attempt))}, base 0.5 s, cap 8 s); a {@code Retry-After} replaces it, clamped to
 * 0–60 s. The caller charges every delay to the request's deadline and drops a retry that would end past it.
 */
public final class RetryPolicy {
    static final Duration BASE = Duration.ofMillis(500);
    static final Duration CAP = Duration.ofSeconds(8);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Set<Integer> QUERY_STATUSES = Set.of(408, 425, 429, 500, 502, 503, 504);
    private static final Set<Integer> SUBMIT_STATUSES = Set.of(429, 503);

    private final DoubleSupplier random;

    /**
     * A policy.
     *
     * @param random the jitter source, values in [0, 1)
     */
    public RetryPolicy(DoubleSupplier random) {
        this.random = random;
    }

    /**
     * Whether an answer with this status should be tried again.
     *
     * @param attempt    the attempt that got it, counting from 0
     * @param maxRetries the retries the call allows
     */
    public boolean retryStatus(ApiRequest request, int status, int attempt, int maxRetries) {
        if (attempt >= maxRetries) {
            return false;
        }
        return (request.idempotent() ? QUERY_STATUSES : SUBMIT_STATUSES).contains(status);
    }

    /**
     * Whether an I/O failure should be tried again: always for queries, for submits only when nothing was sent.
     *
     * @param reachedNetwork whether the attempt was handed to a connection (see {@link WireAttempt})
     * @param attempt        the failed attempt, counting from 0
     * @param maxRetries     the retries the call allows
     */
    public boolean retryFailure(ApiRequest request, boolean reachedNetwork, int attempt, int maxRetries) {
        if (attempt >= maxRetries) {
            return false;
        }
        return request.idempotent() || !reachedNetwork;
    }

    /**
     * True when an I/O failure by its type alone shows the request never reached the server (connection refused,
     * unknown host, no route, TLS handshake failure). For requests without a {@link WireAttempt} mark, such as image
     * downloads.
     */
    public static boolean provablyNotSent(IOException failure) {
        return failure instanceof ConnectException
                || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException
                || failure instanceof SSLHandshakeException;
    }

    /**
     * The delay before retry number {@code attempt + 1}: the server's Retry-After clamped to 0–60 s when given,
     * else a full-jitter draw below {@code min(8 s, 0.5 s × 2^attempt)}.
     */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER
                    : retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        }
        long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt, 20));
        double draw = random.getAsDouble();
        double unit = draw >= 0 && draw < 1 ? draw : 0;
        return Duration.ofMillis((long) (unit * ceiling));
    }

    /** Parses Retry-After: delta seconds or an HTTP date; null when absent or unreadable. */
    public static Duration parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(now, at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
