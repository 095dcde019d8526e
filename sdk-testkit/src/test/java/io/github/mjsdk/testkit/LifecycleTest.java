package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    private final SimulatedClock clock = new SimulatedClock();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).randomSeed(1).start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    @Test
    void aTaskGoesFromNotStartThroughSubmittedAndRisingProgressToSuccess() {
        String id = wire.imagine("/mj", "a red fox in fresh snow --ar 3:2");

        JsonNode waiting = wire.fetch(id);
        assertThat(id).matches("[0-9]{16}");
        assertThat(waiting.path("id").asText()).isEqualTo(id);
        assertThat(waiting.path("action").asText()).isEqualTo("IMAGINE");
        assertThat(waiting.path("status").asText()).isEqualTo("NOT_START");
        assertThat(waiting.path("progress").asText()).isEqualTo("0%");
        assertThat(waiting.path("submitTime").asLong()).isEqualTo(SimulatedClock.DEFAULT_START.toEpochMilli());
        assertThat(waiting.path("startTime").isNull()).isTrue();
        assertThat(waiting.path("finishTime").isNull()).isTrue();
        assertThat(waiting.path("imageUrl").isNull()).isTrue();
        assertThat(waiting.path("buttons").isArray()).isTrue();
        assertThat(waiting.path("buttons")).isEmpty();
        assertThat(waiting.path("prompt").asText()).isEqualTo("a red fox in fresh snow --ar 3:2");
        assertThat(waiting.path("description").asText()).isEqualTo("/imagine a red fox in fresh snow --ar 3:2");

        clock.advance(Duration.ofMillis(200));
        JsonNode submitted = wire.fetch(id);
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("progress").asText()).isEqualTo("0%");
        assertThat(submitted.path("startTime").asLong()).isEqualTo(clock.millis());

        List<Integer> progress = new ArrayList<>();
        String preview = null;
        for (int step = 0; step < 38; step++) {
            clock.advance(Duration.ofMillis(100));
            JsonNode task = wire.fetch(id);
            if (task.path("status").asText().equals("IN_PROGRESS")) {
                progress.add(Integer.parseInt(task.path("progress").asText().replace("%", "")));
                assertThat(task.path("progress").asText()).endsWith("%");
                assertThat(task.path("buttons")).isEmpty();
                assertThat(task.path("properties").path("messageHash").asText()).isNotEmpty();
                preview = task.path("imageUrl").asText();
                assertThat(preview).startsWith(server.baseUrl() + "/mj/image/" + id + "/preview/");
            }
        }
        assertThat(progress).isSorted().contains(15, 31, 46, 62, 78, 93).allMatch(p -> p > 0 && p < 100);
        assertThat(wire.getUrl(preview).status()).isEqualTo(200);

        clock.advance(Duration.ofMillis(200));
        JsonNode done = wire.fetch(id);
        assertThat(done.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(done.path("progress").asText()).isEqualTo("100%");
        assertThat(done.path("finishTime").asLong()).isEqualTo(SimulatedClock.DEFAULT_START.toEpochMilli() + 4000);
        assertThat(done.path("imageUrl").asText()).isEqualTo(server.baseUrl() + "/mj/image/" + id);
        assertThat(done.path("buttons")).hasSize(9);
        assertThat(done.path("imageUrls")).hasSize(4);
        assertThat(done.path("imageUrls").get(0).path("url").asText())
                .isEqualTo(server.baseUrl() + "/mj/image/" + id + "/1");
        assertThat(done.path("failReason").isNull()).isTrue();
        assertThat(done.path("mode").asText()).isEqualTo("FAST");
        assertThat(done.path("seed").asText()).matches("[0-9]+");
        JsonNode properties = done.path("properties");
        assertThat(properties.path("finalPrompt").asText()).isEqualTo("a red fox in fresh snow --ar 3:2 --fast");
        assertThat(properties.path("messageHash").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(properties.path("discordInstanceId").asText()).matches("[0-9]{19}");
    }

    @Test
    void nothingMovesWhileTheClockStandsStill() {
        String id = wire.imagine("/mj", "a lighthouse");
        clock.advance(Duration.ofSeconds(1));
        JsonNode first = wire.fetch(id);
        JsonNode second = wire.fetch(id);

        assertThat(second).isEqualTo(first);
        assertThat(first.path("status").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void timestampsAreEpochMillisecondsOnTheServersClock() {
        clock.advance(Duration.ofMillis(1234));
        String id = wire.imagine("/mj", "a lighthouse");
        clock.advance(Duration.ofSeconds(10));

        JsonNode task = wire.fetch(id);
        long submit = SimulatedClock.DEFAULT_START.toEpochMilli() + 1234;
        assertThat(task.path("submitTime").asLong()).isEqualTo(submit);
        assertThat(task.path("startTime").asLong()).isEqualTo(submit + 200);
        assertThat(task.path("finishTime").asLong()).isEqualTo(submit + 4000);
        assertThat(id).startsWith(Long.toString(submit));
    }
}
