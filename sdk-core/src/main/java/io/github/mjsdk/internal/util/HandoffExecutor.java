package io.github.mjsdk.internal.util;

import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cached thread pool that hands a task submitted from one of its own threads to that same thread, to run as soon
 * as the task in progress there returns, instead of starting another thread for it.
 *
 * <p>This is the executor behind the client's OkHttp dispatcher. The poller starts its next request from the
 * callback of the one that just answered, on a dispatcher thread that is about to become idle; a plain cached pool
 * finds no idle thread at that instant and starts a new one, so the pool grows past the number of requests that are
 * really in flight. Here the next request waits the few microseconds until its submitting thread is free.
 *
 * <p>Nothing can wait forever on a handoff: if the submitting thread has not taken its handed-off task within
 * {@code grace} (because the task in progress blocks, for example on a future that the handed-off task would
 * complete), a timer on {@code guard} moves it to the pool, which runs it on an idle thread or a new one. Each task
 * runs exactly once. Only the first task submitted during one task is handed off; the others go to the pool.
 * Tasks submitted from any other thread go to the pool at once.
 */
public final class HandoffExecutor extends AbstractExecutorService {
    /** The frame of the task that a pool thread is running; null on threads of no pool. */
    private static final ThreadLocal<Frame> FRAME = new ThreadLocal<>();

    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService guard;
    private final long graceMillis;

    /**
     * A pool without a core: threads start as needed and end after {@code keepAlive} idle.
     *
     * @param threads   makes the pool's threads
     * @param keepAlive how long an idle thread stays
     * @param guard     runs the timers that move a handoff the submitting thread has not taken to the pool
     * @param grace     how long a handoff waits for its submitting thread
     */
    public HandoffExecutor(ThreadFactory threads, Duration keepAlive, ScheduledExecutorService guard, Duration grace) {
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, keepAlive.toMillis(), TimeUnit.MILLISECONDS,
                new SynchronousQueue<>(), threads);
        this.guard = guard;
        this.graceMillis = grace.toMillis();
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        Frame frame = FRAME.get();
        if (frame != null && frame.owner == this && frame.next == null && !pool.isShutdown()) {
            Handoff handoff = new Handoff(task);
            frame.next = handoff;
            try {
                handoff.timer = guard.schedule(handoff::rescue, graceMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException guardClosed) {
                // no timer: the submitting thread runs it when its task returns
            }
            return;
        }
        pool.execute(new Worker(task));
    }

    /** Threads of the pool, idle or busy; for tests and metrics. */
    public int poolSize() {
        return pool.getPoolSize();
    }

    /** Threads the pool has started so far; for tests and metrics. */
    public long threadsStarted() {
        return pool.getLargestPoolSize();
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }

    /** Per pool thread: which executor's task it is running, and the task handed to it meanwhile. */
    private static final class Frame {
        HandoffExecutor owner;
        Handoff next;
    }

    /** A task handed to a busy pool thread: run by that thread when free, or moved to the pool by the timer. */
    private final class Handoff {
        private final Runnable task;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile Future<?> timer;

        Handoff(Runnable task) {
            this.task = task;
        }

        /** Takes the task for the submitting thread; false if the timer took it first. */
        boolean claim() {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            Future<?> pending = timer;
            if (pending != null) {
                pending.cancel(false);
            }
            return true;
        }

        /** The submitting thread is still busy after the grace period: the pool runs the task. */
        void rescue() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                pool.execute(new Worker(task));
            } catch (RejectedExecutionException closed) {
                task.run();
            }
        }
    }

    /** Runs a task, then each task handed to this thread while it ran. */
    private final class Worker implements Runnable {
        private final Runnable task;

        Worker(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            Frame frame = FRAME.get();
            if (frame == null) {
                frame = new Frame();
                FRAME.set(frame);
            }
            HandoffExecutor outer = frame.owner;
            Handoff outerNext = frame.next;
            frame.owner = HandoffExecutor.this;
            frame.next = null;
            Throwable failure = null;
            try {
                Runnable current = task;
                while (current != null) {
                    try {
                        current.run();
                    } catch (Throwable e) {
                        if (failure == null) {
                            failure = e;
                        } else if (failure != e) {
                            failure.addSuppressed(e);
                        }
                    }
                    Handoff next = frame.next;
                    frame.next = null;
                    current = next != null && next.claim() ? next.task : null;
                }
            } finally {
                frame.owner = outer;
                frame.next = outerNext;
            }
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            if (failure != null) {
                throw new UndeclaredThrowableException(failure);
            }
        }
    }
}
