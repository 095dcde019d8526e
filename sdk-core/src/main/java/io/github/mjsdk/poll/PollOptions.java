package io.github.mjsdk.poll;

import io.github.mjsdk.Speed;
import io.github.mjsdk.SpeedTier;
import io.github.mjsdk.internal.Args;
import java.time.Duration;

/**
 * How one wait polls: its wall-clock deadline and its schedule. Immutable.
 *
 * <p>Defaults by tier ({@link #forSpeed(SpeedTier)}), after wire-protocol.md §f ("poll every 3 s turbo / 5 s fast /
 * 10–15 s relax, deadline ≥ 10 min, ≥ 30 min for relax"):
 * <table>
 *   <caption>Default schedule</caption>
 *   <tr><th>tier</th><th>initial delay</th><th>interval</th><th>timeout</th></tr>
 *   <tr><td>TURBO</td><td>2 s</td><td>3 s</td><td>10 min</td></tr>
 *   <tr><td>FAST, none, custom</td><td>4 s</td><td>5 s</td><td>10 min</td></tr>
 *   <tr><td>RELAX</td><td>10 s</td><td>15 s</td><td>30 min</td></tr>
 * </table>
 * After a failed poll (I/O error, 429, 5xx) the next delay doubles per consecutive failure up to
 * {@link #MAX_BACKOFF}; a {@code Retry-After} is honoured within [interval, {@link #MAX_BACKOFF}].
 *
 * <p>Construction throws {@link IllegalArgumentException} if a duration is null, {@code timeout} or {@code interval} is not positive, or {@code initialDelay} is negative.
 *
 * @param timeout      the wall-clock deadline of the wait, measured from its start on the client's clock; positive
 * @param initialDelay the delay before the first poll; zero or positive
 * @param interval     the delay between polls while the task runs; positive
 */
public record PollOptions(Duration timeout, Duration initialDelay, Duration interval) {

    /** The longest delay between two polls after failures, 60 seconds. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param timeout see {@link #timeout()}
     * @param initialDelay see {@link #initialDelay()}
     * @param interval see {@link #interval()}
     */
    public PollOptions {
        Args.notNull(timeout, "timeout");
        Args.notNull(initialDelay, "initialDelay");
        Args.notNull(interval, "interval");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("initialDelay must not be negative, got " + initialDelay);
        }
    }

    /**
     * The default options for a tier (see the table above).
     *
     * @param tier the tier the task runs at, or {@code null} for none
     * @return the defaults
     */
    public static PollOptions forSpeed(SpeedTier tier) {
        if (tier == Speed.TURBO) {
            return new PollOptions(Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(3));
        }
        if (tier == Speed.RELAX) {
            return new PollOptions(Duration.ofMinutes(30), Duration.ofSeconds(10), Duration.ofSeconds(15));
        }
        return new PollOptions(Duration.ofMinutes(10), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    /**
     * The defaults for no tier: 4 s initial delay, 5 s interval, 10 min timeout.
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
        return new PollOptions(value, initialDelay, interval);
    }

    /**
     * A copy with another initial delay.
     *
     * @param value zero or positive
     * @return the copy
     */
    public PollOptions withInitialDelay(Duration value) {
        return new PollOptions(timeout, value, interval);
    }

    /**
     * A copy with another interval.
     *
     * @param value positive
     * @return the copy
     */
    public PollOptions withInterval(Duration value) {
        return new PollOptions(timeout, initialDelay, value);
    }
}
