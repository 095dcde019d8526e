package io.github.mjsdk;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.provider.AuthScheme;
import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.text;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.testing.MockServerTest;
import io.github.mjsdk.testing.NoDelaySockets;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The transport under the client: retries (queries on transient errors; submits only when provably not sent, or on
 * 429/503), the response size cap, cancellation, closing, and where the credential goes.
 */
class TransportTest extends MockServerTest {

    @Test
    void aQueryIsRetriedOn503ThenSucceeds() {
        newClient(b -> b.maxRetries(2));
        enqueue(new MockResponse.Builder().code(503).body("upstream connect error").build(),
                ok("task/imagine-success.json"));

        CompletableFuture<Task> fetch = client.fetchTaskAsync(GRID_ID);
        awaitIdle();
        assertThat(scheduler.pendingDelays()).singleElement()
                .satisfies(delay -> assertThat(delay).isLessThanOrEqualTo(Duration.ofMillis(500)));
        drive(fetch);

        assertThat(valueOf(fetch).id()).isEqualTo(GRID_ID);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(take().getUrl().encodedPath()).isEqualTo(take().getUrl().encodedPath());
    }

    @Test
    void aQueryGivesUpAfterMaxRetries() {
        newClient(b -> b.maxRetries(2));
        for (int i = 0; i < 3; i++) {
            enqueue(new MockResponse.Builder().code(502).body("Bad gateway").build());
        }

        CompletableFuture<Task> fetch = client.fetchTaskAsync(GRID_ID);
        drive(fetch);

        assertThat(failureOf(fetch)).isInstanceOf(ServerException.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aQueryIsRetriedAfterAReset() {
        newClient(b -> b.maxRetries(1));
        enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
                ok("task/imagine-success.json"));

        CompletableFuture<Task> fetch = client.fetchTaskAsync(GRID_ID);
        drive(fetch);

        assertThat(valueOf(fetch).id()).isEqualTo(GRID_ID);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aSubmitIsNotRetriedAfterAResetOnceSent() {
        newClient(b -> b.maxRetries(2));
        enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
                ok("submit/accepted.json"));

        CompletableFuture<SubmitResult> submit = client.submitImagine(ImagineRequest.of(PROMPT));

        Throwable failure = failureOf(submit);
        assertThat(failure).isInstanceOf(TransportException.class)
                .hasMessageContaining("POST /mj/submit/imagine")
                .hasMessageContaining("may have reached the server");
        assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isTrue();
        awaitIdle();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(scheduler.pendingCount()).as("no retry scheduled").isZero();
    }

    @Test
    void aSubmitIsRetriedAfter429AsRetryAfterSays() {
        newClient(b -> b.maxRetries(2));
        enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build(),
                ok("submit/accepted.json"));

        CompletableFuture<SubmitResult> submit = client.submitImagine(ImagineRequest.of(PROMPT).withState("order-42"));
        awaitIdle();
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(1));
        drive(submit);

