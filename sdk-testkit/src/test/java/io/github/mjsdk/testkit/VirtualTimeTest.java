package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
    private final VirtualTime time = VirtualTime.create();
    private final ScheduledExecutorService scheduler = time.scheduler();

    @AfterEach
    void close() {
        time.close();
    }

    @Test
    void timersRunInDueOrderWithTheClockJumpingToEach() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        onSchedulerThread(() -> {
            scheduler.schedule(() -> ran.add("b@" + time.clock().instant()), 5, TimeUnit.MINUTES);
            scheduler.schedule(() -> ran.add("a@" + time.clock().instant()), 3, TimeUnit.SECONDS);
            scheduler.schedule(() -> done.complete(null), 1, TimeUnit.HOURS);
        });

        done.get(10, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("a@2026-01-01T00:00:03Z", "b@2026-01-01T00:05:00Z");
        assertThat(time.clock().instant()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
    }

    @Test
    void aCancelledTimerNeitherRunsNorPullsTimeForward() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Instant> later = new CompletableFuture<>();
        CompletableFuture<ScheduledFuture<?>> cancelled = new CompletableFuture<>();
        onSchedulerThread(() -> {
            ScheduledFuture<?> soon = scheduler.schedule(() -> ran.add("cancelled"), 1, TimeUnit.HOURS);
            scheduler.schedule(() -> later.complete(time.clock().instant()), 2, TimeUnit.DAYS);
            soon.cancel(false);
            cancelled.complete(soon);
        });

        assertThat(later.get(10, TimeUnit.SECONDS)).isEqualTo(SimulatedClock.DEFAULT_START.plus(Duration.ofDays(2)));
        assertThat(cancelled.get(10, TimeUnit.SECONDS).isCancelled()).isTrue();
        assertThat(ran).isEmpty();
    }

    @Test
    void periodicTimersRepeatAtTheirRate() throws Exception {
        List<Instant> ticks = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        ScheduledFuture<?> ticker = scheduler.scheduleAtFixedRate(() -> {
            ticks.add(time.clock().instant());
            three.countDown();
        }, 10, 10, TimeUnit.SECONDS);

        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        ticker.cancel(false);

        assertThat(List.copyOf(ticks).subList(0, 3)).containsExactly(SimulatedClock.DEFAULT_START.plusSeconds(10),
                SimulatedClock.DEFAULT_START.plusSeconds(20), SimulatedClock.DEFAULT_START.plusSeconds(30));
    }

    @Test
    void timeHoldsStillWhileAnHttpCallIsInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    arrived.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return new MockResponse.Builder().code(200).body("ok").build();
                }
            });
            server.start();
            CompletableFuture<Instant> answeredAt = new CompletableFuture<>();
            time.okHttpClient().newCall(new Request.Builder().url(server.url("/")).build()).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    answeredAt.completeExceptionally(e);
                }

                @Override
                public void onResponse(Call call, Response response) {
                    response.close();
                    answeredAt.complete(time.clock().instant());
                }
            });
            CompletableFuture<Instant> timer = new CompletableFuture<>();
            scheduler.schedule(() -> timer.complete(time.clock().instant()), 1, TimeUnit.MINUTES);

            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(time.httpIdle()).isFalse();
            assertThat(timer).isNotDone();
            assertThat(time.clock().instant()).isEqualTo(SimulatedClock.DEFAULT_START);
            release.countDown();

            assertThat(answeredAt.get(10, TimeUnit.SECONDS)).isEqualTo(SimulatedClock.DEFAULT_START);
            assertThat(timer.get(10, TimeUnit.SECONDS)).isEqualTo(SimulatedClock.DEFAULT_START.plusSeconds(60));
        }
    }

    /**
     * Schedules from the scheduler's own thread: time cannot move between the calls (from another thread, an idle
     * scheduler may jump to the first timer before the next one is added).
     */
    private void onSchedulerThread(Runnable setup) throws Exception {
        scheduler.submit(setup).get(10, TimeUnit.SECONDS);
    }

    @Test
    void closingStopsTheScheduler() {
        time.close();

        assertThat(scheduler.isShutdown()).isTrue();
        assertThatThrownBy(() -> scheduler.schedule(() -> { }, 1, TimeUnit.SECONDS))
                .isInstanceOf(RejectedExecutionException.class);
    }
}
