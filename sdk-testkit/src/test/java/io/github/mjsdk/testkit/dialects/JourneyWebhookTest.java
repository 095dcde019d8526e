package io.github.mjsdk.testkit.dialects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.WebhookVerificationException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.SimulatedClock;
import io.github.mjsdk.webhook.WebhookEvent;
import io.github.mjsdk.webhook.WebhookOutcome;
import io.github.mjsdk.webhook.WebhookReceiver;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JourneyAPI's webhooks end to end: the client sends {@code webhook_url} and {@code webhook_secret}, the simulator
 * POSTs the finished task to the URL with the secret in {@code x-webhook-secret}, and the SDK's
 * {@link WebhookReceiver} built with the same secret checks it.
 */
class JourneyWebhookTest {
    private static final String SECRET = "whsec-journey-41";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatedClock clock = new SimulatedClock();
    private final MockWebServer hooks = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient();
    private FakeMidjourneyServer server;
    private MidjourneyClient client;

    @BeforeEach
    void start() throws IOException {
        QueueDispatcher dispatcher = new QueueDispatcher();
        dispatcher.setFailFast(new MockResponse.Builder().code(204).build());
        hooks.setDispatcher(dispatcher);
        hooks.start();
        server = FakeMidjourneyServer.builder().provider(Providers.journeyApi()).clock(clock).start();
        client = server.newClientBuilder().webhookSecret(SECRET).notifyHook(hooks.url("/mj-hook").toString())
                .build();
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
        hooks.close();
        http.connectionPool().evictAll();
    }

    @Test
    void theFinishedTaskIsPostedWithTheSecretThatTheReceiverChecks() throws Exception {
        SubmitResult submitted = client.submitImagine(ImagineRequest.of("a red fox")).get(10, TimeUnit.SECONDS);

        clock.advance(server.duration(null));
        RecordedRequest callback = hooks.takeRequest(10, TimeUnit.SECONDS);

        assertThat(callback).isNotNull();
        assertThat(callback.getMethod()).isEqualTo("POST");
        assertThat(callback.getTarget()).isEqualTo("/mj-hook");
        assertThat(callback.getHeaders().get("x-webhook-secret")).isEqualTo(SECRET);
        assertThat(callback.getHeaders().get("Content-Type")).startsWith("application/json");
        byte[] body = callback.getBody().toByteArray();
        JsonNode task = JSON.readTree(body);
        assertThat(task.path("task_id").asText()).isEqualTo(submitted.taskId());
        assertThat(task.path("task_type").asText()).isEqualTo("imagine");
        assertThat(task.path("status").asText()).isEqualTo("finished");
        assertThat(task.path("percentage").asText()).isEqualTo("100");
        assertThat(task.path("image_urls")).hasSize(4);
        assertThat(task).isEqualTo(fetch(submitted.taskId()));

        WebhookReceiver receiver = client.webhookReceiver(SECRET);
        assertThatThrownBy(() -> receiver.receive(body, Map.of("x-webhook-secret", List.of("whsec-guess"))))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> receiver.receive(body, Map.of()))
                .isInstanceOf(WebhookVerificationException.class);
        WebhookEvent accepted = receiver.receive(body, callback.getHeaders().toMultimap());
        assertThat(accepted.task().id()).isEqualTo(submitted.taskId());
        assertThat(accepted.task().status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(accepted.task().imageUrls()).hasSize(4);
        assertThat(accepted.outcome()).isEqualTo(WebhookOutcome.NOT_TRACKED);
    }

    @Test
    void onlyTheEndOfATaskIsPostedAFailureToo() throws Exception {
        String good = client.submitImagine(ImagineRequest.of("a red fox")).get(10, TimeUnit.SECONDS).taskId();
        String bad = client.submitImagine(ImagineRequest.of("a red fox --bogus")).get(10, TimeUnit.SECONDS)
                .taskId();

        for (int step = 0; step < 20; step++) {
            clock.advance(server.duration(null).dividedBy(10));
        }

        JsonNode first = JSON.readTree(hooks.takeRequest(10, TimeUnit.SECONDS).getBody().toByteArray());
        JsonNode second = JSON.readTree(hooks.takeRequest(10, TimeUnit.SECONDS).getBody().toByteArray());
        assertThat(first.path("task_id").asText()).isEqualTo(bad);
        assertThat(first.path("status").asText()).isEqualTo("failed");
        assertThat(first.path("error").asText()).contains("--bogus");
        assertThat(second.path("task_id").asText()).isEqualTo(good);
        assertThat(second.path("status").asText()).isEqualTo("finished");
    }

    /** The task as {@code POST /fetch} answers it, over raw HTTP. */
    private JsonNode fetch(String taskId) throws IOException {
        Request request = new Request.Builder().url(server.baseUrl() + "/fetch")
                .header("Authorization", server.apiKey())
                .post(RequestBody.create("{\"task_id\":\"" + taskId + "\"}", MediaType.get("application/json")))
                .build();
        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return JSON.readTree(response.body().string());
        }
    }
}
