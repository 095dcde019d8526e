package io.github.mjsdk;

import io.github.mjsdk.model.Speed;
import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_CUSTOM_ID;
import static io.github.mjsdk.testing.Fixtures.REROLL_ID;
import static io.github.mjsdk.testing.Fixtures.body;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testing.MockServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The flow of docs/architecture.md §1 and the README, end to end against MockWebServer: a client from the environment (plus the
 * test's virtual time), imagine at turbo, then reroll the grid.
 */
class QuickstartFlowTest extends MockServerTest {

    @Test
    void imagineThenRerollFromTheEnvironment() {
        Map<String, String> env = Map.of("MIDJOURNEY_API_KEY", API_KEY,
                "MIDJOURNEY_BASE_URL", server.url("/").toString());
        enqueue(ok("submit/queued.json"), ok("task/imagine-submitted.json"), ok("task/imagine-in-progress.json"),
                ok("task/imagine-success.json"),
                ok("task/imagine-success.json"), ok("submit/reroll-accepted.json"), ok("task/reroll-in-progress.json"),
                ok("task/reroll-success.json"));
        Instant start = scheduler.clock().instant();

        Task grid;
        Task fresh;
        try (MidjourneyClient client = MidjourneyClient.builder().fromEnvironment(env::get)
                .scheduler(scheduler).clock(scheduler.clock()).okHttpClient(http).callbackExecutor(Runnable::run)
                .build()) {
            CompletableFuture<Task> imagine = client.imagine(PROMPT, Speed.TURBO);
            drive(imagine);
            grid = imagine.join();
            CompletableFuture<Task> reroll = client.reroll(grid.id(), Speed.TURBO);
            drive(reroll);
            fresh = reroll.join();
        }

        assertThat(grid.id()).isEqualTo(GRID_ID);
        assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(fresh.id()).isEqualTo(REROLL_ID);
        assertThat(fresh.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(fresh.imageUrls()).hasSize(4).allSatisfy(url -> assertThat(url).startsWith("https://"));
        assertThat(fresh.imageUrl()).endsWith(".png");

        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(take());
        }
        assertThat(requests).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath()).containsExactly(
                "POST /mj-turbo/mj/submit/imagine",
                "GET /mj/task/" + GRID_ID + "/fetch",
                "GET /mj/task/" + GRID_ID + "/fetch",
                "GET /mj/task/" + GRID_ID + "/fetch",
                "GET /mj/task/" + GRID_ID + "/fetch",
                "POST /mj-turbo/mj/submit/action",
                "GET /mj/task/" + REROLL_ID + "/fetch",
                "GET /mj/task/" + REROLL_ID + "/fetch");
        assertThat(requests).allSatisfy(r ->
                assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY));
        assertThat(body(requests.get(0))).isEqualTo(parse("{\"prompt\":\"" + PROMPT + "\"}"));
        assertThat(body(requests.get(5))).isEqualTo(parse(
                "{\"taskId\":\"" + GRID_ID + "\",\"customId\":\"" + REROLL_CUSTOM_ID + "\"}"));
        Duration took = Duration.between(start, scheduler.clock().instant());
        Duration least = Duration.ofSeconds(2 + 2).plus(Duration.ofMillis(2700).multipliedBy(3));
        assertThat(took).as("virtual time: two turbo initial delays of 2 s and three 3 s intervals (jitter ±10 %)")
                .isBetween(least, Duration.ofSeconds(2 + 2 + 3 * 4));
    }
}
