package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.provider.Providers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The apimart dialect's routes and rules on the wire (docs/protocols.md §d), over raw HTTP on a simulated clock. */
class ApimartRoutesTest {
    private static final String ULID_TASK = "task_[0-9A-HJKMNP-TV-Z]{26}";

    private final SimulatedClock clock = new SimulatedClock();
    private FakeMidjourneyServer server = start(FakeMidjourneyServer.builder());
    private Wire wire = new Wire(server);

    private FakeMidjourneyServer start(FakeMidjourneyServer.Builder builder) {
        return builder.provider(Providers.apimart()).clock(clock).randomSeed(9).start();
    }

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    private String submit(String path, Object body) {
        Wire.Answer answer = wire.post(path, body);
        JsonNode json = answer.json();
        assertThat(answer.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.path("code").asInt()).isEqualTo(200);
        assertThat(json.path("data")).hasSize(1);
        return json.path("data").get(0).path("task_id").asText();
    }

    private String imagine(Object body) {
        return submit("/v1/midjourney/generations", body);
    }

    private JsonNode detailed(String id) {
        Wire.Answer answer = wire.get("/v1/midjourney/" + id);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode unified(String id) {
        Wire.Answer answer = wire.get("/v1/tasks/" + id + "?language=en");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().path("code").asInt()).isEqualTo(200);
        return answer.json().path("data");
    }

