package io.github.mjsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A MockWebServer on loopback, a {@link ManualScheduler} and a client wired to both (retries off unless a test turns
 * them on). Closes everything after each test.
 */
public abstract class MockServerTest {
    /** A canary API key: it must never show up in a message, an excerpt or a toString(). */
    public static final String API_KEY = "sk-canary-3f9d2c71e8b54a06";

    protected MockWebServer server;
    protected ManualScheduler scheduler;
    protected MidjourneyClient client;
    /** The OkHttp client the SDK derives its own from; its dispatcher tells when no HTTP call is in flight. */
    protected OkHttpClient http;
    /** How many HTTP calls were cancelled ({@code Call.cancel()}) since the test started. */
    protected final AtomicInteger cancelledCalls = new AtomicInteger();
    /** How many HTTP calls (attempts) were started since the test started. */
    protected final AtomicInteger startedCalls = new AtomicInteger();
    private ExecutorService httpThreads;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.setServerSocketFactory(NoDelaySockets.server());
        server.start();
        scheduler = ManualScheduler.atFixtureTime();
        httpThreads = Executors.newCachedThreadPool();
        Dispatcher dispatcher = new Dispatcher(httpThreads);
        dispatcher.setIdleCallback(scheduler::wakeUp);
        http = new OkHttpClient.Builder().dispatcher(dispatcher).socketFactory(NoDelaySockets.client()).eventListener(new EventListener() {
            @Override
            public void callStart(Call call) {
                startedCalls.incrementAndGet();
            }

            @Override
            public void canceled(Call call) {
                cancelledCalls.incrementAndGet();
            }
        }).build();
        client = newClient(UnaryOperator.identity());
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
        httpThreads.shutdownNow();
        http.connectionPool().evictAll();
    }

    /**
     * A builder for the server with the canary key, the manual scheduler and clock, the test's OkHttp client, no
     * retries, and futures completed on the completing thread (so a future is done by the time its HTTP call has
     * finished, and virtual time never moves past a completion still on its way to the caller).
     */
    protected MidjourneyClientBuilder builder() {
        return MidjourneyClient.builder()
                .baseUrl(server.url("/").toString())
                .apiKey(API_KEY)
                .scheduler(scheduler)
                .clock(scheduler.clock())
                .okHttpClient(http)
                .callbackExecutor(Runnable::run)
                .maxRetries(0);
    }

    /** True when no HTTP call of the test's OkHttp dispatcher is running or queued. */
    protected boolean ioIdle() {
        return http.dispatcher().runningCallsCount() == 0 && http.dispatcher().queuedCallsCount() == 0;
    }

    /** Waits (real time, bounded) until no HTTP call is in flight. */
    protected void awaitIdle() {
        scheduler.awaitIdle(this::ioIdle);
    }

    /** Runs virtual time until {@code future} is done, never ahead of the HTTP in flight. */
    protected void drive(Future<?> future) {
        scheduler.drive(future, this::ioIdle);
    }

    /** Replaces {@link #client} (closing the old one) with one built from {@link #builder()} plus changes. */
    protected MidjourneyClient newClient(UnaryOperator<MidjourneyClientBuilder> changes) {
        if (client != null) {
            client.close();
        }
        client = changes.apply(builder()).build();
        return client;
    }

    protected void enqueue(MockResponse... responses) {
        for (MockResponse response : responses) {
            server.enqueue(response);
        }
    }

    /** The next request the server received, waiting for it at most 10 s of real time. */
    protected RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
            assertThat(request).as("a request reached the server").isNotNull();
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
