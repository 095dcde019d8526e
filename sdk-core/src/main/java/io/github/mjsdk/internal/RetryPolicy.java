package io.github.mjsdk.internal;

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
 * The one place that decides whether and when a failed exchange is tried again.
 *
 * <p>Queries are retried on I/O errors and on 408, 425, 429, 500, 502, 503, 504. Submits cost a job and are
 * retried only when the request provably never reached the server (connection refused, unknown host, no route,
 * TLS handshake failure) or the server answered 429 or 503. Delays: exponential backoff with full jitter
 * (base 0.5 s, cap 8 s); a {@code Retry-After} replaces it, clamped to at most 60 s.
 */
public final class RetryPolicy {
    static final Duration BASE = Duration.ofMillis(500);
    static final Duration CAP = Duration.ofSeconds(8);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Set<Integer> QUERY_STATUSES = Set.of(408, 425, 429, 500, 502, 503, 504);
    private static final Set<Integer> SUBMIT_STATUSES = Set.of(429, 503);

    private final int maxRetries;
    private final DoubleSupplier random;

    public RetryPolicy(int maxRetries, DoubleSupplier random) {
        this.maxRetries = maxRetries;
        this.random = random;
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** Whether an answer with this status should be tried again (attempt counts from 0). */
    public boolean retryStatus(ApiRequest request, int status, int attempt) {
        if (attempt >= maxRetries) {
            return false;
        }
        return (request.idempotent() ? QUERY_STATUSES : SUBMIT_STATUSES).contains(status);
    }

    /** Whether an I/O failure should be tried again. */
    public boolean retryFailure(ApiRequest request, IOException failure, int attempt) {
        if (attempt >= maxRetries) {
            return false;
        }
        return request.idempotent() || provablyNotSent(failure);
    }

    /** True when the request cannot have reached the server. */
    public static boolean provablyNotSent(IOException failure) {
        return failure instanceof ConnectException
                || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException
                || failure instanceof SSLHandshakeException;
    }

    /** The delay before retry number {@code attempt + 1}: Retry-After when usable, else jittered backoff. */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER
                    : retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        }
        long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
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
