package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemixTest {
    private static final String MASK = "data:image/png;base64,iVBORw0KGgo=";
    private final SimulatedClock clock = new SimulatedClock();
    private FakeMidjourneyServer server;
    private Wire wire;

    private String finishedGrid(boolean remix) {
        server = FakeMidjourneyServer.builder().clock(clock).remix(remix).start();
        wire = new Wire(server);
        String grid = wire.imagine("/mj", "a red fox");
        clock.advance(Duration.ofSeconds(4));
        return grid;
    }

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    @Test
    void withRemixOnRerollAnswersCode21AndParksAModalTaskUntilTheModalIsSubmitted() {
        String grid = finishedGrid(true);
        JsonNode answer = wire.post("/mj/submit/action", Wire.body("taskId", grid,
                "customId", Wire.button(wire.fetch(grid), "🔄"))).json();

        assertThat(answer.path("code").asInt()).isEqualTo(21);
        assertThat(answer.path("properties").path("remix").asBoolean()).isTrue();
        assertThat(answer.path("properties").path("finalPrompt").asText()).isEqualTo("a red fox");
        String modal = answer.path("result").asText();
        clock.advance(Duration.ofMinutes(5));
        assertThat(wire.fetch(modal).path("status").asText()).isEqualTo("MODAL");

        JsonNode confirmed = wire.post("/mj/submit/modal", Wire.body("taskId", modal,
                "prompt", "a red fox in the snow")).json();
        assertThat(confirmed.path("code").asInt()).isEqualTo(1);
        assertThat(confirmed.path("result").asText()).isEqualTo(modal);
        assertThat(wire.fetch(modal).path("status").asText()).isEqualTo("NOT_START");
        clock.advance(Duration.ofSeconds(4));
        JsonNode done = wire.fetch(modal);
        assertThat(done.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(done.path("prompt").asText()).isEqualTo("a red fox in the snow");
    }

    @Test
    void withRemixOnVariationAlsoStopsInModalAndABlankModalPromptKeepsTheParentPrompt() {
        String grid = finishedGrid(true);
        String modal = wire.click(grid, Wire.button(wire.fetch(grid), "V2"));
        assertThat(wire.fetch(modal).path("status").asText()).isEqualTo("MODAL");

        assertThat(wire.post("/mj/submit/modal", Wire.body("taskId", modal)).json().path("code").asInt())
                .isEqualTo(1);
        clock.advance(Duration.ofSeconds(4));
        assertThat(wire.fetch(modal).path("prompt").asText()).isEqualTo("a red fox");
        assertThat(wire.fetch(modal).path("action").asText()).isEqualTo("VARIATION");
    }

    @Test
    void remixCanBeAskedPerRequest() {
        String grid = finishedGrid(false);
        String reroll = Wire.button(wire.fetch(grid), "🔄");

        JsonNode plain = wire.post("/mj/submit/action", Wire.body("taskId", grid, "customId", reroll)).json();
        JsonNode remixed = wire.post("/mj/submit/action", Wire.body("taskId", grid, "customId", reroll,
                "enableRemix", true)).json();

        assertThat(plain.path("code").asInt()).isEqualTo(1);
        assertThat(remixed.path("code").asInt()).isEqualTo(21);
        assertThat(wire.fetch(remixed.path("result").asText()).path("status").asText()).isEqualTo("MODAL");
    }

    @Test
    void upscalesNeverStopInModal() {
        String grid = finishedGrid(true);
        JsonNode answer = wire.post("/mj/submit/action", Wire.body("taskId", grid,
                "customId", Wire.button(wire.fetch(grid), "U1"))).json();

        assertThat(answer.path("code").asInt()).isEqualTo(1);
    }

    @Test
    void varyRegionAlwaysNeedsAModalWithAMask() {
        String grid = finishedGrid(false);
        String upscale = wire.click(grid, Wire.button(wire.fetch(grid), "U4"));
        clock.advance(Duration.ofSeconds(4));

        JsonNode answer = wire.post("/mj/submit/action", Wire.body("taskId", upscale,
                "customId", Wire.button(wire.fetch(upscale), "Vary (Region)"))).json();
        assertThat(answer.path("code").asInt()).isEqualTo(21);
        String modal = answer.path("result").asText();

        assertThat(wire.post("/mj/submit/modal", Wire.body("taskId", modal, "prompt", "a hat"))
                .json().path("code").asInt()).isEqualTo(4);
        assertThat(wire.post("/mj/submit/modal", Wire.body("taskId", modal, "prompt", "a hat",
                "maskBase64", MASK)).json().path("code").asInt()).isEqualTo(1);
    }

    @Test
    void customZoomAlwaysNeedsAModalWithAZoomBetween1And2() {
        String grid = finishedGrid(false);
        String upscale = wire.click(grid, Wire.button(wire.fetch(grid), "U4"));
        clock.advance(Duration.ofSeconds(4));
        String modal = wire.click(upscale, Wire.button(wire.fetch(upscale), "Custom Zoom"));

        assertThat(wire.fetch(modal).path("status").asText()).isEqualTo("MODAL");
        assertThat(wire.post("/mj/submit/modal", Wire.body("taskId", modal, "prompt", "a red fox"))
                .json().path("code").asInt()).isEqualTo(4);
        assertThat(wire.post("/mj/submit/modal", Wire.body("taskId", modal, "prompt", "a red fox --zoom 3"))
                .json().path("code").asInt()).isEqualTo(4);
        assertThat(wire.post("/mj/submit/modal", Wire.body("taskId", modal, "prompt", "a red fox --zoom 1.5"))
                .json().path("code").asInt()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(4));
        assertThat(wire.fetch(modal).path("action").asText()).isEqualTo("ZOOM");
        assertThat(wire.fetch(modal).path("status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void aModalForATaskThatIsNotModalIsCode4AndForAnUnknownTask404Code3() {
        String grid = finishedGrid(true);

        assertThat(wire.post("/mj/submit/modal", Wire.body("taskId", grid, "prompt", "x")).json()
                .path("code").asInt()).isEqualTo(4);
        Wire.Answer unknown = wire.post("/mj/submit/modal", Wire.body("taskId", "42", "prompt", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asInt()).isEqualTo(3);
    }
}
