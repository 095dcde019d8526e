package io.github.mjsdk.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/** Faults waiting for the next requests on a route; a route's own faults go before {@link Route#ANY}'s. */
final class Faults {
    private final Map<Route, Deque<Fault>> pending = new EnumMap<>(Route.class);

    synchronized void add(Route route, int times, Fault fault) {
        Deque<Fault> queue = pending.computeIfAbsent(route, r -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
    }

    /** The fault for a request on {@code route}, consumed; null when none is pending. */
    synchronized Fault take(Route route) {
        Deque<Fault> own = pending.get(route);
        if (own != null && !own.isEmpty()) {
            return own.pollFirst();
        }
        Deque<Fault> any = pending.get(Route.ANY);
        return any == null ? null : any.pollFirst();
    }

    synchronized void clear() {
        pending.clear();
    }
}
