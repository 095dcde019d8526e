package io.github.mjsdk.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@link ScheduledExecutorService} on virtual time: nothing runs until the test moves time with
 * {@link #advance(Duration)}, {@link #runNext()} or {@link #drive(Future, BooleanSupplier)}; jobs then run on the
 * test's thread, in due order, with the {@link MutableClock} set to each job's due time. {@code execute} and
 * {@code submit} are jobs due now: they too run only when time is moved.
 *
 * <p>The client's HTTP runs on real OkHttp threads, so a poll fired by a timer answers asynchronously and only then
 * schedules the next timer. Tests therefore wait (in real time, bounded) until no HTTP call is in flight before
 * moving time again; {@link #drive(Future, BooleanSupplier)} does that in a loop. Virtual time never races ahead of
 * I/O.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    /** The longest real time to wait for HTTP in flight to finish. */
    public static final Duration IO_WAIT = Duration.ofSeconds(10);
    private static final int MAX_STEPS = 1000;

    private final MutableClock clock;
    private final Object lock = new Object();
    private final PriorityQueue<Job<?>> queue = new PriorityQueue<>();
    private long sequence;
    private boolean shutdown;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** A scheduler on a fresh {@link MutableClock#atFixtureTime()}. */
    public static ManualScheduler atFixtureTime() {
        return new ManualScheduler(MutableClock.atFixtureTime());
    }

    public MutableClock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ driving

    /** Jobs that are neither run nor cancelled. */
    public int pendingCount() {
        synchronized (lock) {
            return (int) queue.stream().filter(job -> !job.isCancelled()).count();
        }
    }

    /** The delays from now of the pending jobs, shortest first. */
    public List<Duration> pendingDelays() {
        synchronized (lock) {
            Instant now = clock.instant();
            return queue.stream().filter(job -> !job.isCancelled()).sorted()
                    .map(job -> Duration.between(now, job.due)).toList();
        }
    }

    /**
     * Waits in real time (at most {@link #IO_WAIT}) until no HTTP call is in flight, so that whatever the answers
     * schedule is visible in {@link #pendingDelays()}.
     *
     * @param ioIdle true when no HTTP call is running or queued
     * @throws AssertionError when I/O is still busy after {@link #IO_WAIT}
     */
    public void awaitIdle(BooleanSupplier ioIdle) {
        long deadline = System.nanoTime() + IO_WAIT.toNanos();
        synchronized (lock) {
            while (!ioIdle.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("HTTP calls still in flight after " + IO_WAIT);
                }
                waitOnLock(left);
            }
        }
    }

    /** Moves time forward by {@code duration}, running every job that falls due on the way, in order. */
    public void advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        while (true) {
            Job<?> job;
            synchronized (lock) {
                job = queue.peek();
                if (job == null || job.due.isAfter(target)) {
                    break;
                }
                queue.poll();
            }
            if (!job.isCancelled()) {
                if (job.due.isAfter(clock.instant())) {
                    clock.set(job.due);
                }
                job.runScheduled();
            }
        }
        if (target.isAfter(clock.instant())) {
            clock.set(target);
        }
    }

    /**
     * Moves time to the earliest pending job and runs it (and every other job due at that instant).
     *
     * @return false when nothing is pending
     */
    public boolean runNext() {
        Instant due;
        synchronized (lock) {
            Job<?> next = queue.stream().filter(job -> !job.isCancelled()).sorted().findFirst().orElse(null);
            if (next == null) {
                return false;
            }
            due = next.due;
        }
        Instant now = clock.instant();
        advance(due.isAfter(now) ? Duration.between(now, due) : Duration.ZERO);
        return true;
    }

    /**
     * Runs virtual time until {@code future} is done: waits (in real time, bounded) until no HTTP call is in flight
     * ({@code ioIdle}), then runs the earliest pending job, and so on. Virtual time never moves while I/O that could
     * schedule an earlier job is still running.
     *
     * @param future the future to complete
     * @param ioIdle true when no HTTP call is running or queued
     * @throws AssertionError when the future stays pending with nothing scheduled for {@link #IO_WAIT}
     */
    public void drive(Future<?> future, BooleanSupplier ioIdle) {
        if (future instanceof CompletableFuture<?> completable) {
            completable.whenComplete((value, error) -> wakeUp());
        }
        for (int step = 0; step < MAX_STEPS; step++) {
            long deadline = System.nanoTime() + IO_WAIT.toNanos();
            synchronized (lock) {
                while (true) {
                    if (future.isDone()) {
                        return;
                    }
                    if (ioIdle.getAsBoolean() && queue.stream().anyMatch(job -> !job.isCancelled())) {
                        break;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("the future is not done, and nothing is in flight or scheduled"
                                + " after " + IO_WAIT + ": " + queue);
                    }
                    waitOnLock(left);
                }
            }
            runNext();
        }
        throw new AssertionError("the future was not done after " + MAX_STEPS + " scheduler steps");
    }

    /** Wakes threads waiting in {@link #drive} to look again (e.g. from OkHttp's dispatcher idle callback). */
    public void wakeUp() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void waitOnLock(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(lock, Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(20)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    // ------------------------------------------------------------------ ScheduledExecutorService

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Job<>(Executors.callable(command, null), due(delay, unit), null, false));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Job<>(callable, due(delay, unit), null, false));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(new Job<>(Executors.callable(command, null), due(initialDelay, unit),
                Duration.ofNanos(unit.toNanos(period)), true));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(new Job<>(Executors.callable(command, null), due(initialDelay, unit),
                Duration.ofNanos(unit.toNanos(delay)), false));
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        synchronized (lock) {
            shutdown = true;
        }
    }

    @Override
    public List<Runnable> shutdownNow() {
        synchronized (lock) {
            shutdown = true;
            List<Runnable> left = new ArrayList<>(queue);
            queue.clear();
            return left;
        }
    }

    @Override
    public boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    @Override
    public boolean isTerminated() {
        return isShutdown();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isShutdown();
    }

    private Instant due(long delay, TimeUnit unit) {
        return clock.instant().plusNanos(Math.max(0, unit.toNanos(delay)));
    }

    private <V> Job<V> add(Job<V> job) {
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("the ManualScheduler is shut down");
            }
            job.seq = ++sequence;
            queue.add(job);
            lock.notifyAll();
        }
        return job;
    }

    @Override
    public String toString() {
        return "ManualScheduler[now=" + clock.instant() + ", pending=" + pendingDelays() + "]";
    }

    /** One scheduled job; periodic jobs re-queue themselves after each run. */
    private final class Job<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final Duration period;
        private final boolean fixedRate;
        private Instant due;
        private long seq;

        Job(Callable<V> callable, Instant due, Duration period, boolean fixedRate) {
            super(callable);
            this.due = due;
            this.period = period;
            this.fixedRate = fixedRate;
        }

        void runScheduled() {
            if (period == null) {
                run();
                return;
            }
            if (runAndReset()) {
                due = fixedRate ? due.plus(period) : clock.instant().plus(period);
                synchronized (lock) {
                    if (!shutdown) {
                        seq = ++sequence;
                        queue.add(this);
                        lock.notifyAll();
                    }
                }
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            synchronized (lock) {
                queue.remove(this);
                lock.notifyAll();
            }
            return cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof ManualScheduler.Job<?> job) {
                int byDue = due.compareTo(job.due);
                return byDue != 0 ? byDue : Long.compare(seq, job.seq);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public String toString() {
            return "job#" + seq + "@" + due;
        }
    }
}
