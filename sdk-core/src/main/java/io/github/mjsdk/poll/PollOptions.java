package io.github.mjsdk.poll;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.internal.util.Args;
import java.time.Duration;

/**
 * How one wait polls: its wall-clock deadline and its schedule. Immutable.
 *
 * <p>The schedule: the first poll comes {@code initialDelay} after the wait starts; after each poll that shows no
 * change of status or progress the next interval is 1.5× the previous one, up to {@code maxInterval}; a change
 * resets it to {@code interval}. Each of these intervals is spread by ±{@code jitter} (a fraction) so that many
 * waits do not poll in lockstep; the initial delay is not (waits started together are polled together, in one
 * batch). After a failed poll (I/O error, 429, 5xx, a malformed answer) the next delay is {@code interval} doubled
 * per consecutive failure (2×, 4×, …) up to {@link #MAX_BACKOFF}; a longer {@code Retry-After} is honoured within
 * that bound. While webhooks are configured, intervals are three times longer: callbacks wake waits early, polling
 * only guards against lost callbacks. The deadline always holds. When several waits share the polls of one task,
 * the shortest {@code interval} and {@code maxInterval} among them apply.
 *
 * <p><b>Batched polls.</b> Where the server has a batch task query ({@code list-by-condition}), the waits of a
 * client due within the same second are polled in one request, and that request also carries the other pending
 * waits that are past the middle of their current delay or due within 2 s: such a wait is polled up to half a delay
 * (or 2 s) early, 2 s of the 4-s first delay at Fast, at no extra request, and its schedule continues from that
 * poll. A lone wait, or a server without the batch query, polls exactly on the schedule above.
 *
 * <p>Defaults by tier ({@link #forSpeed(SpeedTier)}), after docs/protocols.md §f ("poll every 3 s turbo / 5 s fast /
 * 10–15 s relax, deadline ≥ 10 min, ≥ 30 min for relax"):
 * <table>
 *   <caption>Default schedule</caption>
 *   <tr><th>tier</th><th>initial delay</th><th>interval</th><th>max interval</th><th>timeout</th></tr>
 *   <tr><td>TURBO</td><td>2 s</td><td>3 s</td><td>10 s</td><td>10 min</td></tr>
 *   <tr><td>FAST, none, custom</td><td>4 s</td><td>5 s</td><td>15 s</td><td>10 min</td></tr>
 *   <tr><td>RELAX</td><td>10 s</td><td>15 s</td><td>60 s</td><td>30 min</td></tr>
 * </table>
 * All defaults have a jitter of 0.1 and give up after {@value #DEFAULT_MAX_FAILED_POLLS} failed polls in a row.
 *
 * <p><b>Giving up early.</b> A poll fails when its query ends in an I/O error, a 5xx answer (after the query's own
 * retries) or an answer that cannot be read. After {@code maxFailedPolls} such failures in a row the wait fails with
 * a {@link io.github.mjsdk.error.TaskTimeoutException} whose cause is the last failure, instead of polling blind
 * until the deadline. A successful poll resets the count. A 429 (the server is up and asks to slow down) and a
 * "not found" within the grace period given to a fresh id do not count. Use {@link Integer#MAX_VALUE} to poll until
 * the deadline whatever happens.
 *
 * @param timeout      the wall-clock deadline of the wait; positive
 * @param initialDelay the delay before the first poll; zero or positive
 * @param interval     the delay between polls while the task changes; positive
 * @param maxInterval  the longest delay between polls; at least {@code interval}
 * @param jitter       the spread of each delay as a fraction, 0.0 to 0.5
 * @param maxFailedPolls how many polls in a row may fail before the wait gives up; at least 1
 */
