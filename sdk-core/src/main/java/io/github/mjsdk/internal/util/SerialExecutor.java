package io.github.mjsdk.internal.util;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on a shared executor (per-wait ordering of listener calls). A task
 * that throws does not stall the ones behind it. Thread-safe.
 */
public final class SerialExecutor implements Executor {
    private final Executor delegate;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        start();
    }

    private void start() {
        try {
            delegate.execute(this::drain);
        } catch (RejectedExecutionException closed) {
            drain();
        }
    }

    /** Runs queued tasks until none is left; a task that throws hands the rest to a new drain, then propagates. */
    private void drain() {
        boolean finished = false;
        try {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        running = false;
                        finished = true;
                        return;
                    }
                }
                next.run();
            }
        } finally {
            if (!finished) {
                start();
            }
        }
    }
}
