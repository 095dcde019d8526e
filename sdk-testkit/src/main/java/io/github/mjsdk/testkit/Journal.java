package io.github.mjsdk.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last {@link #CAPACITY} requests, oldest first. Thread-safe. */
final class Journal {
    static final int CAPACITY = 10_000;

    private final Deque<RecordedCall> calls = new ArrayDeque<>();

    synchronized void add(RecordedCall call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    synchronized List<RecordedCall> all() {
        return List.copyOf(calls);
    }

    synchronized List<RecordedCall> of(Route route) {
        List<RecordedCall> matching = new ArrayList<>();
        for (RecordedCall call : calls) {
            if (route == Route.ANY || call.route() == route) {
                matching.add(call);
            }
        }
        return List.copyOf(matching);
    }

    synchronized void clear() {
        calls.clear();
    }
}
