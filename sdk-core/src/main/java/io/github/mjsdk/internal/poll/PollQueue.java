package io.github.mjsdk.internal.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * The entries waiting for their next poll, in two orders: by the instant the poll is due, and by the instant from
 * which it may ride along in a batch request sent for other entries. An entry ripens halfway through the delay that
 * scheduled its poll ({@link #RIDE_ALONG}), or {@link #RIDE_ALONG_LEAD} before it is due if that comes first: polled
 * then, it is early by at most half its own current interval (2 s of a 4-s first poll, 7.5 s of a 15-s interval) or
 * those 2 s, in a request that goes out anyway. Guarded by the poller's lock.
 */
final class PollQueue {
    /**
     * The share of its delay by which an entry may be polled early, riding along in a batch request: a half, so
     * that a wait past the middle of its delay is closer to its own poll than to its last one. Measured in
     * docs/benchmarks.md §4: a quarter or a third leaves the batches of a steady stream of waits two to three times
     * as frequent.
     */
    static final double RIDE_ALONG = 0.5;
    /**
     * How early any entry may ride along, whatever its delay: two of the poller's one-second batch windows, so that
     * waits on short intervals (2 s in docs/benchmarks.md §2) still fill the last chunk of a large batch.
     */
    static final Duration RIDE_ALONG_LEAD = Duration.ofSeconds(2);

    private final TreeSet<PollEntry> byDue = new TreeSet<>(Comparator.comparing((PollEntry e) -> e.nextPollAt)
            .thenComparingLong(e -> e.seq));
    private final TreeSet<PollEntry> byRipe = new TreeSet<>(Comparator.comparingLong((PollEntry e) -> e.ripeAt)
            .thenComparingLong(e -> e.seq));

    /** Queues an entry (again) for a poll at {@code at}, scheduled at {@code now}. */
    void add(PollEntry entry, Instant at, Instant now) {
        remove(entry);
        Duration delay = Duration.between(now, at);
        entry.nextPollAt = at;
        long lead = Math.max((long) (delay.toMillis() * RIDE_ALONG), RIDE_ALONG_LEAD.toMillis());
        entry.ripeAt = at.toEpochMilli() - Math.max(0, Math.min(lead, delay.toMillis()));
        entry.queued = true;
        byDue.add(entry);
        byRipe.add(entry);
    }

    /** Takes an entry out of the queue, if it is queued. */
    void remove(PollEntry entry) {
        if (entry.queued) {
            byDue.remove(entry);
            byRipe.remove(entry);
            entry.queued = false;
        }
    }

    /** Takes out and returns the entry due first if it is due by {@code horizon}, else returns null. */
    PollEntry pollDue(Instant horizon) {
        return byDue.isEmpty() || byDue.first().nextPollAt.isAfter(horizon) ? null : take(byDue.first());
    }

    /** Takes out and returns an entry that is ripe at {@code now} (the first to ripen), else returns null. */
    PollEntry pollRipe(Instant now) {
        return byRipe.isEmpty() || byRipe.first().ripeAt > now.toEpochMilli() ? null : take(byRipe.first());
    }

    /** The earliest next poll, or null when nothing is queued. */
    Instant firstDue() {
        return byDue.isEmpty() ? null : byDue.first().nextPollAt;
    }

    boolean isEmpty() {
        return byDue.isEmpty();
    }

    private PollEntry take(PollEntry entry) {
        remove(entry);
        return entry;
    }
}
