package io.github.mjsdk.internal.poll;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * At most {@code limit} poll requests at once; the others wait in order for a free slot. A slot is taken by
 * {@link #run} and given back when the request's future completes, however it completes, or when starting the
 * request throws: no caller can skip the release, and a slot is never given back twice. Thread-safe.
 */
final class RequestSlots {
    private final int limit;
    private final ArrayDeque<Supplier<? extends CompletableFuture<?>>> waiting = new ArrayDeque<>();
    private int inFlight;

    /**
     * A limiter.
     *
     * @param limit requests at once, at least 1
     */
    RequestSlots(int limit) {
        this.limit = limit;
    }

    /**
     * Starts {@code request} now, or once a slot frees up.
     *
     * @param request starts the request and returns its future; it must not be null
     */
    void run(Supplier<? extends CompletableFuture<?>> request) {
        synchronized (this) {
            if (inFlight >= limit) {
                waiting.add(request);
                return;
            }
            inFlight++;
        }
        start(request);
    }

    /** Forgets the requests that wait for a slot (the client is closing). */
    synchronized void clear() {
        waiting.clear();
    }

    /** Requests running now; for tests and metrics. */
    synchronized int inFlight() {
        return inFlight;
    }

    /** Requests waiting for a slot; for tests and metrics. */
    synchronized int waiting() {
        return waiting.size();
    }

    private void start(Supplier<? extends CompletableFuture<?>> request) {
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable release = () -> {
            if (held.compareAndSet(true, false)) {
                release();
            }
        };
        try {
            request.get().whenComplete((value, error) -> release.run());
        } catch (RuntimeException | Error e) {
            release.run();
            throw e;
        }
    }

    /** A request finished: its slot goes to the next waiting request, if any. */
    private void release() {
        Supplier<? extends CompletableFuture<?>> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
                return;
            }
        }
        start(next);
    }
}
