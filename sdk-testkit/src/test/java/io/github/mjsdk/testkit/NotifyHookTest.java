package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotifyHookTest {
    private final SimulatedClock clock = new SimulatedClock();
    private final MockWebServer receiver = new MockWebServer();
    private FakeMidjourneyServer server;
    private Wire wire;

    @BeforeEach
    void start() throws IOException {
        QueueDispatcher dispatcher = new QueueDispatcher();
        dispatcher.setFailFast(new MockResponse.Builder().code(200).build());
        receiver.setDispatcher(dispatcher);
        receiver.start();
        server = FakeMidjourneyServer.builder().clock(clock).remix(true).start();
        wire = new Wire(server);
    }

    @AfterEach
    void close() {
        wire.close();
        server.close();
        receiver.close();
    }

    @Test
    void everyChangeIsPostedAsTheFullTaskJsonInOrderEvenWhenTimeJumps() throws Exception {
        String hook = receiver.url("/hooks/mj?secret=s3").toString();
        String id = wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox", "notifyHook", hook,
                "state", "order-42")).json().path("result").asText();

        clock.advance(Duration.ofSeconds(10));

        List<String> states = new ArrayList<>();
        JsonNode last = null;
        for (int i = 0; i < 8; i++) {
            RecordedRequest callback = receiver.takeRequest(10, TimeUnit.SECONDS);
            assertThat(callback).isNotNull();
            assertThat(callback.getMethod()).isEqualTo("POST");
            assertThat(callback.getTarget()).isEqualTo("/hooks/mj?secret=s3");
            assertThat(callback.getHeaders().get("Content-Type")).startsWith("application/json");
            last = Wire.JSON.readTree(callback.getBody().utf8());
            assertThat(last.path("id").asText()).isEqualTo(id);
            assertThat(last.path("state").asText()).isEqualTo("order-42");
            states.add(last.path("status").asText() + " " + last.path("progress").asText());
        }
        assertThat(states).containsExactly("SUBMITTED 0%", "IN_PROGRESS 15%", "IN_PROGRESS 31%",
                "IN_PROGRESS 46%", "IN_PROGRESS 62%", "IN_PROGRESS 78%", "IN_PROGRESS 93%", "SUCCESS 100%");
        assertThat(last).isEqualTo(wire.fetch(id));
        clock.advance(Duration.ofSeconds(10));
        String marker = wire.post("/mj/submit/imagine", Wire.body("prompt", "a marker", "notifyHook", hook)).json()
                .path("result").asText();
        clock.advance(Duration.ofMillis(200));
        JsonNode next = Wire.JSON.readTree(receiver.takeRequest(10, TimeUnit.SECONDS).getBody().utf8());
        assertThat(next.path("id").asText()).as("nothing more for the finished task").isEqualTo(marker);
    }

    @Test
    void aModalTaskAndAFailureAreReportedToo() throws Exception {
        String hook = receiver.url("/hook").toString();
        String grid = wire.imagine("/mj", "a fox");
        clock.advance(Duration.ofSeconds(4));
        String reroll = Wire.button(wire.fetch(grid), "🔄");
        String modal = wire.post("/mj/submit/action", Wire.body("taskId", grid, "customId", reroll,
                "notifyHook", hook)).json().path("result").asText();

        JsonNode parked = Wire.JSON.readTree(receiver.takeRequest(10, TimeUnit.SECONDS).getBody().utf8());
        assertThat(parked.path("id").asText()).isEqualTo(modal);
        assertThat(parked.path("status").asText()).isEqualTo("MODAL");

        wire.post("/mj/submit/modal", Wire.body("taskId", modal, "prompt", "a fox --bogus"));
        clock.advance(Duration.ofSeconds(1));
        JsonNode submitted = Wire.JSON.readTree(receiver.takeRequest(10, TimeUnit.SECONDS).getBody().utf8());
        JsonNode failed = Wire.JSON.readTree(receiver.takeRequest(10, TimeUnit.SECONDS).getBody().utf8());
        assertThat(submitted.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(failed.path("status").asText()).isEqualTo("FAILURE");
        assertThat(failed.path("progress").asText()).isEmpty();
        assertThat(failed.path("failReason").asText()).contains("--bogus");
    }

    @Test
    void onAnyOtherClockATickerSendsTheCallbacks() throws Exception {
        HandMovedClock other = new HandMovedClock();
        try (FakeMidjourneyServer ticking = FakeMidjourneyServer.builder().clock(other).start();
             Wire tickingWire = new Wire(ticking)) {
            String hook = receiver.url("/tick").toString();
            tickingWire.post("/mj/submit/imagine", Wire.body("prompt", "a fox", "notifyHook", hook));

            other.now = other.now.plusSeconds(4);

            List<String> states = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                JsonNode task = Wire.JSON.readTree(receiver.takeRequest(10, TimeUnit.SECONDS).getBody().utf8());
                states.add(task.path("status").asText());
            }
            assertThat(states).startsWith("SUBMITTED", "IN_PROGRESS").endsWith("SUCCESS");
        }
    }

    /** A clock that is not a SimulatedClock, moved by the test: the server cannot listen to it, so it ticks. */
    private static final class HandMovedClock extends Clock {
        volatile Instant now = SimulatedClock.DEFAULT_START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aServerWideHookServesTasksThatNameNone() throws Exception {
        server.close();
        server = FakeMidjourneyServer.builder().clock(clock).notifyHook(receiver.url("/all").toString()).start();
        wire.close();
        wire = new Wire(server);
        wire.imagine("/mj", "a fox");
        clock.advance(Duration.ofMillis(200));

        RecordedRequest callback = receiver.takeRequest(10, TimeUnit.SECONDS);
        assertThat(callback.getTarget()).isEqualTo("/all");
    }
}
