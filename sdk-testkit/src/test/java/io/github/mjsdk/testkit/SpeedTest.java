package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.model.Speed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpeedTest {
    private final SimulatedClock clock = new SimulatedClock();
    private FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).start();
    private Wire wire = new Wire(server);

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    @Test
    void eachTierPrefixRecordsItsModeAndTurboIsFasterThanFastIsFasterThanRelax() {
        String turbo = wire.imagine("/mj-turbo/mj", "a fox");
        String fast = wire.imagine("/mj-fast/mj", "a fox");
        String relax = wire.imagine("/mj-relax/mj", "a fox");

        clock.advance(Duration.ofSeconds(2));
        assertThat(status(turbo)).isEqualTo("SUCCESS");
        assertThat(status(fast)).isEqualTo("IN_PROGRESS");
        assertThat(status(relax)).isEqualTo("IN_PROGRESS");
        clock.advance(Duration.ofSeconds(2));
        assertThat(status(fast)).isEqualTo("SUCCESS");
        assertThat(status(relax)).isEqualTo("IN_PROGRESS");
        clock.advance(Duration.ofSeconds(4));
        assertThat(status(relax)).isEqualTo("SUCCESS");

        assertThat(wire.fetch(turbo).path("mode").asText()).isEqualTo("TURBO");
        assertThat(wire.fetch(fast).path("mode").asText()).isEqualTo("FAST");
        assertThat(wire.fetch(relax).path("mode").asText()).isEqualTo("RELAX");
        assertThat(elapsed(turbo)).isLessThan(elapsed(fast));
        assertThat(elapsed(fast)).isLessThan(elapsed(relax));
    }

    @Test
    void plainMjRunsAsFast() {
        String id = wire.imagine("/mj", "a fox");
        clock.advance(Duration.ofSeconds(4));

        JsonNode task = wire.fetch(id);
        assertThat(task.path("mode").asText()).isEqualTo("FAST");
        assertThat(elapsed(id)).isEqualTo(4000);
        assertThat(server.duration(null)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void withoutAPrefixTheAccountFilterThenAPromptFlagChooseTheMode() {
        JsonNode filtered = wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox --turbo",
                "accountFilter", Map.of("modes", List.of("RELAX")))).json();
        String flagged = wire.imagine("/mj", "a fox --turbo");
        String prefixed = wire.imagine("/mj-relax/mj", "a fox --turbo");

        assertThat(wire.fetch(filtered.path("result").asText()).path("mode").asText()).isEqualTo("RELAX");
        assertThat(wire.fetch(flagged).path("mode").asText()).isEqualTo("TURBO");
        assertThat(wire.fetch(prefixed).path("mode").asText()).isEqualTo("RELAX");
        assertThat(wire.fetch(prefixed).path("properties").path("finalPrompt").asText()).isEqualTo("a fox --relax");
    }

    @Test
    void durationsAreConfigurable() {
        close();
        server = FakeMidjourneyServer.builder().clock(clock)
                .duration(Speed.TURBO, Duration.ofMillis(40))
                .duration(Speed.FAST, Duration.ofMillis(100))
                .duration(Speed.RELAX, Duration.ofMillis(300)).start();
        wire = new Wire(server);

        String turbo = wire.imagine("/mj-turbo/mj", "a fox");
        String relax = wire.imagine("/mj-relax/mj", "a fox");
        clock.advance(Duration.ofMillis(100));

        assertThat(status(turbo)).isEqualTo("SUCCESS");
        assertThat(elapsed(turbo)).isEqualTo(40);
        assertThat(status(relax)).isEqualTo("IN_PROGRESS");
        assertThat(server.duration(Speed.RELAX)).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void anActionRunsAtTheTierItWasSubmittedUnder() {
        String grid = wire.imagine("/mj-relax/mj", "a fox");
        clock.advance(Duration.ofSeconds(8));
        String u1 = Wire.button(wire.fetch(grid), "U1");

        JsonNode answer = wire.post("/mj-turbo/mj/submit/action", Wire.body("taskId", grid, "customId", u1)).json();
        String upscale = answer.path("result").asText();
        clock.advance(Duration.ofSeconds(2));

        assertThat(wire.fetch(upscale).path("mode").asText()).isEqualTo("TURBO");
        assertThat(status(upscale)).isEqualTo("SUCCESS");
    }

    private String status(String id) {
        return wire.fetch(id).path("status").asText();
    }

    private long elapsed(String id) {
        JsonNode task = wire.fetch(id);
        return task.path("finishTime").asLong() - task.path("submitTime").asLong();
    }
}
