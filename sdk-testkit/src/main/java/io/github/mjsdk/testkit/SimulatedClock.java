package io.github.mjsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Clock} that stands still until it is told to move, for tests that must not wait for real time.
 *
 * <p>Give it to {@link FakeMidjourneyServer.Builder#clock(Clock)} and the simulated tasks progress exactly as far
 * as you {@link #advance(Duration)} it: a FAST job with the default 4 s duration is SUCCESS after
 * {@code advance(Duration.ofSeconds(4))}, however long the test really took. {@code notifyHook} callbacks for
 * the changes a move covers are sent when it moves. For whole client flows without driving time by hand, see
 * {@link VirtualTime}, which moves such a clock by itself.
 *
 * <p>Time only moves forward. Thread-safe: any thread may read or advance it; views made by
 * {@link #withZone(ZoneId)} share the same time.
 */
public final class SimulatedClock extends Clock {
    /** Where a clock made by {@link #SimulatedClock()} starts: {@code 2026-01-01T00:00:00Z}. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final State state;
    private final ZoneId zone;

    /** A clock at {@link #DEFAULT_START}, in UTC. */
    public SimulatedClock() {
        this(DEFAULT_START);
    }

    /**
     * A clock at the given instant, in UTC.
     *
     * @param start where time starts
     * @throws IllegalArgumentException if {@code start} is null
     */
    public SimulatedClock(Instant start) {
        this(new State(requireInstant(start, "start")), ZoneOffset.UTC);
    }

    private SimulatedClock(State state, ZoneId zone) {
        this.state = state;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return state.now;
    }

    @Override
    public long millis() {
        return state.now.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * A view of this clock in another zone; advancing either moves both.
     *
     * @param other the zone
     * @return the view
     */
    @Override
    public SimulatedClock withZone(ZoneId other) {
        if (other == null) {
            throw new IllegalArgumentException("zone must not be null");
        }
        return other.equals(zone) ? this : new SimulatedClock(state, other);
    }

    /**
     * Moves time forward.
     *
     * @param amount zero or positive
     * @throws IllegalArgumentException if {@code amount} is null or negative
     */
    public void advance(Duration amount) {
        if (amount == null || amount.isNegative()) {
            throw new IllegalArgumentException("amount must be zero or positive, got " + amount);
        }
        synchronized (state) {
            state.now = state.now.plus(amount);
        }
        state.fire();
    }

    /**
     * Moves time forward to an instant; an instant equal to now is a no-op.
     *
     * @param target not before {@link #instant()}
     * @throws IllegalArgumentException if {@code target} is null or in the past
     */
    public void advanceTo(Instant target) {
        requireInstant(target, "target");
        synchronized (state) {
            if (target.isBefore(state.now)) {
                throw new IllegalArgumentException("time only moves forward: " + target + " is before " + state.now);
            }
            state.now = target;
        }
        state.fire();
    }

    /** Moves forward to {@code target} if it is later than now; otherwise does nothing. */
    void moveForwardTo(Instant target) {
        synchronized (state) {
            if (!target.isAfter(state.now)) {
                return;
            }
            state.now = target;
        }
        state.fire();
    }

    /** Runs {@code listener} on the advancing thread after each move. */
    void addListener(Runnable listener) {
        state.listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        state.listeners.remove(listener);
    }

    /**
     * The current instant and zone.
     *
     * @return e.g. {@code SimulatedClock[2026-01-01T00:00:04Z, Z]}
     */
    @Override
    public String toString() {
        return "SimulatedClock[" + state.now + ", " + zone + "]";
    }

    private static Instant requireInstant(Instant value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** The time shared by a clock and its zone views. */
    private static final class State {
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        volatile Instant now;

        State(Instant now) {
            this.now = now;
        }

        void fire() {
            for (Runnable listener : listeners) {
                listener.run();
            }
        }
    }
}
