package io.github.mjsdk.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.testing.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's executor: a task submitted from a pool thread runs on that thread once it is free, so chained
 * requests do not grow the pool; a handoff its thread does not take in time goes to the pool, so nothing deadlocks.
 * Time is the manual scheduler's: the grace timer fires only when a test runs it.
 */
class HandoffExecutorTest {
    private static final long WAIT_S = 10;
    private final ManualScheduler guard = ManualScheduler.atFixtureTime();
    private final HandoffExecutor executor = new HandoffExecutor(new DaemonThreads("handoff-test"),
            Duration.ofMinutes(1), guard, Duration.ofMillis(100));

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    @Test
    void aChainOfTasksEachSubmittedByThePreviousRunsOnOneThread() throws Exception {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger left = new AtomicInteger(50);
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            ranOn.add(Thread.currentThread());
            if (left.decrementAndGet() > 0) {
                executor.execute(step[0]);
            } else {
                done.countDown();
            }
        };

        executor.execute(step[0]);

        assertThat(done.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(ranOn).hasSize(50);
        assertThat(ranOn).containsOnly(ranOn.get(0));
        assertThat(executor.threadsStarted()).isEqualTo(1);
    }

    @Test
    void aHandedOffTaskStartsOnlyAfterTheTaskThatSubmittedItReturns() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);

        executor.execute(() -> {
            executor.execute(() -> {
                order.add("handed off");
                done.countDown();
            });
            order.add("submitter returns");
        });

        assertThat(done.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("submitter returns", "handed off");
        assertThat(guard.pendingCount()).as("the grace timer is cancelled once the thread takes its task").isZero();
    }

    @Test
    void aSubmitterThatBlocksOnItsHandoffIsRescuedByTheGraceTimer() throws Exception {
        CompletableFuture<Thread> handedOff = new CompletableFuture<>();
        CompletableFuture<Thread> submitter = new CompletableFuture<>();
        CountDownLatch scheduled = new CountDownLatch(1);

        executor.execute(() -> {
            executor.execute(() -> handedOff.complete(Thread.currentThread()));
            scheduled.countDown();
            submitter.complete(Thread.currentThread());
            handedOff.join(); // blocks until another thread runs the handoff
        });

        assertThat(scheduled.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(handedOff).isNotDone();
        assertThat(guard.pendingDelays()).containsExactly(Duration.ofMillis(100));
        guard.advance(Duration.ofMillis(100));

        Thread rescuer = handedOff.get(WAIT_S, TimeUnit.SECONDS);
        assertThat(rescuer).isNotEqualTo(submitter.get());
        assertThat(executor.threadsStarted()).isEqualTo(2);
    }

    @Test
    void aTaskTheTimerMovedIsNotRunAgainByItsSubmitter() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch submitted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ranOnce = new CountDownLatch(1);
        CountDownLatch submitterDone = new CountDownLatch(1);

        executor.execute(() -> {
            executor.execute(() -> {
                runs.incrementAndGet();
                ranOnce.countDown();
            });
            submitted.countDown();
            awaitQuietly(release);
        });
        executor.execute(() -> { }); // a second thread, idle afterwards, for the rescued task
        assertThat(submitted.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        guard.advance(Duration.ofMillis(100));
        assertThat(ranOnce.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        executor.execute(submitterDone::countDown);
        release.countDown();

        assertThat(submitterDone.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        executor.shutdown();
        assertThat(executor.awaitTermination(WAIT_S, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aTaskThatThrowsStillLetsItsHandoffRun() throws Exception {
        CountDownLatch handedOff = new CountDownLatch(1);
        Thread.UncaughtExceptionHandler quiet = (thread, error) -> { };
        HandoffExecutor quietExecutor = new HandoffExecutor(task -> {
            Thread thread = new Thread(task, "handoff-test-quiet");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(quiet);
            return thread;
        }, Duration.ofMinutes(1), guard, Duration.ofMillis(100));
        try {
            quietExecutor.execute(() -> {
                quietExecutor.execute(handedOff::countDown);
                throw new IllegalStateException("the task in progress fails");
            });

            assertThat(handedOff.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        } finally {
            quietExecutor.shutdownNow();
        }
    }

    @Test
    void tasksFromOtherThreadsGoToThePoolAtOnce() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        CountDownLatch hold = new CountDownLatch(1);

        executor.execute(() -> {
            both.countDown();
            awaitQuietly(hold);
        });
        executor.execute(both::countDown);

        assertThat(both.await(WAIT_S, TimeUnit.SECONDS)).as("the second does not wait for the first").isTrue();
        assertThat(guard.pendingCount()).isZero();
        hold.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
