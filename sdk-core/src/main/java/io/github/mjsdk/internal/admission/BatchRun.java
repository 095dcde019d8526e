package io.github.mjsdk.internal.admission;

import io.github.mjsdk.admission.Batch;
import io.github.mjsdk.admission.BatchProgress;
import io.github.mjsdk.admission.BatchResult;
import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Futures;
import io.github.mjsdk.internal.util.SerialExecutor;
import io.github.mjsdk.model.Task;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A batch over the futures of its jobs. Progress is worked out from the futures and the admission queue whenever a
 * job ends or the queue changes, and handed to listeners one at a time on the callback executor; the last progress
 * (complete) is followed by the result.
 */
final class BatchRun implements Batch {
    private final List<CompletableFuture<Task>> futures;
    private final Predicate<CompletableFuture<Task>> inQueue;
    private final Admission admission;
    private final Executor delivery;
    private final List<Consumer<BatchProgress>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<BatchResult> done = new CompletableFuture<>();
    private final Runnable onChange = this::changed;
    /** Guarded by this: the last progress handed out. */
    private BatchProgress last;

    BatchRun(List<CompletableFuture<Task>> futures, Predicate<CompletableFuture<Task>> inQueue, Admission admission,
             Executor callbacks) {
        this.futures = List.copyOf(futures);
        this.inQueue = inQueue;
        this.admission = admission;
        this.delivery = new SerialExecutor(callbacks);
    }

    /** Starts listening; called once, right after construction. */
    BatchRun start() {
        admission.addListener(onChange);
        futures.forEach(future -> future.whenComplete((value, error) -> changed()));
        changed();
        return this;
    }

    @Override
    public List<CompletableFuture<Task>> futures() {
        return futures;
    }

    @Override
    public CompletableFuture<BatchResult> whenDone() {
        return done;
    }

    @Override
    public BatchProgress progress() {
        int succeeded = 0;
        int failed = 0;
        int queued = 0;
        for (CompletableFuture<Task> future : futures) {
            if (future.isCompletedExceptionally()) {
                failed++;
            } else if (future.isDone()) {
                succeeded++;
            } else if (inQueue.test(future)) {
                queued++;
            }
        }
        int total = futures.size();
        return new BatchProgress(succeeded, failed, total - succeeded - failed - queued, queued, total);
    }

    @Override
    public Batch onProgress(Consumer<BatchProgress> listener) {
        Args.notNull(listener, "listener");
        synchronized (this) {
            listeners.add(listener);
            BatchProgress now = last;
            delivery.execute(() -> tell(listener, now));
        }
        return this;
    }

    @Override
    public void cancel() {
        // the queued jobs first: a running job's cancel gives its slot back, which must not send a queued one
        futures.stream().filter(inQueue).forEach(future -> future.cancel(false));
        futures.forEach(future -> future.cancel(false));
    }

    private void changed() {
        synchronized (this) {
            BatchProgress now = progress();
            if (now.equals(last)) {
                return;
            }
            last = now;
            delivery.execute(() -> listeners.forEach(listener -> tell(listener, now)));
            if (now.complete()) {
                admission.removeListener(onChange);
                delivery.execute(() -> done.complete(result()));
            }
        }
    }

    private static void tell(Consumer<BatchProgress> listener, BatchProgress progress) {
        try {
            listener.accept(progress);
        } catch (RuntimeException ignored) {
            // a listener's failure is its own (Batch#onProgress)
        }
    }

    private BatchResult result() {
        SortedMap<Integer, Task> succeeded = new TreeMap<>();
        SortedMap<Integer, Throwable> failed = new TreeMap<>();
        for (int i = 0; i < futures.size(); i++) {
            int index = i;
            futures.get(i).handle((task, error) -> error == null ? succeeded.put(index, task)
                    : failed.put(index, Futures.unwrap(error)));
        }
        return new BatchResult(succeeded, failed, futures.size());
    }
}
