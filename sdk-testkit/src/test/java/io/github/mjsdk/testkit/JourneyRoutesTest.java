package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.provider.Providers;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JourneyAPI dialect's routes and rules on the wire (docs/protocols.md §e), over raw HTTP on a simulated clock. */
class JourneyRoutesTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final SimulatedClock clock = new SimulatedClock();
    private final FakeMidjourneyServer server = start(FakeMidjourneyServer.builder());
    private final Wire wire = new Wire(server);

    private FakeMidjourneyServer start(FakeMidjourneyServer.Builder builder) {
        return builder.provider(Providers.journeyApi()).clock(clock).randomSeed(4).start();
    }

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    private String submit(String path, Object body) {
        Wire.Answer answer = wire.post(path, body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().size()).isEqualTo(1);
        return answer.json().path("task_id").asText();
    }

    private JsonNode fetch(String id) {
        Wire.Answer answer = wire.post("/fetch", Wire.body("task_id", id));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private String finishedImagine(String prompt) {
        String id = submit("/imagine", Wire.body("prompt", prompt, "model", "midjourney"));
        clock.advance(server.duration(null));
        return id;
    }

    private static void assertRefused(Wire.Answer answer, int status, String error) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.json().path("error").asText()).contains(error);
    }

    @Test
    void theBaseUrlEndsInApiV1AndTheKeyIsSentRaw() {
        assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/v1");
        assertThat(server.authScheme()).isEqualTo(AuthScheme.RAW);

        submit("/imagine", Wire.body("prompt", "a fox"));

        RecordedCall call = server.journal().get(0);
        assertThat(call.path()).isEqualTo("/api/v1/imagine");
        assertThat(call.route()).isEqualTo(Route.IMAGINE);
        assertThat(call.header("Authorization")).isEqualTo(server.apiKey());
    }

    @Test
    void imagineAndFetchFollowTheLifecycleWithStringPercentages() {
        String id = submit("/imagine", Wire.body("prompt", "a red fox", "model", "midjourney"));

        assertThat(id).matches(UUID);
        JsonNode pending = fetch(id);
        assertThat(pending.path("task_id").asText()).isEqualTo(id);
        assertThat(pending.path("task_type").asText()).isEqualTo("imagine");
        assertThat(pending.path("model").asText()).isEqualTo("midjourney");
        assertThat(pending.path("status").asText()).isEqualTo("pending");
        assertThat(pending.path("percentage").asText()).isEqualTo("0");
        assertThat(pending.path("original_image_url").isNull()).isTrue();
        assertThat(pending.path("image_urls").isNull()).isTrue();
        clock.advance(Duration.ofMillis(400));
        assertThat(fetch(id).path("status").asText()).isEqualTo("starting");
        clock.advance(Duration.ofMillis(600));
        JsonNode processing = fetch(id);
        assertThat(processing.path("status").asText()).isEqualTo("processing");
        assertThat(processing.path("percentage").isTextual()).isTrue();
        assertThat(processing.path("percentage").asText()).isEqualTo("15");

        clock.advance(server.duration(null));
        JsonNode finished = fetch(id);
        assertThat(finished.path("status").asText()).isEqualTo("finished");
        assertThat(finished.path("percentage").asText()).isEqualTo("100");
        assertThat(finished.path("original_image_url").asText()).startsWith("http://127.0.0.1:")
                .endsWith("/mj/image/" + id);
        assertThat(finished.path("image_urls")).hasSize(4);
        assertThat(finished.path("image_url").isNull()).isTrue();
        assertThat(finished.path("error").isNull()).isTrue();
        assertThat(wire.getUrl(finished.path("image_urls").get(0).asText()).headers().get("Content-Type"))
                .isEqualTo("image/png");
    }

    @Test
    void aTaskWaitingForAJobSlotIsStaged() {
        try (FakeMidjourneyServer one = start(FakeMidjourneyServer.builder().concurrency(1).queueSize(1));
             Wire oneWire = new Wire(one)) {
            oneWire.post("/imagine", Wire.body("prompt", "first"));
            String second = oneWire.post("/imagine", Wire.body("prompt", "second")).json().path("task_id").asText();

            assertThat(oneWire.post("/fetch", Wire.body("task_id", second)).json().path("status").asText())
                    .isEqualTo("staged");
            assertRefused(oneWire.post("/imagine", Wire.body("prompt", "third")), 429, "Too many tasks");
        }
    }

    @Test
    void rerollNeedsACompletedImagineTask() {
        String grid = submit("/imagine", Wire.body("prompt", "a red fox"));
        assertRefused(wire.post("/reroll", Wire.body("parent_task_id", grid)), 400,
                "must reference a completed /imagine task");
        clock.advance(server.duration(null));

        String reroll = submit("/reroll", Wire.body("parent_task_id", grid, "prompt", "a blue fox"));
        String upscale = submit("/upscale-1x", Wire.body("parent_task_id", grid, "index", "1"));
        String variation = submit("/variations", Wire.body("parent_task_id", grid, "index", "2"));
        clock.advance(server.duration(null));

        JsonNode fresh = fetch(reroll);
        assertThat(fresh.path("task_type").asText()).isEqualTo("reroll");
        assertThat(fresh.path("status").asText()).isEqualTo("finished");
        assertThat(fresh.path("original_image_url").asText()).endsWith(reroll);
        assertThat(fresh.path("image_urls")).hasSize(4);
        for (String parent : new String[]{reroll, upscale, variation}) {
            assertRefused(wire.post("/reroll", Wire.body("parent_task_id", parent)), 400,
                    "must reference a completed /imagine task");
        }
        assertRefused(wire.post("/reroll", Wire.body("prompt", "x")), 400, "parent_task_id is required");
        assertRefused(wire.post("/reroll", Wire.body("parent_task_id", "550e8400-e29b-41d4-a716-446655440000")),
                404, "not found");
        assertThat(server.journal(Route.ACTION)).extracting(RecordedCall::path).startsWith("/api/v1/reroll",
                "/api/v1/reroll", "/api/v1/upscale-1x", "/api/v1/variations");
    }

    @Test
    void upscaleTakesAStringIndexAndMakesOneImage() {
        String grid = finishedImagine("a lighthouse");

        String upscale = submit("/upscale-1x", Wire.body("parent_task_id", grid, "index", "3"));
        clock.advance(server.duration(null));

        JsonNode single = fetch(upscale);
        assertThat(single.path("task_type").asText()).isEqualTo("upscale-1x");
        assertThat(single.path("image_url").asText()).endsWith("/mj/image/" + upscale);
        assertThat(single.path("original_image_url").isNull()).isTrue();
        assertThat(single.path("image_urls").isNull()).isTrue();
        assertRefused(wire.post("/upscale-1x", Wire.body("parent_task_id", grid, "index", 3)), 400, "index");
        assertRefused(wire.post("/upscale-1x", Wire.body("parent_task_id", grid, "index", "5")), 400, "index");
        assertRefused(wire.post("/variations", Wire.body("parent_task_id", upscale, "index", "1")), 400,
                "completed grid task");
    }

    @Test
    void refusalsUseJourneyApisErrorShapes() {
        Wire.Answer bearer = wire.send(new Request.Builder().url(server.baseUrl() + "/imagine")
                .header("Authorization", "Bearer " + server.apiKey())
                .post(RequestBody.create("{\"prompt\":\"a fox\"}", MediaType.get("application/json"))));
        assertThat(bearer.status()).isEqualTo(401);
        assertThat(bearer.text()).isEqualTo("{}");
        assertRefused(wire.post("/imagine", Wire.body("model", "midjourney")), 400, "prompt is required");
        assertRefused(wire.post("/imagine", Wire.body("prompt", "a fox", "model", "flux-pro")), 400, "flux-pro");
        assertRefused(wire.post("/imagine", Wire.body("prompt", "a fox", "webhook_url", "not a url")), 400,
                "webhook_url");
        assertRefused(wire.post("/fetch", Wire.body("task_id", "550e8400-e29b-41d4-a716-446655440000")), 404,
                "not found");
        assertRefused(wire.post("/fetch", "{}"), 400, "task_id is required");
        assertRefused(wire.get("/fetch"), 405, "POST");
        assertRefused(wire.post("/upscale-2x-4x", Wire.body("parent_task_id", "x")), 400, "type must be 2x or 4x");
        assertRefused(wire.post("/upscale-8x", Wire.body("parent_task_id", "x")), 404, "Not found");
        assertRefused(wire.post("/outpaint", Wire.body("parent_task_id", "x", "zoom_ratio", 2.5)), 400, "zoom_ratio");
        assertRefused(wire.post("/inpaint", Wire.body("parent_task_id", "x", "mask", "not an image")), 400, "mask");
        assertRefused(wire.post("/pan", Wire.body("parent_task_id", "x")), 400, "direction");
        assertRefused(wire.send(new Request.Builder().url(server.baseUrl().replace("/api/v1", "")
                + "/mj/submit/imagine").header("Authorization", server.apiKey())
                .post(RequestBody.create("{\"prompt\":\"a fox\"}", MediaType.get("application/json")))), 404,
                "Not found");
    }

    @Test
    void anAspectRatioJoinsThePromptAndABannedWordFailsTheTask() {
        String wide = submit("/imagine", Wire.body("prompt", "a fox", "aspect_ratio", "3:2"));
        String banned = submit("/imagine", Wire.body("prompt", "nsfw fox"));
        String invalid = submit("/imagine", Wire.body("prompt", "a fox", "aspect_ratio", "0:1"));
        clock.advance(server.duration(null));

        assertThat(fetch(wide).path("status").asText()).isEqualTo("finished");
        assertThat(fetch(banned).path("status").asText()).isEqualTo("failed");
        assertThat(fetch(banned).path("error").asText()).contains("nsfw");
        assertThat(fetch(invalid).path("error").asText()).contains("Invalid parameter");
    }

    @Test
    void aCancelledTaskIsFailedWithTheUpstreamProxysCancelText() {
        String id = submit("/imagine", Wire.body("prompt", "a red fox", "model", "midjourney"));

        server.cancelTask(id);

        JsonNode failed = fetch(id);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("error").isTextual()).as(failed.toString()).isTrue();
        assertThat(failed.path("error").asText()).isEqualTo("取消任务");
    }
}
