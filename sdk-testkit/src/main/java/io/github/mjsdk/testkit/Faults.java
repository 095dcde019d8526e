package io.github.mjsdk.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * Faults waiting for the next requests on a route; a route's own faults go before {@link Route#ANY}'s. Each
 * {@code add} is one entry holding its remaining count, so memory does not grow with {@code times}.
 */
final class Faults {
    private final Map<Route, Deque<Pending>> pending = new EnumMap<>(Route.class);

    /** A fault still to be played {@code left} more times. */
    private static final class Pending {
        final Fault fault;
        int left;

        Pending(Fault fault, int left) {
            this.fault = fault;
            this.left = left;
        }
    }

    synchronized void add(Route route, int times, Fault fault) {
        if (times <= 0) {
            return;
        }
        pending.computeIfAbsent(route, r -> new ArrayDeque<>()).addLast(new Pending(fault, times));
    }

    /** The fault for a request on {@code route}, consumed; null when none is pending. */
    synchronized Fault take(Route route) {
        Fault own = takeFrom(pending.get(route));
        if (own != null) {
            return own;
        }
        return takeFrom(pending.get(Route.ANY));
    }

    private static Fault takeFrom(Deque<Pending> queue) {
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        Pending first = queue.peekFirst();
        if (--first.left == 0) {
            queue.pollFirst();
        }
        return first.fault;
    }

    synchronized void clear() {
        pending.clear();
    }
}