        assertThat(valueOf(submit).taskId()).isEqualTo(GRID_ID);
        RecordedRequest first = take();
        RecordedRequest second = take();
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getUrl().encodedPath()).isEqualTo("/mj/submit/imagine");
    }

    @Test
    void aSubmitIsNotRetriedOnA500() {
        newClient(b -> b.maxRetries(2));
        enqueue(new MockResponse.Builder().code(500).body("Internal Server Error").build(),
                ok("submit/accepted.json"));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(ServerException.class);
        awaitIdle();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSubmitThatCannotConnectIsRetriedAndSaysItWasNotProcessed() throws IOException {
        MockWebServer gone = new MockWebServer();
        gone.start();
        String deadUrl = gone.url("/").toString();
        gone.close();
        newClient(b -> b.baseUrl(deadUrl).maxRetries(1));

        CompletableFuture<SubmitResult> submit = client.submitImagine(ImagineRequest.of(PROMPT));
        drive(submit);

        Throwable failure = failureOf(submit);
        assertThat(failure).isInstanceOf(TransportException.class).hasMessageNotContaining("may have reached");
        assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isFalse();
        assertThat(startedCalls).as("the first attempt and one retry").hasValue(2);
    }

    @Test
    void aBodyOverTheCapIsAProtocolError() {
        newClient(b -> b.maxResponseBytes(1024));
        String big = text("task/imagine-success.json");
        assertThat(big.length()).isGreaterThan(1024);
        enqueue(ok("task/imagine-success.json"),
                new MockResponse.Builder().code(200).chunkedBody(big, 256).build());

        Throwable declared = failureOf(client.fetchTaskAsync(GRID_ID));
        Throwable chunked = failureOf(client.fetchTaskAsync(GRID_ID));

        for (Throwable failure : List.of(declared, chunked)) {
            assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("1024-byte cap");
            assertThat(((ProtocolException) failure).httpStatus()).isEqualTo(200);
        }
        assertThat(declared).hasMessageContaining("Content-Length");
    }

    @Test
    void aBodyUnderTheCapIsRead() {
        newClient(b -> b.maxResponseBytes(64 * 1024));
        enqueue(new MockResponse.Builder().code(200).chunkedBody(text("task/imagine-success.json"), 100).build());

        assertThat(client.fetchTask(GRID_ID).buttons()).hasSize(9);
    }

    @Test
    void cancellingAUserFutureCancelsItsHttpCall() {
        enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        CompletableFuture<Task> fetch = client.fetchTaskAsync(GRID_ID);
        take();
        assertThat(fetch.cancel(true)).isTrue();
        awaitIdle();

        assertThat(cancelledCalls).hasValue(1);
        assertThat(fetch).isCancelled();
    }

    @Test
    void cancellingAWaitingCallDuringItsSubmitCancelsTheSubmit() {
        enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        CompletableFuture<Task> grid = client.imagine(PROMPT, Speed.TURBO);
        take();
        grid.cancel(false);
        awaitIdle();

        assertThat(cancelledCalls).hasValue(1);
        assertThat(client.poller().pendingWaits()).isZero();
        assertThat(scheduler.pendingCount()).isZero();
    }

    @Test
    void closeFailsOutstandingFuturesAndLeavesAnInjectedOkHttpClientWorking() throws IOException {
        enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build(),
                new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        CompletableFuture<Task> fetch = client.fetchTaskAsync(GRID_ID);
        CompletableFuture<SubmitResult> submit = client.submitImagine(ImagineRequest.of(PROMPT));
        take();
        take();

        client.close();
        client.close();

        assertThat(failureOf(fetch)).isInstanceOf(io.github.mjsdk.error.ClientClosedException.class)
                .hasMessageContaining("closed");
        assertThat(failureOf(submit)).isInstanceOf(io.github.mjsdk.error.ClientClosedException.class);
        awaitIdle();
        assertThat(cancelledCalls).hasValue(2);
        assertThat(http.dispatcher().executorService().isShutdown()).isFalse();
        assertThat(scheduler.isShutdown()).as("an injected scheduler is left alone").isFalse();
        enqueue(ok("task/imagine-success.json"));
        try (Response response = http.newCall(new Request.Builder().url(server.url("/ping")).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThatThrownBy(() -> client.fetchTaskAsync(GRID_ID)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.poller().await(GRID_ID)).isInstanceOf(IllegalStateException.class);
        assertThat(client.toString()).contains("closed");
    }

    @Test
    void futuresCompleteOnTheCallbackExecutorNotOnAnIoThread() throws InterruptedException {
        ExecutorService callbacks = Executors.newSingleThreadExecutor(task -> new Thread(task, "test-callbacks"));
        AtomicInteger handed = new AtomicInteger();
        CountDownLatch answer = new CountDownLatch(1);
        try {
            newClient(b -> b.callbackExecutor(task -> {
                handed.incrementAndGet();
                callbacks.execute(task);
            }));
            server.setDispatcher(new mockwebserver3.Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    answer.await(10, TimeUnit.SECONDS);
                    return ok("task/imagine-success.json");
                }
            });
            CompletableFuture<String> thread = new CompletableFuture<>();

            client.fetchTaskAsync(GRID_ID).whenComplete((task, error) ->
                    thread.complete(Thread.currentThread().getName()));
            answer.countDown();

            assertThat(valueOf(thread)).isEqualTo("test-callbacks");
            assertThat(handed).hasValue(1);
        } finally {
            answer.countDown();
            callbacks.shutdown();
        }
    }

    @Test
    void aClientOfItsOwnClosesCleanly() {
        MidjourneyClient own = MidjourneyClient.builder().baseUrl(server.url("/").toString()).apiKey(API_KEY)
                .build();
        enqueue(ok("task/imagine-success.json"));

        assertThat(own.fetchTask(GRID_ID).id()).isEqualTo(GRID_ID);
        own.close();

        assertThatThrownBy(() -> own.fetchTask(GRID_ID)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(AuthScheme.class)
    void aRedirectToAnotherHostIsNotFollowedSoNeitherCredentialNorQueryGoesThere(AuthScheme scheme)
            throws IOException {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.setServerSocketFactory(NoDelaySockets.server());
            elsewhere.start();
            newClient(b -> b.authScheme(scheme));
            enqueue(new MockResponse.Builder().code(302)
                    .setHeader("Location", elsewhere.url("/mj/task/" + GRID_ID + "/fetch")).build());

            assertThatThrownBy(() -> client.fetchTask(GRID_ID)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("HTTP 302").hasMessageContaining("not followed");

            RecordedRequest atBase = take();
            assertThat(atBase.getHeaders().get("Authorization") != null
                    || atBase.getHeaders().get("mj-api-secret") != null).isTrue();
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }

    @Test
    void aRedirectWithinTheBaseHostKeepsTheCredential() {
        enqueue(new MockResponse.Builder().code(301).setHeader("Location", "/v2/mj/task/" + GRID_ID + "/fetch").build(),
                ok("task/imagine-success.json"));

        client.fetchTask(GRID_ID);

        take();
        RecordedRequest moved = take();
        assertThat(moved.getUrl().encodedPath()).isEqualTo("/v2/mj/task/" + GRID_ID + "/fetch");
        assertThat(moved.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
    }
}
