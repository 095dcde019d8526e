package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.Speed;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JournalTest {
    private final SimulatedClock clock = new SimulatedClock();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    @Test
    void everyRequestIsRecordedWithItsRouteTierHeadersBodyAndStatus() {
        String id = wire.imagine("/mj-turbo/mj", "a fox");
        clock.advance(Duration.ofSeconds(3));
        wire.get("/mj/task/" + id + "/fetch");
        wire.getUrl(server.baseUrl() + "/mj/image/" + id);
        wire.get("/nowhere");

        assertThat(server.journal()).extracting(RecordedCall::route)
                .containsExactly(Route.IMAGINE, Route.FETCH, Route.IMAGE, Route.OTHER);
        RecordedCall imagine = server.journal(Route.IMAGINE).get(0);
        assertThat(imagine.method()).isEqualTo("POST");
        assertThat(imagine.path()).isEqualTo("/mj-turbo/mj/submit/imagine");
        assertThat(imagine.tier()).isEqualTo(Speed.TURBO);
        assertThat(imagine.header("authorization")).isEqualTo("Bearer " + server.apiKey());
        assertThat(imagine.header("Content-Type")).startsWith("application/json");
        assertThat(imagine.body()).isEqualTo("{\"prompt\":\"a fox\"}");
        assertThat(imagine.status()).isEqualTo(200);
        assertThat(imagine.time()).isEqualTo(SimulatedClock.DEFAULT_START);
        RecordedCall fetch = server.journal(Route.FETCH).get(0);
        assertThat(fetch.tier()).isNull();
        assertThat(fetch.body()).isEmpty();
        assertThat(fetch.time()).isEqualTo(SimulatedClock.DEFAULT_START.plusSeconds(3));
        assertThat(server.journal(Route.OTHER).get(0).status()).isEqualTo(404);
        assertThat(server.journal(Route.ANY)).hasSize(4);
    }

    @Test
    void clearJournalForgetsEverything() {
        wire.imagine("/mj", "a fox");
        server.clearJournal();

        assertThat(server.journal()).isEmpty();
    }
}