public record PollOptions(Duration timeout, Duration initialDelay, Duration interval, Duration maxInterval,
                          double jitter, int maxFailedPolls) {

    /** How many polls in a row may fail before a wait gives up, unless set otherwise: {@value}. */
    public static final int DEFAULT_MAX_FAILED_POLLS = 5;

    /** The longest delay between two polls after failures, 60 seconds. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /**
     * Validates the components.
     *
     * @param timeout      see {@link #timeout()}
     * @param initialDelay see {@link #initialDelay()}
     * @param interval     see {@link #interval()}
     * @param maxInterval  see {@link #maxInterval()}
     * @param jitter       see {@link #jitter()}
     * @param maxFailedPolls see {@link #maxFailedPolls()}
     * @throws IllegalArgumentException if a duration is null, {@code timeout} or {@code interval} is not positive,
     *                                  {@code initialDelay} is negative, {@code maxInterval} is shorter than
     *                                  {@code interval}, {@code jitter} is outside 0.0–0.5, or
     *                                  {@code maxFailedPolls} is less than 1
     */
    public PollOptions {
        Args.notNull(timeout, "timeout");
        Args.notNull(initialDelay, "initialDelay");
        Args.notNull(interval, "interval");
        Args.notNull(maxInterval, "maxInterval");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay must not be negative, got " + initialDelay);
        }
        if (maxInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("maxInterval must be at least interval, got " + maxInterval);
        }
        if (!(jitter >= 0.0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("jitter must be 0.0..0.5, got " + jitter);
        }
        if (maxFailedPolls < 1) {
            throw new IllegalArgumentException("maxFailedPolls must be at least 1, got " + maxFailedPolls);
        }
    }

    /**
     * Options that give up after {@value #DEFAULT_MAX_FAILED_POLLS} failed polls in a row.
     *
     * @param timeout      see {@link #timeout()}
     * @param initialDelay see {@link #initialDelay()}
     * @param interval     see {@link #interval()}
     * @param maxInterval  see {@link #maxInterval()}
     * @param jitter       see {@link #jitter()}
     * @throws IllegalArgumentException as the canonical constructor
     */
    public PollOptions(Duration timeout, Duration initialDelay, Duration interval, Duration maxInterval,
                       double jitter) {
        this(timeout, initialDelay, interval, maxInterval, jitter, DEFAULT_MAX_FAILED_POLLS);
    }

    /**
     * The wall-clock deadline of the wait, measured from its start on the client's clock; it always holds, whatever
     * the schedule or webhooks do. Defaults after docs/protocols.md §f ("deadline ≥ 10 min, ≥ 30 min for relax").
     *
     * @return a positive duration; by default 10 minutes (30 minutes for RELAX)
     */
    @Override
    public Duration timeout() {
        return timeout;
    }

    /**
     * The delay from the start of the wait to its first poll. It is not spread by {@link #jitter()}, so waits
     * started together are polled together, in one batch.
     *
     * @return zero or a positive duration; by default 4 s (2 s for TURBO, 10 s for RELAX)
     */
    @Override
    public Duration initialDelay() {
        return initialDelay;
    }

    /**
     * The delay between polls while the task's status or progress changes; the schedule returns to it after each
     * change, and a failed poll doubles it per consecutive failure up to {@link #MAX_BACKOFF}. Three times longer
     * while webhooks are configured. Defaults after docs/protocols.md §f ("poll every 3 s turbo / 5 s fast / 10–15 s
     * relax").
     *
     * @return a positive duration; by default 5 s (3 s for TURBO, 15 s for RELAX)
     */
    @Override
    public Duration interval() {
        return interval;
    }

    /**
     * The longest delay between polls of a task that does not change: each unchanged poll makes the next interval
     * 1.5 times the previous one, up to this. Three times longer while webhooks are configured.
     *
     * @return a duration at least {@link #interval()}; by default 15 s (10 s for TURBO, 60 s for RELAX); equal to
     *         {@code interval} for the fixed schedule of the three-argument constructor
     */
    @Override
    public Duration maxInterval() {
        return maxInterval;
    }

    /**
     * The spread of each interval as a fraction: a delay {@code d} becomes a random value in
     * {@code d × (1 ± jitter)}, so that many waits do not poll in lockstep. The initial delay is not spread.
     *
     * @return 0.0 (none) to 0.5, e.g. 0.1 for ±10 %; by default 0.1; 0.0 for the three-argument constructor
     */
    @Override
    public double jitter() {
        return jitter;
    }

    /**
     * How many polls in a row may fail (I/O error, 5xx after the query's own retries, an unreadable answer) before
     * the wait gives up with a {@link io.github.mjsdk.error.TaskTimeoutException} whose cause is the last failure.
     * A 429 and a "not found" within a fresh id's grace period do not count; a successful poll resets the count.
     *
     * @return at least 1; by default {@value #DEFAULT_MAX_FAILED_POLLS}; {@link Integer#MAX_VALUE} polls until the
     *     deadline
     */
    @Override
    public int maxFailedPolls() {
        return maxFailedPolls;
    }

    /**
     * A fixed schedule without growth or jitter: every poll {@code interval} apart.
     *
     * @param timeout      positive
     * @param initialDelay zero or positive
     * @param interval     positive
     * @throws IllegalArgumentException as the canonical constructor
     */
    public PollOptions(Duration timeout, Duration initialDelay, Duration interval) {
        this(timeout, initialDelay, interval, interval, 0.0, DEFAULT_MAX_FAILED_POLLS);
    }

    /**
     * The default options for a tier (see the table above).
     *
     * @param tier the tier the task runs at, or {@code null} for none
     * @return the defaults
     */
    public static PollOptions forSpeed(SpeedTier tier) {
        if (tier == Speed.TURBO) {
            return new PollOptions(Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(3),
                    Duration.ofSeconds(10), 0.1);
        }
        if (tier == Speed.RELAX) {
            return new PollOptions(Duration.ofMinutes(30), Duration.ofSeconds(10), Duration.ofSeconds(15),
                    Duration.ofSeconds(60), 0.1);
        }
        return new PollOptions(Duration.ofMinutes(10), Duration.ofSeconds(4), Duration.ofSeconds(5),
                Duration.ofSeconds(15), 0.1);
    }

    /**
     * The defaults for no tier: 4 s initial delay, 5 s interval growing to 15 s, 10 min timeout.
     *
     * @return the defaults
     */
    public static PollOptions defaults() {
        return forSpeed(null);
    }

    /**
     * A copy with another deadline.
     *
     * @param value positive
     * @return the copy
     */
    public PollOptions withTimeout(Duration value) {
        return new PollOptions(value, initialDelay, interval, maxInterval, jitter, maxFailedPolls);
    }

    /**
     * A copy with another initial delay.
     *
     * @param value zero or positive
     * @return the copy
     */
    public PollOptions withInitialDelay(Duration value) {
        return new PollOptions(timeout, value, interval, maxInterval, jitter, maxFailedPolls);
    }

    /**
     * A copy with another interval; {@code maxInterval} is raised to it when shorter.
     *
     * @param value positive
     * @return the copy
     */
    public PollOptions withInterval(Duration value) {
        Args.notNull(value, "interval");
        return new PollOptions(timeout, initialDelay, value, maxInterval.compareTo(value) < 0 ? value : maxInterval,
                jitter, maxFailedPolls);
    }

    /**
     * A copy with another longest interval.
     *
     * @param value at least {@code interval}
     * @return the copy
     */
    public PollOptions withMaxInterval(Duration value) {
        return new PollOptions(timeout, initialDelay, interval, value, jitter, maxFailedPolls);
    }

    /**
     * A copy with another jitter.
     *
     * @param value 0.0 to 0.5
     * @return the copy
     */
    public PollOptions withJitter(double value) {
        return new PollOptions(timeout, initialDelay, interval, maxInterval, value, maxFailedPolls);
    }

    /**
     * A copy that gives up after another number of failed polls in a row (see the class comment).
     *
     * @param value at least 1; {@link Integer#MAX_VALUE} to poll until the deadline whatever happens
     * @return the copy
     * @throws IllegalArgumentException if {@code value} is less than 1
     */
    public PollOptions withMaxFailedPolls(int value) {
        return new PollOptions(timeout, initialDelay, interval, maxInterval, jitter, value);
    }
}
