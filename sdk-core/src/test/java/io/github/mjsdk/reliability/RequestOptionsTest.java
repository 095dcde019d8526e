package io.github.mjsdk.reliability;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.RequestOptions;
import io.github.mjsdk.error.ServiceUnavailableException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.testing.NoDelaySockets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-call options through {@code client.withOptions(..)} and client-wide ones through the builder. */
class RequestOptionsTest {
    private static final String TRACE_TOKEN = "trace-secret-7d1f2a9b";
    private Rig rig;
    private MidjourneyClient client;

    @BeforeEach
    void start() throws Exception {
        rig = new Rig();
        client = rig.builder().maxRetries(2).build();
    }

    @AfterEach
    void stop() {
        client.close();
        rig.close();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = rig.server.takeRequest(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }

    @Test
    void aViewWithoutRetriesFailsAtOnceWhileTheClientStillRetries() {
        rig.enqueue(new MockResponse.Builder().code(503).build(), new MockResponse.Builder().code(503).build(),
                ok("task/imagine-success.json"));

        CompletableFuture<Task> once = client.withOptions(RequestOptions.builder().maxRetries(0).build())
                .fetchTaskAsync(GRID_ID);
        rig.drive(once);
        assertThat(failureOf(once)).isInstanceOf(ServiceUnavailableException.class);
        assertThat(rig.attempts).hasValue(1);

        CompletableFuture<Task> retried = client.fetchTaskAsync(GRID_ID);
        rig.drive(retried);
        assertThat(valueOf(retried).id()).isEqualTo(GRID_ID);
        assertThat(rig.attempts).hasValue(3);
    }

    @Test
    void extraHeadersGoOnEveryRequestOfTheViewAndStack() throws Exception {
        client.close();
        client = rig.builder().requestOptions(RequestOptions.builder().header("X-Tenant", "acme")
                .header("X-Trace-Id", "client").build()).build();
        rig.enqueue(ok("submit/accepted.json"), ok("task/imagine-success.json"));
        MidjourneyClient view = client.withOptions(RequestOptions.builder().header("x-trace-id", TRACE_TOKEN).build())
                .withOptions(RequestOptions.builder().header("X-Span", "7").build());

        valueOf(view.submitImagine(ImagineRequest.of(PROMPT)));
        valueOf(client.fetchTaskAsync(GRID_ID));

        RecordedRequest submit = take();
        assertThat(submit.getHeaders().get("X-Tenant")).isEqualTo("acme");
        assertThat(submit.getHeaders().values("X-Trace-Id")).containsExactly(TRACE_TOKEN);
        assertThat(submit.getHeaders().get("X-Span")).isEqualTo("7");
        assertThat(submit.getHeaders().get("Authorization")).isEqualTo("Bearer " + Rig.API_KEY);
        assertThat(submit.getHeaders().get("Content-Type")).startsWith("application/json");
        RecordedRequest fetch = take();
        assertThat(fetch.getHeaders().get("X-Trace-Id")).isEqualTo("client");
        assertThat(fetch.getHeaders().get("X-Span")).isNull();
        assertThat(view.toString()).contains("X-Span", "x-trace-id").doesNotContain(TRACE_TOKEN, Rig.API_KEY);
    }

    @Test
    void extraHeadersNeverReachAnotherHostARedirectNames() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.setServerSocketFactory(NoDelaySockets.server());
            elsewhere.start();
            rig.enqueue(new MockResponse.Builder().code(302)
                    .setHeader("Location", elsewhere.url("/mj/task/" + GRID_ID + "/fetch")).build());

            Throwable failure = failureOf(client.withOptions(RequestOptions.builder()
                    .header("X-Gateway-Token", TRACE_TOKEN).build()).fetchTaskAsync(GRID_ID));

            assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("not followed");
            assertThat(take().getHeaders().get("X-Gateway-Token")).isEqualTo(TRACE_TOKEN);
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }

    @Test
    void headersThatCarryTheCredentialOrFrameTheBodyCannotBeSet() {
        for (String name : new String[]{"Authorization", "authorization", "mj-api-secret", "MJ-API-SECRET",
                "Proxy-Authorization", "Content-Type", "Content-Length", "Transfer-Encoding", "Host", "Connection"}) {
            assertThatThrownBy(() -> RequestOptions.builder().header(name, "x"))
                    .as(name).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
        }
    }

    @Test
    void optionsAreValuesThatShowNoHeaderValue() {
        RequestOptions options = RequestOptions.builder().timeout(Duration.ofSeconds(5)).maxRetries(1)
                .header("X-Api-Token", TRACE_TOKEN).build();

        assertThat(options).isEqualTo(options.toBuilder().build()).hasSameHashCodeAs(options.toBuilder().build());
        assertThat(options.toString()).isEqualTo("RequestOptions[timeout=PT5S, maxRetries=1, headers=[X-Api-Token]]");
        assertThat(RequestOptions.none().toString())
                .isEqualTo("RequestOptions[timeout=inherited, maxRetries=inherited, headers=[]]");
        assertThat(options.headers()).containsEntry("X-Api-Token", TRACE_TOKEN);
        assertThatThrownBy(() -> options.headers().put("X-Other", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aViewSharesTheClientsLifecycle() {
        MidjourneyClient view = client.withOptions(RequestOptions.builder().maxRetries(0).build());

        view.close();

        assertThat(client.toString()).contains("closed");
        assertThatThrownBy(() -> client.fetchTaskAsync(GRID_ID)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.withOptions(RequestOptions.none())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.poller().await(GRID_ID)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aViewSharesTheClientsPoller() {
        MidjourneyClient view = client.withOptions(RequestOptions.builder().maxRetries(0).build());

        assertThat(view.poller()).isSameAs(client.poller());
        assertThat(view.images()).isSameAs(client.images());
    }
}
