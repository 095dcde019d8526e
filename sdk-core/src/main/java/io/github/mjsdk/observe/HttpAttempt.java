package io.github.mjsdk.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP attempt of a client call, reported to {@link ClientObserver#httpAttempt(HttpAttempt)}.
 *
 * @param operation what the attempt is for, e.g. {@code imagine}; safe as a metric tag
 * @param route     the request's method and path template; safe as a metric tag
 * @param status    the HTTP status of the answer, or {@code 0} when no answer arrived
 * @param error     the failure's simple class name when {@code status} is 0; otherwise {@code null}
 * @param duration  how long the attempt took; not negative
 * @param attempt   which attempt of the call this is, from 0
 * @param willRetry whether the client will try the call again after this attempt
 */
public record HttpAttempt(String operation, String route, int status, String error, Duration duration, int attempt,
                          boolean willRetry) {

    /**
     * Checks the components.
     *
     * @param operation see {@link #operation()}
     * @param route     see {@link #route()}
     * @param status    see {@link #status()}
     * @param error     see {@link #error()}
     * @param duration  see {@link #duration()}
     * @param attempt   see {@link #attempt()}
     * @param willRetry see {@link #willRetry()}
     * @throws NullPointerException     if {@code operation}, {@code route} or {@code duration} is null
     * @throws IllegalArgumentException if {@code status} is outside 0 and 100–599, {@code duration} is negative or
     *                                  {@code attempt} is negative
     */
    public HttpAttempt {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(duration, "duration");
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be 0 or 100..599, got " + status);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative, got " + attempt);
        }
    }

    /**
     * What the attempt is for: a short name from a small, bounded set, safe as a metric tag.
     *
     * @return e.g. {@code "imagine"}, {@code "action"}, {@code "modal"}, {@code "change"}, {@code "reroll"},
     *         {@code "fetch"}, {@code "fetch-batch"} or {@code "download"}; never null
     */
    @Override
    public String operation() {
        return operation;
    }

    /**
     * The request's method and path template, with ids replaced by the placeholder {@code {id}}. Bounded and safe
     * as a metric tag: it never carries a query string or a secret.
     *
     * @return e.g. {@code "POST /mj-turbo/mj/submit/imagine"} or {@code "GET /mj/task/{id}/fetch"}; never null
     */
    @Override
    public String route() {
        return route;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return 100–599, e.g. 200 or 429; {@code 0} when no answer arrived (I/O error, timeout, cancellation)
     */
    @Override
    public int status() {
        return status;
    }

    /**
     * Why no answer arrived, when {@link #status()} is 0.
     *
     * @return the simple class name of the failure, e.g. {@code "SocketTimeoutException"}; {@code null} when an
     *         answer arrived
     */
    @Override
    public String error() {
        return error;
    }

    /**
     * How long the attempt took: from sending the request to reading the end of the answer's body, or to the
     * failure.
     *
     * @return a duration, zero or positive; never null
     */
    @Override
    public Duration duration() {
        return duration;
    }

    /**
     * Which attempt of the call this is; see also {@link #isRetry()}.
     *
     * @return 0 for the first attempt, 1 for the first retry, and so on; never negative
     */
    @Override
    public int attempt() {
        return attempt;
    }

    /**
     * Whether the client will try the call again after this attempt.
     *
     * @return {@code true} when another attempt follows
     */
    @Override
    public boolean willRetry() {
        return willRetry;
    }

    /**
     * Whether this attempt is a retry of an earlier one.
     *
     * @return {@code attempt() > 0}
     */
    public boolean isRetry() {
        return attempt > 0;
    }
}
