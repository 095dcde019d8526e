package io.github.mjsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.webhook.WebhookEvent;
import io.github.mjsdk.webhook.WebhookOutcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * A real embedded web server on loopback receives the simulator's signed callbacks at the starter's webhook endpoint,
 * and they complete a wait whose polls are scheduled ten minutes out: only the webhook can end it in time.
 */
@SpringBootTest(classes = WebhookEndToEndTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "mjsdk.simulator.enabled=true",
                "mjsdk.simulator.job-duration=300ms", "mjsdk.webhook.enabled=true", "mjsdk.webhook.secret=s3cret",
                "mjsdk.poll.initial-delay=10m", "mjsdk.poll.interval=10m", "mjsdk.poll.timeout=20m",
                "management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always"})
class WebhookEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    MidjourneyClient client;

    @Autowired
    FakeMidjourneyServer simulator;

    @Autowired
    Events events;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSignedCallbackCompletesTheWait() throws Exception {
        String hook = "http://127.0.0.1:" + port + "/mjsdk/webhook?token=s3cret";

        Task task = client.imagine(ImagineRequest.of("a red fox in fresh snow").withSpeed(Speed.TURBO)
                .withNotifyHook(hook)).get(60, TimeUnit.SECONDS);

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        // the SUCCESS callback's event is published after it woke the wait, which may already have ended
        events.finished(task.id()).get(10, TimeUnit.SECONDS);
        assertThat(simulator.journal(Route.IMAGINE)).hasSize(1);
        List<WebhookEvent> mine = events.received.stream().filter(e -> e.task().id().equals(task.id())).toList();
        assertThat(mine).isNotEmpty();
        assertThat(mine).extracting(WebhookEvent::outcome).contains(WebhookOutcome.WOKE_WAIT);
        // every fetch of the task was a confirmation of a callback: the scheduled polls are 10 minutes out
        long woke = mine.stream().filter(e -> e.outcome() == WebhookOutcome.WOKE_WAIT).count();
        assertThat(simulator.journal(Route.FETCH).size() + simulator.journal(Route.LIST_BY_CONDITION).size())
                .isBetween(1, (int) woke);
    }

    @Test
    void callbacksWithoutOrWithAWrongSecretAreRefused() throws Exception {
        String body = "{\"id\":\"1000000000000001\",\"status\":\"SUCCESS\",\"progress\":\"100%\"}";
        int before = events.received.size();

        assertThat(post("/mjsdk/webhook", body, null)).isEqualTo(401);
        assertThat(post("/mjsdk/webhook?token=wrong", body, null)).isEqualTo(401);
        assertThat(post("/mjsdk/webhook", body, "s3cret")).isEqualTo(204);
        assertThat(post("/mjsdk/webhook?token=s3cret", "not json", null)).isEqualTo(400);

        assertThat(events.received).hasSize(before + 1);
        assertThat(events.received.get(before).outcome()).isEqualTo(WebhookOutcome.NOT_TRACKED);
    }

    @Test
    void theHealthEndpointShowsMidjourneyUp() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsPattern("\"midjourney\":\\{[^}]*\"probe\":\"not-found\"[^}]*}[^}]*"
                + "\"status\":\"UP\"");
    }

    private int post(String path, String body, String secretHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secretHeader != null) {
            request.header("x-webhook-secret", secretHeader);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The application: auto-configuration only, and a listener for the webhook events. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        Events events() {
            return new Events();
        }
    }

    /** Collects the published webhook events. */
    static class Events {
        final List<WebhookEvent> received = new CopyOnWriteArrayList<>();
        private final Map<String, CompletableFuture<WebhookEvent>> finished = new ConcurrentHashMap<>();

        @EventListener
        void on(WebhookEvent event) {
            received.add(event);
            if (event.task().status() == TaskStatus.SUCCESS) {
                finished(event.task().id()).complete(event);
            }
        }

        /** Completes with the first published event that shows the task finished. */
        CompletableFuture<WebhookEvent> finished(String taskId) {
            return finished.computeIfAbsent(taskId, id -> new CompletableFuture<>());
        }
    }
}
