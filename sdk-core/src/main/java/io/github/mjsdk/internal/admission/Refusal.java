package io.github.mjsdk.internal.admission;

import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.QueueFullException;
import io.github.mjsdk.error.RateLimitException;
import java.time.Duration;
import java.util.Optional;

/**
 * The answers that provably created no job, so that a submit may be sent again (docs/admission.md): business code
 * 23, the account's queue is full (docs/protocols.md §a.5, §g.4), and HTTP 429, which is how gateways, apimart and
 * JourneyAPI say that an account or group is saturated (§c.4, §d, §f). Nothing else is: trueai's code 9 and its
 * {@code code:-1} limit answers are told apart from other failures only by their text, which the SDK never parses
 * (§g.5), and a timeout, a reset or a 5xx may hide an accepted job.
 */
final class Refusal {
    /** The longest {@code Retry-After} honoured; longer ones wait this long (the SDK's usual clamp). */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** The wait after a first refusal without {@code Retry-After}; it doubles per refusal in a row. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    /** The longest wait between refusals without {@code Retry-After}. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private Refusal() {
    }

    /** Whether {@code failure} (unwrapped) is a refusal that created no job. */
    static boolean createdNoJob(Throwable failure) {
        return failure instanceof QueueFullException || failure instanceof RateLimitException;
    }

    /**
     * How long to hold the queue after a refusal: the server's {@code Retry-After} (at most
     * {@link #MAX_RETRY_AFTER}), else {@link #FIRST_BACKOFF} doubled per earlier refusal in a row, at most
     * {@link #MAX_BACKOFF}. A slot given back ends the hold earlier.
     */
    static Duration hold(Throwable refusal, int refusalsInRow) {
        Optional<Duration> asked = refusal instanceof ApiException api ? api.retryAfter() : Optional.empty();
        if (asked.isPresent()) {
            Duration wait = asked.get().isNegative() ? Duration.ZERO : asked.get();
            return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
        }
        int doublings = Math.min(Math.max(refusalsInRow - 1, 0), 10);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
