package io.github.mjsdk.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** SerialExecutor: one at a time, in submission order, on a shared executor. */
class SerialExecutorTest {

    @Test
    void runsTasksInSubmissionOrderWithOneDelegateTaskAtATime() {
        List<Runnable> delegate = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(delegate::add);
        List<Integer> ran = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            int n = i;
            serial.execute(() -> ran.add(n));
        }

        assertThat(delegate).hasSize(1);
        assertThat(ran).isEmpty();
        delegate.remove(0).run();
        assertThat(ran).containsExactly(0, 1, 2, 3, 4);

        serial.execute(() -> ran.add(5));
        assertThat(delegate).hasSize(1);
        delegate.remove(0).run();
        assertThat(ran).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aRejectingDelegateMeansTheTasksRunOnTheCallingThread() {
        SerialExecutor serial = new SerialExecutor(task -> {
            throw new RejectedExecutionException("shut down");
        });
        List<String> ran = new ArrayList<>();

        serial.execute(() -> ran.add(Thread.currentThread().getName()));

        assertThat(ran).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aThrowingTaskDoesNotStallTheTasksQueuedBehindIt() {
        List<Runnable> delegate = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(delegate::add);
        List<String> ran = new ArrayList<>();
        serial.execute(() -> ran.add("first"));
        serial.execute(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(() -> ran.add("third"));

        assertThatThrownBy(() -> delegate.remove(0).run()).isInstanceOf(IllegalStateException.class);
        while (!delegate.isEmpty()) {
            delegate.remove(0).run();
        }
        serial.execute(() -> ran.add("fourth"));
        while (!delegate.isEmpty()) {
            delegate.remove(0).run();
        }

        assertThat(ran).containsExactly("first", "third", "fourth");
    }

    @Test
    void neverRunsTwoTasksAtOnceOnAPoolAndKeepsTheirOrder() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            List<Integer> order = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(2000);
            for (int i = 0; i < 2000; i++) {
                int n = i;
                serial.execute(() -> {
                    if (running.incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    order.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps).hasValue(0);
            assertThat(order).hasSize(2000).isSorted();
        } finally {
            pool.shutdownNow();
        }
    }
}
