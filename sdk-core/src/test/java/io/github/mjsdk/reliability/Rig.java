package io.github.mjsdk.reliability;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.testing.ManualScheduler;
import io.github.mjsdk.testing.NoDelaySockets;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * One loopback MockWebServer, a {@link ManualScheduler} on virtual time, and an OkHttp client of the test's own whose
 * dispatcher threads are named {@code OkHttp rig-N}, so that leaks can be counted. Counts the HTTP attempts the SDK
 * starts. Close it after each test.
 */
final class Rig implements AutoCloseable {
    /** The API key of every rig client: a canary that must never show in a message. */
    static final String API_KEY = "sk-rig-canary-51c0e2f9d8a74b63";

    final MockWebServer server = new MockWebServer();
    final ManualScheduler scheduler = ManualScheduler.atFixtureTime();
    final AtomicInteger attempts = new AtomicInteger();
    private final List<Thread> started = new CopyOnWriteArrayList<>();
    final ThreadPoolExecutor httpThreads;
    final OkHttpClient http;

    Rig() throws IOException {
        server.setServerSocketFactory(NoDelaySockets.server());
        server.start();
        httpThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "OkHttp rig-" + (started.size() + 1));
                    thread.setDaemon(true);
                    started.add(thread);
                    return thread;
                });
        Dispatcher dispatcher = new Dispatcher(httpThreads);
        dispatcher.setIdleCallback(scheduler::wakeUp);
        http = new OkHttpClient.Builder().dispatcher(dispatcher).socketFactory(NoDelaySockets.client())
                .eventListener(new EventListener() {
                    @Override
                    public void callStart(Call call) {
                        attempts.incrementAndGet();
                    }
                }).build();
    }

    /** A client builder for the server: the canary key, the manual scheduler and clock, the rig's OkHttp client. */
    MidjourneyClientBuilder builder() {
        return MidjourneyClient.builder()
                .baseUrl(server.url("/").toString())
                .apiKey(API_KEY)
                .scheduler(scheduler)
                .clock(scheduler.clock())
                .okHttpClient(http)
                .callbackExecutor(Runnable::run);
    }

    void enqueue(MockResponse... responses) {
        for (MockResponse response : responses) {
            server.enqueue(response);
        }
    }

    boolean ioIdle() {
        return http.dispatcher().runningCallsCount() == 0 && http.dispatcher().queuedCallsCount() == 0;
    }

    /** Runs virtual time until {@code future} is done, never ahead of the HTTP in flight. */
    void drive(Future<?> future) {
        scheduler.drive(future, this::ioIdle);
    }

    /** Connections still held after idle ones are evicted: a connection a call never released. */
    int heldConnections() {
        http.connectionPool().evictAll();
        return http.connectionPool().connectionCount();
    }

    /**
     * Shuts the rig's HTTP threads down and waits for them to end (real time, bounded): a call stuck on a socket
     * would keep its thread, and the wait would fail.
     *
     * @return true when every HTTP thread ended within 10 s
     */
    boolean stopHttpThreads() throws InterruptedException {
        httpThreads.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread thread : started) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return started.stream().noneMatch(Thread::isAlive);
    }

    @Override
    public void close() {
        server.close();
        httpThreads.shutdownNow();
        http.connectionPool().evictAll();
    }

    /** Live threads named {@code mjsdk-…} (the SDK's own) or {@code OkHttp rig…} (this rig's HTTP threads). */
    static long ourThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("mjsdk-") || name.startsWith("OkHttp rig"))
                .count();
    }
}
