package io.github.mjsdk.internal.admission;

import io.github.mjsdk.admission.AdmissionOptions;
import io.github.mjsdk.admission.AdmissionStats;
import io.github.mjsdk.error.AdmissionQueueFullException;
import io.github.mjsdk.error.AdmissionTimeoutException;
import io.github.mjsdk.error.ClientClosedException;
import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.internal.util.Futures;
import io.github.mjsdk.observe.AdmissionEvent;
import io.github.mjsdk.observe.AdmissionEvent.Kind;
import io.github.mjsdk.observe.ClientObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The admission queue (docs/admission.md). One lock guards the line, the slots and the counters; a change is
 * worked out under it and carried out after it ({@link Step}): events reported, submits sent, futures completed, so
 * that no submit is sent and no user code runs while the lock is held.
 *
 * <p>The rules: a call's first submit takes a slot when fewer than the limit are held and no hold is on, else it
 * waits in line (at most {@code queueCapacity}, else it fails at once). A refusal that created no job
 * ({@link Refusal}) gives the slot back, puts the submit at the head of the line and holds the line until a slot is
 * given back or the hold ({@code Retry-After}, else a doubling backoff) ends; a learned limit drops to the slots
 * still held. A hold that ends with the learned limit reached sends one submit as a probe. A learned limit rises
 * while others wait: until the server's first refusal, by one with every submit accepted at the limit (a ramp: each
 * acceptance sends one more, so no more than the submits then on the wire can be refused once the account is full);
 * after it, by one after {@code limit} submits accepted in a row at the limit. A submit still in line at its deadline
 * fails and is never sent.
 */
final class AdmissionQueue implements Admission {
    private final AdmissionOptions options;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ClientObserver observer;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** The submits waiting, head first; entries no longer queued are skipped and dropped lazily. */
    private final ArrayDeque<Pending<?>> line = new ArrayDeque<>();
    /** The queued submit of each call; its size is the queue's length. */
    private final Map<Operation, Pending<?>> waiting = new HashMap<>();
    /** The calls holding a slot: sending their first submit, or accepted and not ended. */
    private final Set<Operation> holders = new HashSet<>();
    private int limit;
    private int acceptedAtLimit;
    private int refusalsInRow;
    /** A learned limit ramps up until the server refuses a submit for the first time. */
    private boolean ramping = true;
    /** No submit leaves the line before this instant (epoch ms) unless a slot is given back; 0: no hold. */
    private long holdUntil;
    private Future<?> holdTimer;
    private boolean closed;
    private long sent;
    private long refused;
    private long rejected;
    private long expired;
    private long queuedMillis;

    AdmissionQueue(AdmissionOptions options, ScheduledExecutorService scheduler, Clock clock,
                   ClientObserver observer) {
        this.options = options;
        this.scheduler = scheduler;
        this.clock = clock;
        this.observer = observer;
        this.limit = options.learnsLimit() ? options.initialLimit() : options.maxInFlight();
    }

