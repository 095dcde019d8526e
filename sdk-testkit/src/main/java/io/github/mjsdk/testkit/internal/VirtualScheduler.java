package io.github.mjsdk.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A scheduler on a clock that stands still until moved: one daemon driver thread runs jobs whose time has come and,
 * when none is due and {@code idle} says nothing else is happening, moves the clock straight to the next job's time.
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private static final long RECHECK_MILLIS = 50;

    private final Clock clock;
    private final Consumer<Instant> moveForwardTo;
    private final BooleanSupplier idle;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Job<?>> queue = new PriorityQueue<>();
    private final Thread driver;
    private long sequence;
    private boolean shutdown;
    private boolean running;

    /**
     * Starts the driver thread.
     *
     * @param clock         the time jobs are due on; moves only through {@code moveForwardTo}
     * @param moveForwardTo moves {@code clock} forward to an instant (no-op when it is not later than now)
     * @param idle          whether nothing outside the scheduler is running, so that time may jump
     */
    public VirtualScheduler(Clock clock, Consumer<Instant> moveForwardTo, BooleanSupplier idle) {
        this.clock = clock;
        this.moveForwardTo = moveForwardTo;
        this.idle = idle;
        this.driver = new Thread(this::drive, "mjsdk-virtual-time");
        driver.setDaemon(true);
        driver.start();
    }

    /** Makes the driver look again (a job was added or removed, or the outside world became idle). */
    public void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void drive() {
        while (true) {
            Job<?> due = null;
            Instant advanceTo = null;
            lock.lock();
            try {
                while (due == null && advanceTo == null) {
                    if (shutdown) {
                        return;
                    }
                    Job<?> head = queue.peek();
                    if (head != null && !head.due.isAfter(clock.instant())) {
                        due = queue.poll();
                        running = true;
                    } else if (head != null && idle.getAsBoolean()) {
                        advanceTo = head.due;
                    } else {
                        changed.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (due != null) {
                try {
                    due.run();
                } finally {
                    lock.lock();
                    try {
                        running = false;
                        changed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            } else {
                moveForwardTo.accept(advanceTo);
            }
        }
    }

    /**
     * Waits until every job due by now has run (none queued with a due time not after the clock, none running), for
     * a thread that moved the clock and must not go on before the timers due by then have fired.
     *
     * @param timeoutMillis how long to wait at most, in real time
     * @return whether they all ran in time (false also after shutdown, or when called from the driver thread)
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitDueJobs(long timeoutMillis) throws InterruptedException {
        if (Thread.currentThread() == driver) {
            return false;
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (true) {
                Job<?> head = queue.peek();
                boolean dueLeft = head != null && !head.due.isAfter(clock.instant());
                if (!dueLeft && !running) {
                    return true;
                }
                long left = until - System.nanoTime();
                if (left <= 0 || shutdown) {
                    return false;
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private <V> Job<V> enqueue(Job<V> job) {
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("the virtual-time scheduler is shut down");
            }
            queue.add(job);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return job;
    }

    private void requeue(Job<?> job) {
        lock.lock();
        try {
            if (!shutdown && !job.isCancelled()) {
                queue.add(job);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void remove(Job<?> job) {
        lock.lock();
        try {
            queue.remove(job);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long nextSequence() {
        lock.lock();
        try {
            return sequence++;
        } finally {
            lock.unlock();
        }
    }

    private Instant dueIn(long delay, TimeUnit unit) {
        return clock.instant().plusNanos(Math.max(0, unit.toNanos(delay)));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        requireNonNull(command, unit);
        return enqueue(new Job<Void>(Executors.callable(command, null), dueIn(delay, unit), null, false));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        requireNonNull(callable, unit);
        return enqueue(new Job<>(callable, dueIn(delay, unit), null, false));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        requireNonNull(command, unit);
        return enqueue(new Job<Void>(Executors.callable(command, null), dueIn(initialDelay, unit),
                positive(period, unit), true));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                     TimeUnit unit) {
        requireNonNull(command, unit);
        return enqueue(new Job<Void>(Executors.callable(command, null), dueIn(initialDelay, unit),
                positive(delay, unit), false));
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    /** Stops at once: pending jobs never run (unlike a {@code ScheduledThreadPoolExecutor}'s default policy). */
    @Override
    public void shutdown() {
        shutdownNow();
    }

    @Override
    public List<Runnable> shutdownNow() {
        lock.lock();
        try {
            shutdown = true;
            List<Runnable> pending = new ArrayList<>(queue);
            queue.clear();
            changed.signalAll();
            return pending;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isShutdown() {
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isTerminated() {
        return isShutdown() && !driver.isAlive();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.currentThread() != driver) {
            driver.join(Math.max(1, unit.toMillis(timeout)));
        }
        return isTerminated();
    }

    private static void requireNonNull(Object task, TimeUnit unit) {
        if (task == null || unit == null) {
            throw new NullPointerException("task and unit must not be null");
        }
    }

    private static Duration positive(long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        return Duration.ofNanos(unit.toNanos(period));
    }

    /** One scheduled job; periodic jobs go back into the queue after each run. */
    private final class Job<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final long seq = nextSequence();
        private final Duration period;
        private final boolean fixedRate;
        private volatile Instant due;

        Job(Callable<V> callable, Instant due, Duration period, boolean fixedRate) {
            super(callable);
            this.due = due;
            this.period = period;
            this.fixedRate = fixedRate;
        }

        @Override
        public void run() {
            if (period == null) {
                super.run();
            } else if (runAndReset()) {
                due = fixedRate ? due.plus(period) : clock.instant().plus(period);
                requeue(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                remove(this);
            }
            return cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof Job) {
                Job<?> job = (Job<?>) other;
                int byTime = due.compareTo(job.due);
                return byTime != 0 ? byTime : Long.compare(seq, job.seq);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
