package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LimitsTest {
    private final SimulatedClock clock = new SimulatedClock();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock)
            .concurrency(2).queueSize(2).bannedWords(List.of("Forbidden")).start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    @Test
    void jobsBeyondTheConcurrencyLimitQueueWithTheirPlaceAndBeyondTheQueueAreRefused() {
        JsonNode[] answers = new JsonNode[5];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = wire.post("/mj/submit/imagine", Wire.body("prompt", "fox " + i)).json();
        }

        assertThat(answers[0].path("code").asInt()).isEqualTo(1);
        assertThat(answers[1].path("code").asInt()).isEqualTo(1);
        assertThat(answers[2].path("code").asInt()).isEqualTo(22);
        assertThat(answers[2].path("properties").path("numberOfQueues").asInt()).isEqualTo(1);
        assertThat(answers[3].path("code").asInt()).isEqualTo(22);
        assertThat(answers[3].path("properties").path("numberOfQueues").asInt()).isEqualTo(2);
        assertThat(answers[4].path("code").asInt()).isEqualTo(23);
        assertThat(answers[4].path("result").isNull()).isTrue();
        assertThat(server.journal(Route.IMAGINE)).hasSize(5);
    }

    @Test
    void aQueuedJobStartsTheMomentASlotFrees() {
        String first = wire.imagine("/mj", "fox 1");
        clock.advance(Duration.ofSeconds(1));
        wire.imagine("/mj", "fox 2");
        String queued = wire.post("/mj/submit/imagine", Wire.body("prompt", "fox 3")).json()
                .path("result").asText();

        clock.advance(Duration.ofSeconds(2));
        assertThat(wire.fetch(queued).path("status").asText()).isEqualTo("NOT_START");
        clock.advance(Duration.ofMillis(1300));
        JsonNode started = wire.fetch(queued);
        assertThat(started.path("status").asText()).isEqualTo("SUBMITTED");
        long firstFinish = wire.fetch(first).path("finishTime").asLong();
        assertThat(started.path("startTime").asLong()).isEqualTo(firstFinish + 200);
        clock.advance(Duration.ofSeconds(4));
        assertThat(wire.fetch(queued).path("finishTime").asLong()).isEqualTo(firstFinish + 4000);
    }

    @Test
    void aBannedWordIsCode24WithTheWord() {
        JsonNode answer = wire.post("/mj/submit/imagine", Wire.body("prompt", "a FORBIDDEN garden")).json();

        assertThat(answer.path("code").asInt()).isEqualTo(24);
        assertThat(answer.path("result").isNull()).isTrue();
        assertThat(answer.path("properties").path("bannedWord").asText()).isEqualTo("forbidden");
        assertThat(answer.path("properties").path("promptEn").asText()).isEqualTo("a FORBIDDEN garden");
        assertThat(wire.post("/mj/submit/imagine", Wire.body("prompt", "unforbiddenly fine")).json()
                .path("code").asInt()).isEqualTo(1);
    }

    @Test
    void anInvalidParameterIsAcceptedAndThenFailsWithAReason() {
        String unknown = wire.imagine("/mj", "a fox --foo 3");
        String badValue = wire.imagine("/mj", "a fox --ar 0:1");
        clock.advance(Duration.ofMillis(300));
        assertThat(wire.fetch(unknown).path("status").asText()).isEqualTo("SUBMITTED");
        clock.advance(Duration.ofMillis(300));

        JsonNode failed = wire.fetch(unknown);
        assertThat(failed.path("status").asText()).isEqualTo("FAILURE");
        assertThat(failed.path("progress").asText()).isEmpty();
        assertThat(failed.path("failReason").asText())
                .isEqualTo("[Invalid parameter] Unrecognized parameter(s): `--foo`");
        assertThat(failed.path("finishTime").asLong()).isEqualTo(SimulatedClock.DEFAULT_START.toEpochMilli() + 600);
        assertThat(failed.path("buttons")).isEmpty();
        assertThat(failed.path("imageUrl").isNull()).isTrue();
        assertThat(wire.fetch(badValue).path("failReason").asText())
                .isEqualTo("[Invalid parameter] Invalid value for `--ar`: `0:1`");
    }

    @Test
    void validParametersDoNotFail() {
        String id = wire.imagine("/mj", "a fox --ar 16:9 --v 6.1 --stylize 250 --no trees, cars --tile --seed 7");
        clock.advance(Duration.ofSeconds(4));

        JsonNode task = wire.fetch(id);
        assertThat(task.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(task.path("seed").asText()).isEqualTo("7");
    }

    @Test
    void aBlankPromptOrBrokenBase64IsCode4() {
        assertThat(wire.post("/mj/submit/imagine", Wire.body("prompt", "  ")).json().path("code").asInt())
                .isEqualTo(4);
        assertThat(wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox",
                "base64Array", List.of("not a data url"))).json().path("code").asInt()).isEqualTo(4);
        assertThat(wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox", "botType", "DALL_E")).json()
                .path("code").asInt()).isEqualTo(4);
        Wire.Answer notJson = wire.post("/mj/submit/imagine", "{oops");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("error").asText()).isEqualTo("Bad Request");
    }

    @Test
    void imagePromptsAreUploadedAndTheirLinksPrependedToThePrompt() {
        byte[] image = "fake png bytes".getBytes(StandardCharsets.US_ASCII);
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(image);
        JsonNode answer = wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox",
                "base64Array", List.of(dataUrl))).json();
        String id = answer.path("result").asText();

        String prompt = wire.fetch(id).path("prompt").asText();
        String link = server.baseUrl() + "/mj/attachments/" + id + "-1.png";
        assertThat(prompt).isEqualTo(link + " a fox");
        Wire.Answer upload = wire.getUrl(link);
        assertThat(upload.body()).isEqualTo(image);
        assertThat(upload.headers().get("Content-Type")).isEqualTo("image/png");
    }
}
