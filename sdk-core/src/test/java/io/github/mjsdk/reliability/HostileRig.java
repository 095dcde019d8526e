package io.github.mjsdk.reliability;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.testing.ManualScheduler;
import io.github.mjsdk.testing.RawServer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * A {@link RawServer}, a {@link ManualScheduler} on virtual time and an OkHttp client of the test's own, so that
 * what is left in flight (calls, connections, timers) can be counted when a test ends.
 */
final class HostileRig implements AutoCloseable {
    static final String API_KEY = "sk-hostile-canary-7d41c9a2e0b3";

    final RawServer server;
    final ManualScheduler scheduler = ManualScheduler.atFixtureTime();
    final ThreadPoolExecutor httpThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>());
    final OkHttpClient http;

    HostileRig(RawServer.Behaviour behaviour) throws IOException {
        this(behaviour, 64);
    }

    HostileRig(RawServer.Behaviour behaviour, int maxRequests) throws IOException {
        server = new RawServer(behaviour);
        Dispatcher dispatcher = new Dispatcher(httpThreads);
        dispatcher.setMaxRequests(maxRequests);
        dispatcher.setIdleCallback(scheduler::wakeUp);
        http = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    }

    MidjourneyClientBuilder builder() {
        return MidjourneyClient.builder().baseUrl(server.url()).apiKey(API_KEY).scheduler(scheduler)
                .clock(scheduler.clock()).okHttpClient(http).callbackExecutor(Runnable::run);
    }

    boolean ioIdle() {
        return http.dispatcher().runningCallsCount() == 0 && http.dispatcher().queuedCallsCount() == 0;
    }

    /** Waits (real time, bounded) until no call runs or waits in the dispatcher. */
    void settle() {
        scheduler.awaitIdle(this::ioIdle);
    }

    /** Moves virtual time forward, letting the HTTP each step starts finish before the next. */
    void advance(Duration total, Duration step) {
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
            scheduler.advance(step);
            settle();
        }
    }

    /** Waits (real time, at most 10 s) until {@code condition} holds. */
    static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    /** Connections the pool still holds after evicting idle ones: a leak. */
    int heldConnections() {
        http.connectionPool().evictAll();
        return http.connectionPool().connectionCount();
    }

    @Override
    public void close() throws IOException {
        server.close();
        httpThreads.shutdownNow();
        http.connectionPool().evictAll();
    }
}
