package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueriesTest {
    private final SimulatedClock clock = new SimulatedClock();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    @Test
    void fetchOfAnUnknownIdIsHttp200WithAnEmptyBody() {
        Wire.Answer answer = wire.get("/mj/task/1234567890123456/fetch");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.headers().get("Content-Length")).isEqualTo("0");
    }

    @Test
    void fetchWorksUnderATierPrefixToo() {
        String id = wire.imagine("/mj", "a fox");

        assertThat(wire.get("/mj-turbo/mj/task/" + id + "/fetch").json().path("id").asText()).isEqualTo(id);
    }

    @Test
    void listByConditionAnswersKnownTasksInTheOrderAskedAndLeavesUnknownIdsOut() {
        String first = wire.imagine("/mj", "a fox");
        String second = wire.imagine("/mj-turbo/mj", "a wolf");
        clock.advance(Duration.ofSeconds(2));

        JsonNode tasks = wire.post("/mj/task/list-by-condition",
                Wire.body("ids", List.of(second, "999", first, second))).json();

        List<String> ids = new ArrayList<>();
        tasks.forEach(task -> ids.add(task.path("id").asText()));
        assertThat(ids).containsExactly(second, first);
        assertThat(tasks.get(0).path("status").asText()).isEqualTo("SUCCESS");
        assertThat(tasks.get(1).path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(tasks.get(0)).isEqualTo(wire.fetch(second));
    }

    @Test
    void listByConditionWithoutKnownIdsIsAnEmptyArray() {
        assertThat(wire.post("/mj/task/list-by-condition", Wire.body("ids", List.of("1", "2"))).json())
                .isEmpty();
        JsonNode noIds = wire.post("/mj/task/list-by-condition", "{}").json();
        assertThat(noIds.isArray()).isTrue();
        assertThat(noIds).isEmpty();
    }

    @Test
    void unknownPathsAndWrongMethodsAnswerSpringErrors() {
        Wire.Answer unknown = wire.get("/mj/task/list");
        Wire.Answer getSubmit = wire.get("/mj/submit/imagine");
        Wire.Answer vip = wire.post("/mj-vip/mj/submit/imagine", Wire.body("prompt", "a fox"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("path").asText()).isEqualTo("/mj/task/list");
        assertThat(getSubmit.status()).isEqualTo(405);
        assertThat(vip.status()).isEqualTo(404);
    }
}