    private static void assertRefused(Wire.Answer answer, int status, int code, String message) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.json().path("code").asInt()).isEqualTo(code);
        assertThat(answer.json().path("message").asText()).contains(message);
    }

    private String button(String id, String labelOrEmoji) {
        return Wire.button(detailed(id), labelOrEmoji);
    }

    @Test
    void imagineAnswersTheDataArrayAndBothQueriesFollowTheLifecycle() {
        Wire.Answer submitted = wire.post("/v1/midjourney/generations", Wire.body("prompt", "a red fox",
                "speed", "turbo"));
        JsonNode data = submitted.json().path("data").get(0);
        String id = data.path("task_id").asText();

        assertThat(submitted.json().path("code").asInt()).isEqualTo(200);
        assertThat(data.path("status").asText()).isEqualTo("submitted");
        assertThat(id).matches(ULID_TASK);
        assertThat(detailed(id).path("status").asText()).isEqualTo("NOT_START");
        assertThat(unified(id).path("status").asText()).isEqualTo("pending");
        assertThat(unified(id).path("progress").isInt()).isTrue();

        clock.advance(Duration.ofSeconds(1));
        JsonNode running = detailed(id);
        assertThat(running.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(running.path("progress").asText()).isEqualTo("46%");
        assertThat(running.path("grid_image_url").asText()).contains("/preview/46");
        assertThat(running.path("buttons")).isEmpty();
        assertThat(unified(id).path("status").asText()).isEqualTo("processing");
        assertThat(unified(id).path("progress").asInt()).isEqualTo(46);
        assertThat(unified(id).has("result")).isFalse();

        clock.advance(Duration.ofSeconds(1));
        JsonNode done = detailed(id);
        assertThat(done.path("id").asText()).isEqualTo(id);
        assertThat(done.path("action").asText()).isEqualTo("IMAGINE");
        assertThat(done.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(done.path("progress").asText()).isEqualTo("100%");
        assertThat(done.path("prompt").asText()).isEqualTo("a red fox");
        assertThat(done.path("grid_image_url").asText()).isEqualTo(server.baseUrl() + "/mj/image/" + id);
        assertThat(done.path("image_urls")).hasSize(4);
        assertThat(done.path("image_urls").get(3).asText()).isEqualTo(server.baseUrl() + "/mj/image/" + id + "/4");
        assertThat(done.path("buttons")).hasSize(9);
        assertThat(done.path("buttons").get(4).path("emoji").asText()).isEqualTo("🔄");
        assertThat(done.path("buttons").get(4).path("customId").asText()).contains("::reroll::");
        assertThat(done.has("fail_reason")).isFalse();
        JsonNode unified = unified(id);
        assertThat(unified.path("status").asText()).isEqualTo("completed");
        assertThat(unified.path("progress").asInt()).isEqualTo(100);
        assertThat(unified.path("result").path("images")).hasSize(1);
        assertThat(unified.path("result").path("images").get(0).path("url").asText())
                .isEqualTo(done.path("grid_image_url").asText());
        long created = unified.path("created").asLong();
        assertThat(created).isEqualTo(SimulatedClock.DEFAULT_START.getEpochSecond());
        assertThat(unified.path("completed").asLong()).isEqualTo(created + 2);
        assertThat(unified.path("result").path("images").get(0).path("expires_at").asLong())
                .isEqualTo(created + 2 + Duration.ofDays(3).toSeconds());
        assertThat(unified.path("estimated_time").asInt()).isEqualTo(2);
        assertThat(unified.path("actual_time").asInt()).isEqualTo(2);
        assertThat(wire.getUrl(done.path("grid_image_url").asText()).headers().get("Content-Type"))
                .isEqualTo("image/png");
    }

    @Test
    void speedIsRelaxByDefaultAndTheFieldWinsOverAPromptFlag() {
        String relax = imagine(Wire.body("prompt", "a fox"));
        String fast = imagine(Wire.body("prompt", "a fox", "speed", "fast"));
        String flagged = imagine(Wire.body("prompt", "a fox --turbo"));
        clock.advance(Duration.ofSeconds(8));
        String both = imagine(Wire.body("prompt", "a fox --turbo", "speed", "relax"));
        clock.advance(Duration.ofSeconds(8));

        List<Long> seconds = new ArrayList<>();
        for (String id : List.of(relax, fast, flagged, both)) {
            JsonNode task = unified(id);
            assertThat(task.path("status").asText()).isEqualTo("completed");
            seconds.add(task.path("completed").asLong() - task.path("created").asLong());
        }
        assertThat(seconds).containsExactly(8L, 4L, 2L, 8L);
        assertRefused(wire.post("/v1/midjourney/generations", Wire.body("prompt", "a fox", "speed", "vip")), 400, 4,
                "speed");
    }

    @Test
    void rerollNeedsASuccessfulImagineOrRerollGridAndPicksItsRerollButton() {
        String grid = imagine(Wire.body("prompt", "a red fox", "speed", "turbo"));
        assertRefused(wire.post("/v1/midjourney/generations/reroll", Wire.body("task_id", grid)), 400, 4,
                "is not in SUCCESS state");
        clock.advance(Duration.ofSeconds(2));

        String reroll = submit("/v1/midjourney/generations/reroll", Wire.body("task_id", grid, "speed", "turbo"));
        clock.advance(Duration.ofSeconds(2));
        JsonNode fresh = detailed(reroll);
        assertThat(reroll).matches(ULID_TASK).isNotEqualTo(grid);
        assertThat(fresh.path("action").asText()).isEqualTo("REROLL");
        assertThat(fresh.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(fresh.path("prompt").asText()).isEqualTo("a red fox");
        assertThat(server.journal(Route.ACTION).get(0).path()).isEqualTo("/v1/midjourney/generations/reroll");

        String again = submit("/v1/midjourney/generations/reroll", Wire.body("task_id", reroll, "custom_id",
                button(reroll, "🔄")));
        String upscale = submit("/v1/midjourney/generations/upscale", Wire.body("task_id", grid, "index", 1));
        String variation = submit("/v1/midjourney/generations/variation", Wire.body("task_id", grid, "index", 2));
        clock.advance(Duration.ofSeconds(10));

        assertThat(detailed(again).path("status").asText()).isEqualTo("SUCCESS");
        assertRefused(wire.post("/v1/midjourney/generations/reroll", Wire.body("task_id", upscale)), 400, 4,
                "only an imagine grid or a reroll grid");
        assertRefused(wire.post("/v1/midjourney/generations/reroll", Wire.body("task_id", variation)), 400, 4,
                "only an imagine grid or a reroll grid");
        assertRefused(wire.post("/v1/midjourney/generations/reroll", Wire.body("task_id", grid, "custom_id",
                button(grid, "U1"))), 400, 4, "has no reroll button");
        assertRefused(wire.post("/v1/midjourney/generations/reroll", Wire.body("speed", "fast")), 400, 4,
                "task_id is required for reroll");
        assertRefused(wire.post("/v1/midjourney/generations/reroll", Wire.body("task_id", "task_unknown")), 404, 3,
                "task task_unknown not found");
    }

    @Test
    void upscaleAndVariationTakeAnIndexOrACustomId() {
        String grid = imagine(Wire.body("prompt", "a lighthouse", "speed", "turbo"));
        clock.advance(Duration.ofSeconds(2));

        String upscale = submit("/v1/midjourney/generations/upscale", Wire.body("task_id", grid, "index", 3,
                "speed", "turbo"));
        String variation = submit("/v1/midjourney/generations/variation", Wire.body("task_id", grid, "custom_id",
                button(grid, "V4"), "speed", "turbo"));
        clock.advance(Duration.ofSeconds(2));

        JsonNode single = detailed(upscale);
        assertThat(single.path("action").asText()).isEqualTo("UPSCALE");
        assertThat(single.path("image_url").asText()).isEqualTo(server.baseUrl() + "/mj/image/" + upscale);
        assertThat(single.has("grid_image_url")).isFalse();
        assertThat(single.path("image_urls")).isEmpty();
        assertThat(single.path("buttons").toString()).contains("Vary (Region)").doesNotContain("::reroll::");
        JsonNode varied = detailed(variation);
        assertThat(varied.path("action").asText()).isEqualTo("VARIATION");
        assertThat(varied.path("image_urls")).hasSize(4);
        assertRefused(wire.post("/v1/midjourney/generations/upscale", Wire.body("task_id", grid, "index", 5)), 400,
                4, "index must be 1-4");
        assertRefused(wire.post("/v1/midjourney/generations/upscale", Wire.body("task_id", upscale, "index", 1)),
                400, 4, "has no U1");
        assertRefused(wire.post("/v1/midjourney/generations/pan", Wire.body("task_id", upscale)), 400, 4,
                "custom_id is required for pan");
        assertThat(server.journal(Route.ACTION)).extracting(RecordedCall::route).containsOnly(Route.ACTION);
    }

    @Test
    void inpaintParksTheTaskInModalUntilTheModalRouteGivesItAMask() {
        String grid = imagine(Wire.body("prompt", "a red fox", "speed", "turbo"));
        clock.advance(Duration.ofSeconds(2));
        String upscale = submit("/v1/midjourney/generations/upscale", Wire.body("task_id", grid, "index", 2,
                "speed", "turbo"));
        clock.advance(Duration.ofSeconds(2));

        Wire.Answer inpaint = wire.post("/v1/midjourney/generations/inpaint", Wire.body("task_id", upscale,
                "custom_id", button(upscale, "Vary (Region)")));
        JsonNode parked = inpaint.json().path("data").get(0);
        String id = parked.path("task_id").asText();
        assertThat(parked.path("status").asText()).isEqualTo("modal");
        assertThat(detailed(id).path("status").asText()).isEqualTo("MODAL");
        assertThat(unified(id).path("status").asText()).isEqualTo("modal");
        assertRefused(wire.post("/v1/midjourney/generations/modal", Wire.body("task_id", id, "prompt", "a red hat")),
                400, 4, "mask_url");
        assertRefused(wire.post("/v1/midjourney/generations/modal", Wire.body("task_id", grid)), 400, 4,
                "not waiting in modal state");

        String confirmed = submit("/v1/midjourney/generations/modal", Wire.body("task_id", id, "prompt",
                "a red hat", "mask_url", "https://cdn.example/mask.png", "speed", "turbo"));
        clock.advance(Duration.ofSeconds(2));

        assertThat(confirmed).isEqualTo(id);
        JsonNode done = detailed(id);
        assertThat(done.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(done.path("action").asText()).isEqualTo("VARIATION");
        assertThat(done.path("prompt").asText()).isEqualTo("a red hat");
        assertThat(server.journal(Route.MODAL)).hasSize(3);
    }

    @Test
    void refusalsUseApimartsErrorShapes() {
        try (FakeMidjourneyServer tiny = start(FakeMidjourneyServer.builder().concurrency(1).queueSize(0));
             Wire tinyWire = new Wire(tiny)) {
            tinyWire.post("/v1/midjourney/generations", Wire.body("prompt", "one"));
            assertRefused(tinyWire.post("/v1/midjourney/generations", Wire.body("prompt", "two")), 502, 9,
                    "Service rejected");
        }
        assertRefused(wire.post("/v1/midjourney/generations", Wire.body("prompt", " ")), 400, 4,
                "prompt is required");
        assertRefused(wire.post("/v1/midjourney/generations", "[1]"), 400, 4, "JSON object");
        assertRefused(wire.get("/v1/midjourney/task_01KV52C0TEJSYZMCG0NCS4YWKK"), 404, 3, "not found");
        assertRefused(wire.get("/v1/tasks/task_01KV52C0TEJSYZMCG0NCS4YWKK"), 404, 404, "not found");
        assertRefused(wire.get("/v1/midjourney/generations/reroll"), 405, 405, "GET");
        assertRefused(wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox")), 404, 404, "no route");
        Wire.Answer unauthorized = wire.send(new Request.Builder().url(server.baseUrl() + "/v1/tasks/task_1")
                .header("Authorization", server.apiKey()));
        assertRefused(unauthorized, 401, 401, "Bearer");
    }

    @Test
    void aBannedWordIsAcceptedAndTheTaskFails() {
        String id = imagine(Wire.body("prompt", "gore fox", "speed", "turbo"));
        clock.advance(Duration.ofSeconds(2));

        assertThat(detailed(id).path("status").asText()).isEqualTo("FAILURE");
        assertThat(detailed(id).path("fail_reason").asText()).contains("banned word `gore`");
        assertThat(unified(id).path("status").asText()).isEqualTo("failed");
        assertThat(unified(id).path("error").path("message").asText()).contains("gore");
    }

    @Test
    void faultsAndTheJournalUseTheSameRoutes() {
        String id = imagine(Wire.body("prompt", "a fox", "speed", "turbo"));
        server.failNext(Route.FETCH, 1, Fault.serverError());

        assertThat(wire.get("/v1/tasks/" + id).status()).isEqualTo(500);
        assertThat(wire.get("/v1/tasks/" + id).status()).isEqualTo(200);
        assertThat(server.journal()).extracting(RecordedCall::route)
                .containsExactly(Route.IMAGINE, Route.FETCH, Route.FETCH);
        assertThat(server.journal().get(0).header("Authorization")).isEqualTo("Bearer " + server.apiKey());
        assertThat(server.journal().get(0).tier()).isNull();
        assertThat(server.duration(Speed.TURBO)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aFailedTaskCarriesItsReasonInBothViews() {
        String id = imagine(Wire.body("prompt", "a red fox"));

        server.failTask(id, "Job killed by a moderator");

        assertThat(detailed(id).path("status").asText()).isEqualTo("FAILURE");
        assertThat(detailed(id).path("fail_reason").asText()).isEqualTo("Job killed by a moderator");
        assertThat(unified(id).path("status").asText()).isEqualTo("failed");
        assertThat(unified(id).path("error").path("message").asText()).isEqualTo("Job killed by a moderator");
    }

    @Test
    void aCancelledTaskIsCancelledWithoutAnErrorOrAFailReason() {
        String id = imagine(Wire.body("prompt", "a red fox"));

        server.cancelTask(id);

        JsonNode summary = unified(id);
        assertThat(summary.path("status").asText()).isEqualTo("cancelled");
        assertThat(summary.has("error")).as(summary.toString()).isFalse();
        JsonNode full = detailed(id);
        assertThat(full.path("status").asText()).isEqualTo("CANCEL");
        assertThat(full.has("fail_reason")).as(full.toString()).isFalse();
    }
}
