package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ButtonsTest {
    private final SimulatedClock clock = new SimulatedClock();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).start();
    private final Wire wire = new Wire(server);
    private String grid;
    private JsonNode gridTask;

    @BeforeEach
    void finishedGrid() {
        grid = wire.imagine("/mj", "a red fox --ar 3:2");
        clock.advance(Duration.ofSeconds(4));
        gridTask = wire.fetch(grid);
    }

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    @Test
    void aGridHasU1ToU4RerollAndV1ToV4WithRealCustomIds() {
        String hash = gridTask.path("properties").path("messageHash").asText();
        List<String> customIds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode button : gridTask.path("buttons")) {
            customIds.add(button.path("customId").asText());
            labels.add(button.path("label").asText().isEmpty() ? button.path("emoji").asText()
                    : button.path("label").asText());
            assertThat(button.path("type").asInt()).isEqualTo(2);
            assertThat(button.path("style").asInt()).isEqualTo(2);
        }
        assertThat(labels).containsExactly("U1", "U2", "U3", "U4", "🔄", "V1", "V2", "V3", "V4");
        assertThat(customIds).containsExactly(
                "MJ::JOB::upsample::1::" + hash, "MJ::JOB::upsample::2::" + hash,
                "MJ::JOB::upsample::3::" + hash, "MJ::JOB::upsample::4::" + hash,
                "MJ::JOB::reroll::0::" + hash + "::SOLO",
                "MJ::JOB::variation::1::" + hash, "MJ::JOB::variation::2::" + hash,
                "MJ::JOB::variation::3::" + hash, "MJ::JOB::variation::4::" + hash);
    }

    @Test
    void anUpscaleHasItsOwnButtonsAndNoReroll() {
        String upscale = wire.click(grid, Wire.button(gridTask, "U2"));
        clock.advance(Duration.ofSeconds(4));
        JsonNode task = wire.fetch(upscale);

        assertThat(task.path("action").asText()).isEqualTo("UPSCALE");
        assertThat(task.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(task.path("parentId").asText()).isEqualTo(grid);
        assertThat(task.path("description").asText()).isEqualTo("/up " + grid + " U2");
        assertThat(task.path("imageUrls").isNull()).isTrue();
        String hash = task.path("properties").path("messageHash").asText();
        assertThat(hash).isNotEqualTo(gridTask.path("properties").path("messageHash").asText());
        List<String> customIds = new ArrayList<>();
        task.path("buttons").forEach(b -> customIds.add(b.path("customId").asText()));
        assertThat(customIds).contains("MJ::JOB::upsample_v6_2x_subtle::1::" + hash + "::SOLO",
                "MJ::JOB::low_variation::1::" + hash + "::SOLO", "MJ::JOB::high_variation::1::" + hash + "::SOLO",
                "MJ::Inpaint::1::" + hash + "::SOLO", "MJ::Outpaint::50::1::" + hash + "::SOLO",
                "MJ::CustomZoom::" + hash, "MJ::JOB::pan_left::1::" + hash + "::SOLO");
        assertThat(customIds).noneMatch(id -> id.contains("::reroll::") || id.contains("::upsample::")
                || id.contains("::variation::"));
    }

    @Test
    void rerollMakesANewGridWithANewHashAndSeedAndTheSamePrompt() {
        String reroll = wire.click(grid, Wire.button(gridTask, "🔄"));
        clock.advance(Duration.ofSeconds(4));
        JsonNode task = wire.fetch(reroll);

        assertThat(reroll).isNotEqualTo(grid);
        assertThat(task.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(task.path("action").asText()).isEqualTo("IMAGINE");
        assertThat(task.path("prompt").asText()).isEqualTo("a red fox --ar 3:2");
        assertThat(task.path("parentId").asText()).isEqualTo(grid);
        assertThat(task.path("description").asText()).isEqualTo("/up " + grid + " R");
        assertThat(task.path("properties").path("messageHash").asText())
                .isNotEqualTo(gridTask.path("properties").path("messageHash").asText());
        assertThat(task.path("seed").asText()).isNotEqualTo(gridTask.path("seed").asText());
        assertThat(task.path("buttons")).hasSize(9);
    }

    @Test
    void variationMakesANewGridAndItsRerollKeepsTheVariationAction() {
        String variation = wire.click(grid, Wire.button(gridTask, "V3"));
        clock.advance(Duration.ofSeconds(4));
        JsonNode task = wire.fetch(variation);
        assertThat(task.path("action").asText()).isEqualTo("VARIATION");
        assertThat(task.path("prompt").asText()).isEqualTo("a red fox --ar 3:2");
        assertThat(task.path("seed").asText()).isNotEqualTo(gridTask.path("seed").asText());
        assertThat(task.path("buttons")).hasSize(9);

        String reroll = wire.click(variation, Wire.button(task, "🔄"));
        assertThat(wire.fetch(reroll).path("action").asText()).isEqualTo("VARIATION");
    }

    @Test
    void singleImageButtonsMakeGridsAndHdUpscales() {
        String upscale = wire.click(grid, Wire.button(gridTask, "U1"));
        clock.advance(Duration.ofSeconds(4));
        JsonNode single = wire.fetch(upscale);

        String pan = wire.click(upscale, Wire.button(single, "⬅️"));
        String zoom = wire.click(upscale, Wire.button(single, "Zoom Out 2x"));
        String vary = wire.click(upscale, Wire.button(single, "Vary (Strong)"));
        String hd = wire.click(upscale, Wire.button(single, "Upscale (Subtle)"));
        clock.advance(Duration.ofSeconds(8));

        assertThat(wire.fetch(pan).path("action").asText()).isEqualTo("PAN");
        assertThat(wire.fetch(zoom).path("action").asText()).isEqualTo("ZOOM");
        assertThat(wire.fetch(vary).path("action").asText()).isEqualTo("VARIATION");
        assertThat(wire.fetch(pan).path("buttons")).hasSize(9);
        JsonNode hdTask = wire.fetch(hd);
        assertThat(hdTask.path("action").asText()).isEqualTo("UPSCALE_HD");
        assertThat(hdTask.path("buttons")).hasSize(10)
                .noneMatch(b -> b.path("customId").asText().contains("upsample"));
    }

    @Test
    void rerollOfATaskWithoutARerollButtonIsCode4() {
        String upscale = wire.click(grid, Wire.button(gridTask, "U1"));
        clock.advance(Duration.ofSeconds(4));
        String hash = wire.fetch(upscale).path("properties").path("messageHash").asText();

        JsonNode answer = wire.post("/mj/submit/action", Wire.body("taskId", upscale,
                "customId", "MJ::JOB::reroll::0::" + hash + "::SOLO")).json();

        assertThat(answer.path("code").asInt()).isEqualTo(4);
        assertThat(answer.path("result").isNull()).isTrue();
    }

    @Test
    void actingOnATaskThatIsNotSuccessIsCode4() {
        String running = wire.imagine("/mj", "a grey wolf");
        clock.advance(Duration.ofSeconds(1));

        JsonNode answer = wire.post("/mj/submit/action", Wire.body("taskId", running,
                "customId", Wire.button(gridTask, "🔄"))).json();

        assertThat(answer.path("code").asInt()).isEqualTo(4);
        assertThat(answer.path("description").asText()).isEqualTo("关联任务状态错误");
    }

    @Test
    void aCustomIdTheParentDoesNotHaveIsCode4() {
        JsonNode answer = wire.post("/mj/submit/action", Wire.body("taskId", grid,
                "customId", "MJ::JOB::upsample::1::00000000-0000-4000-8000-000000000000")).json();

        assertThat(answer.path("code").asInt()).isEqualTo(4);
    }

    @Test
    void anUnknownParentIs404WithCode3() {
        Wire.Answer answer = wire.post("/mj/submit/action", Wire.body("taskId", "1234567890123456",
                "customId", Wire.button(gridTask, "U1")));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("code").asInt()).isEqualTo(3);
        assertThat(answer.json().path("result").isNull()).isTrue();
        assertThat(answer.json().path("properties").isObject()).isTrue();
    }

    @Test
    void changeWorksByIndexAndAnswersAnUnknownParentWithHttp200Code3() {
        JsonNode upscale = wire.post("/mj/submit/change", Wire.body("taskId", grid, "action", "UPSCALE",
                "index", 3)).json();
        JsonNode reroll = wire.post("/mj/submit/change", Wire.body("taskId", grid, "action", "REROLL")).json();
        Wire.Answer unknown = wire.post("/mj/submit/change", Wire.body("taskId", "1", "action", "REROLL"));
        JsonNode badIndex = wire.post("/mj/submit/change", Wire.body("taskId", grid, "action", "VARIATION",
                "index", 5)).json();
        JsonNode badAction = wire.post("/mj/submit/change", Wire.body("taskId", grid, "action", "ZOOM")).json();

        assertThat(upscale.path("code").asInt()).isEqualTo(1);
        assertThat(wire.fetch(upscale.path("result").asText()).path("action").asText()).isEqualTo("UPSCALE");
        assertThat(wire.fetch(reroll.path("result").asText()).path("action").asText()).isEqualTo("REROLL");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().path("code").asInt()).isEqualTo(3);
        assertThat(badIndex.path("code").asInt()).isEqualTo(4);
        assertThat(badAction.path("code").asInt()).isEqualTo(4);
    }
}
