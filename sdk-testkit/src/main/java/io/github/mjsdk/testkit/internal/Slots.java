package io.github.mjsdk.testkit.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The job slots of the simulated account at one speed tier (docs/protocols.md §a.5 queue semantics):
 * {@code concurrency} jobs run at once, up to {@code queueSize} wait in line, first come first served; a waiting job
 * gets the slot of the job that ends first, at the instant it ends. A job cancelled or failed by the test ends then
 * and frees its slot; one cancelled while waiting leaves the line. Evaluated lazily: {@link #advanceTo(Instant)}
 * replays every end up to now. Not thread-safe; the {@link Simulation} guards it.
 */
final class Slots {
    /** {@link #admit} answer: the queue is full, the job was refused. */
    static final int REFUSED = -1;

    private final int concurrency;
    private final int queueSize;
    private final List<SimTask> running = new ArrayList<>();
    private final Deque<SimTask> waiting = new ArrayDeque<>();

    Slots(int concurrency, int queueSize) {
        this.concurrency = concurrency;
        this.queueSize = queueSize;
    }

    /** Releases every slot whose job ended by {@code now}, handing it to the next waiting job at that instant. */
    void advanceTo(Instant now) {
        while (true) {
            SimTask first = null;
            for (SimTask task : running) {
                if (first == null || Timeline.end(task).isBefore(Timeline.end(first))) {
                    first = task;
                }
            }
            if (first == null || Timeline.end(first).isAfter(now)) {
                return;
            }
            running.remove(first);
            SimTask next = waiting.pollFirst();
            while (next != null && next.cancelledAt != null) {
                next = waiting.pollFirst();
            }
            if (next != null) {
                next.startAt = Timeline.end(first);
                running.add(next);
            }
        }
    }

    /**
     * Starts the job now if a slot is free, else queues it.
     *
     * @return 0 when it started; its 1-based place in the queue when queued; {@link #REFUSED} when the queue is full
     */
    int admit(SimTask task, Instant now) {
        advanceTo(now);
        if (running.size() < concurrency) {
            task.startAt = now;
            running.add(task);
            return 0;
        }
        if (waiting.size() >= queueSize) {
            return REFUSED;
        }
        task.startAt = null;
        waiting.addLast(task);
        return waiting.size();
    }
}