    @Override
    public <T> CompletableFuture<T> submit(Operation operation, Supplier<CompletableFuture<T>> send) {
        synchronized (this) {
            if (holders.contains(operation)) {
                return send.get(); // a later submit of a call that holds its slot: the modal step
            }
        }
        long now = clock.millis();
        Pending<T> job = new Pending<>(operation, send, now, now + options.deadline().toMillis());
        Step step = new Step();
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(closedUnsent());
            }
            if (waiting.size() >= options.queueCapacity()) {
                rejected++;
                step.event(Kind.REJECTED, Duration.ZERO);
                step.fail(job, new AdmissionQueueFullException("the client's admission queue is full ("
                        + options.queueCapacity() + " submits waiting): nothing was sent",
                        options.queueCapacity()));
            } else {
                enqueue(job, now, false);
                drain(now, step);
                if (job.queued) {
                    armDeadline(job);
                    step.event(Kind.QUEUED, Duration.ZERO);
                }
            }
        }
        operation.onCancel(job);
        job.result.whenComplete((value, error) -> operation.forget(job));
        step.run();
        return job.result;
    }

    @Override
    public void ended(Operation operation) {
        long now = clock.millis();
        Step step = new Step();
        synchronized (this) {
            Pending<?> queued = waiting.get(operation);
            if (queued != null) {
                drop(queued, now, Kind.CANCELLED, new CancellationException("the call ended while its submit was"
                        + " queued"), step);
            }
            if (holders.remove(operation)) {
                step.event(Kind.RELEASED, Duration.ZERO);
                endHold();
                drain(now, step);
            }
        }
        step.run();
    }

    @Override
    public synchronized boolean queued(Operation operation) {
        return waiting.containsKey(operation);
    }

    @Override
    public synchronized AdmissionStats stats() {
        return new AdmissionStats(true, waiting.size(), holders.size(), limit, sent, refused, rejected, expired,
                Duration.ofMillis(queuedMillis));
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        long now = clock.millis();
        Step step = new Step();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            endHold();
            for (Pending<?> queued : new ArrayList<>(waiting.values())) {
                drop(queued, now, Kind.CANCELLED, closedUnsent(), step);
            }
            line.clear();
        }
        step.run();
    }

    // ---- answers and timers

    private <T> void answered(Pending<T> job, T value, Throwable error) {
        long now = clock.millis();
        Step step = new Step();
        if (error == null) {
            synchronized (this) {
                accepted(now, step);
            }
            step.complete(job, value);
            step.run();
            return;
        }
        Throwable cause = Futures.unwrap(error);
        if (!Refusal.createdNoJob(cause) || job.operation.isCancelled()) {
            step.fail(job, cause);
            step.run();
            return;
        }
        synchronized (this) {
            refusedLocked(job, cause, now, step);
        }
        step.run();
    }

    /**
     * A submit was accepted: a learned limit follows what the server took, and rises while others wait: with every
     * acceptance at the limit while ramping, after {@code limit} of them in a row once the server has refused one.
     */
    private void accepted(long now, Step step) {
        refusalsInRow = 0;
        if (!options.learnsLimit()) {
            return;
        }
        if (holders.size() > limit) {
            limit = holders.size(); // a probe beyond the limit was taken
            acceptedAtLimit = 0;
            return;
        }
        if (!waiting.isEmpty() && holders.size() >= limit && limit < AdmissionOptions.MAX_IN_FLIGHT
                && (ramping || ++acceptedAtLimit >= limit)) {
            limit++;
            acceptedAtLimit = 0;
            drain(now, step);
        }
    }

    private void refusedLocked(Pending<?> job, Throwable refusal, long now, Step step) {
        holders.remove(job.operation);
        refused++;
        refusalsInRow++;
        acceptedAtLimit = 0;
        ramping = false;
        if (options.learnsLimit()) {
            limit = Math.max(1, holders.size());
        }
        hold(now + Refusal.hold(refusal, refusalsInRow).toMillis());
        job.lastRefusal = refusal;
        if (closed) {
            step.fail(job, closedUnsent());
        } else if (now >= job.deadline) {
            expired++;
            step.event(Kind.EXPIRED, Duration.ofMillis(now - job.called));
            step.fail(job, timeout(job, now));
        } else {
            enqueue(job, now, true);
            armDeadline(job);
            step.event(Kind.REFUSED, Duration.ZERO);
        }
    }

    private void holdEnded() {
        long now = clock.millis();
        Step step = new Step();
        synchronized (this) {
            if (closed || holdUntil == 0 || now < holdUntil) {
                return; // released early, or a later hold has its own timer
            }
            endHold();
            int before = step.sends.size();
            drain(now, step);
            boolean noneSent = step.sends.size() == before;
            if (noneSent && options.learnsLimit() && holders.size() < AdmissionOptions.MAX_IN_FLIGHT) {
                Pending<?> probe = nextQueued();
                if (probe != null) {
                    take(probe, now, step);
                }
            }
        }
        step.run();
    }

    /** The deadline passed: a submit still queued fails unsent. */
    private void deadlinePassed(Pending<?> job) {
        withdraw(job, Kind.EXPIRED);
    }

    /** The call was cancelled: a queued submit leaves the line unsent; one being sent is stopped by the call. */
    private void cancelled(Pending<?> job) {
        withdraw(job, Kind.CANCELLED);
    }

    private void withdraw(Pending<?> job, Kind kind) {
        long now = clock.millis();
        Step step = new Step();
        synchronized (this) {
            if (!job.queued) {
                return;
            }
            if (kind == Kind.EXPIRED) {
                expired++;
                drop(job, now, kind, timeout(job, now), step);
            } else {
                drop(job, now, kind, new CancellationException("cancelled while queued: never sent"), step);
            }
        }
        step.run();
    }

    /** Takes a queued submit out of the line and fails it. */
    private void drop(Pending<?> job, long now, Kind kind, Throwable error, Step step) {
        dequeue(job);
        step.event(kind, Duration.ofMillis(now - job.called));
        step.fail(job, error);
    }

    // ---- the line (all under the lock)

    private void enqueue(Pending<?> job, long now, boolean atHead) {
        job.queued = true;
        job.queuedSince = now;
        waiting.put(job.operation, job);
        if (atHead) {
            line.addFirst(job);
        } else {
            line.addLast(job);
        }
        if (line.size() > 2 * Math.max(16, waiting.size())) {
            line.removeIf(stale -> !stale.queued);
        }
    }

    /**
     * Arms the deadline of a submit that stays queued (never of one sent at once: a timer costs nothing then), its
     * delay counted from the clock as it is now, so that time spent reaching the lock does not make it fire late.
     */
    private void armDeadline(Pending<?> job) {
        if (job.deadlineTimer == null) {
            job.deadlineTimer = schedule(() -> deadlinePassed(job), Math.max(0, job.deadline - clock.millis()));
        }
    }

    private void dequeue(Pending<?> job) {
        job.queued = false;
        waiting.remove(job.operation);
        if (job.deadlineTimer != null) {
            job.deadlineTimer.cancel(false);
            job.deadlineTimer = null;
        }
    }

    private void drain(long now, Step step) {
        while (!closed && now >= holdUntil && holders.size() < limit) {
            Pending<?> next = nextQueued();
            if (next == null) {
                return;
            }
            take(next, now, step);
        }
    }

    private Pending<?> nextQueued() {
        Pending<?> next = line.pollFirst();
        while (next != null && (!next.queued || next.operation.isCancelled())) {
            next = line.pollFirst();
        }
        return next;
    }

    private void take(Pending<?> job, long now, Step step) {
        dequeue(job);
        holders.add(job.operation);
        sent++;
        queuedMillis += now - job.queuedSince;
        step.event(Kind.SENT, Duration.ofMillis(now - job.called));
        step.sends.add(job);
    }

    private void hold(long until) {
        holdUntil = until;
        if (holdTimer != null) {
            holdTimer.cancel(false);
        }
        holdTimer = schedule(this::holdEnded, Math.max(0, until - clock.millis()));
    }

    private void endHold() {
        holdUntil = 0;
        if (holdTimer != null) {
            holdTimer.cancel(false);
            holdTimer = null;
        }
    }

    private AdmissionTimeoutException timeout(Pending<?> job, long now) {
        return new AdmissionTimeoutException("the submit was still waiting in the client's admission queue when its "
                + options.deadline().toSeconds() + " s deadline passed: it was never sent after that"
                + (job.lastRefusal == null ? "" : " (the server had refused it, creating no job)"),
                Duration.ofMillis(now - job.called), job.lastRefusal);
    }

    private static ClientClosedException closedUnsent() {
        return new ClientClosedException("the client was closed before this submit was sent");
    }

    private Future<?> schedule(Runnable task, long delayMillis) {
        try {
            return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedScheduler) {
            return null;
        }
    }

    private AdmissionEvent event(Kind kind, Duration timeQueued) {
        return new AdmissionEvent(kind, waiting.size(), holders.size(), limit, timeQueued);
    }

    /**
     * One submit of one call, from the call until it is sent for good or fails. Its {@link #run()} is the call's
     * cancel hook.
     */
    private final class Pending<T> implements Runnable {
        final Operation operation;
        final Supplier<CompletableFuture<T>> send;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final long called;
        final long deadline;
        /** Guarded by the queue's lock. */
        boolean queued;
        long queuedSince;
        Future<?> deadlineTimer;
        Throwable lastRefusal;

        Pending(Operation operation, Supplier<CompletableFuture<T>> send, long called, long deadline) {
            this.operation = operation;
            this.send = send;
            this.called = called;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            cancelled(this);
        }

        void dispatch() {
            CompletableFuture<T> answer;
            try {
                answer = send.get();
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((value, error) -> answered(this, value, error));
        }
    }

    /** What one change decided, carried out after the lock: events, then futures, then sends. */
    private final class Step {
        final List<AdmissionEvent> events = new ArrayList<>(2);
        final List<Runnable> outcomes = new ArrayList<>(1);
        final List<Pending<?>> sends = new ArrayList<>(1);

        void event(Kind kind, Duration timeQueued) {
            events.add(AdmissionQueue.this.event(kind, timeQueued));
        }

        void fail(Pending<?> job, Throwable error) {
            outcomes.add(() -> job.result.completeExceptionally(error));
        }

        <T> void complete(Pending<T> job, T value) {
            outcomes.add(() -> job.result.complete(value));
        }

        void run() {
            events.forEach(observer::admission);
            if (!events.isEmpty()) {
                listeners.forEach(Runnable::run);
            }
            outcomes.forEach(Runnable::run);
            sends.forEach(Pending::dispatch);
        }
    }
}
