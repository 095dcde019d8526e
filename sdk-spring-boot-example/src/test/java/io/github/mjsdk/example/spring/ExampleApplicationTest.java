package io.github.mjsdk.example.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example end to end on a real port, against the simulator: POST /images answers 202 at once, the simulator's
 * callbacks reach the webhook and finish the job (polls are ten minutes out), GET /images/{id} shows the images.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1", "mjsdk.simulator.enabled=true", "mjsdk.simulator.job-duration=300ms",
        "mjsdk.poll.initial-delay=10m", "mjsdk.poll.interval=10m", "mjsdk.poll.timeout=20m"})
class ExampleApplicationTest {
    @LocalServerPort
    int port;

    @Autowired
    ImageJobs jobs;

    @Autowired
    FakeMidjourneyServer simulator;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void postAnImageAndTheWebhookBringsTheResult() throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(url("/images"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a red fox in fresh snow\"}")));

        assertThat(created.statusCode()).isEqualTo(202);
        Matcher id = Pattern.compile("\"taskId\":\"(\\d{16})\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        String taskId = id.group(1);
        assertThat(created.headers().firstValue("Location")).hasValue("/images/" + taskId);
        RecordedCall imagine = simulator.journal(Route.IMAGINE).get(0);
        assertThat(imagine.path()).isEqualTo("/mj-turbo/mj/submit/imagine");
        assertThat(imagine.body()).contains("\"notifyHook\":\"http://127.0.0.1:" + port
                + "/mjsdk/webhook?token=change-me\"");

        Task task = jobs.get(taskId).result().get(60, TimeUnit.SECONDS);

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(jobs.get(taskId).callbacks().get()).isPositive();
        HttpResponse<String> shown = send(HttpRequest.newBuilder(url("/images/" + taskId)));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("\"status\":\"SUCCESS\"", "\"progress\":100",
                "\"imageUrls\":[\"" + task.imageUrls().get(0));
        assertThat(simulator.journal(Route.IMAGINE)).hasSize(1);
    }

    @Test
    void blankPromptsAndUnknownIdsAreRefused() throws Exception {
        assertThat(send(HttpRequest.newBuilder(url("/images")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\" \"}"))).statusCode()).isEqualTo(400);
        assertThat(send(HttpRequest.newBuilder(url("/images/1234567890123456"))).statusCode()).isEqualTo(404);
    }

    @Test
    void healthShowsTheProvider() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(url("/actuator/health")));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"midjourney\"", "\"probe\":\"not-found\"");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
