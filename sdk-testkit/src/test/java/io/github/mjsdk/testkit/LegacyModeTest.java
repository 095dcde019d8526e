package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Legacy open-source mode: what novicezk/midjourney-proxy 2.6 answers (docs/protocols.md, "Observed behaviour of novicezk/midjourney-proxy v2.6.3"). */
class LegacyModeTest {
    private final SimulatedClock clock = new SimulatedClock();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock)
            .legacyOpenSource(true).start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    @Test
    void tasksHaveNoButtonsAndNoTrueaiFields() {
        String id = wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox", "notifyHook",
                "http://127.0.0.1:9/hook")).json().path("result").asText();
        clock.advance(Duration.ofSeconds(4));

        JsonNode task = wire.fetch(id);
        assertThat(task.path("status").asText()).isEqualTo("SUCCESS");
        assertThat(task.has("buttons")).isFalse();
        assertThat(task.has("mode")).isFalse();
        assertThat(task.has("imageUrls")).isFalse();
        assertThat(task.path("properties").path("notifyHook").asText()).isEqualTo("http://127.0.0.1:9/hook");
    }

    @Test
    void tierPrefixesAndPathsOutsideMjAreTomcatsHtml404() {
        for (String path : new String[]{"/mj-turbo/mj/submit/imagine", "/mj-fast/mj/task/1/fetch",
                "/mj-relax/mj/submit/change", "/v1/midjourney/generations"}) {
            Wire.Answer answer = wire.post(path, Wire.body("prompt", "a fox"));
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.headers().get("Content-Type")).startsWith("text/html");
            assertThat(answer.text()).contains("<title>HTTP Status 404").contains("Apache Tomcat");
        }
    }

    @Test
    void actionAndModalAre404WithSpringsJsonError() {
        for (String path : new String[]{"/mj/submit/action", "/mj/submit/modal"}) {
            Wire.Answer answer = wire.post(path, Wire.body("taskId", "1", "customId", "x", "prompt", "a fox"));
            assertThat(answer.status()).as(path).isEqualTo(404);
            JsonNode error = answer.json();
            assertThat(error.path("status").asInt()).isEqualTo(404);
            assertThat(error.path("error").asText()).isEqualTo("Not Found");
            assertThat(error.path("path").asText()).isEqualTo(path);
            assertThat(error.path("timestamp").asText()).startsWith("2026-01-01T00:00:00.000");
            assertThat(error.has("code")).isFalse();
        }
    }

    @Test
    void changeMakesUpscalesVariationsAndRerollsWithTheRerollAction() {
        String grid = wire.imagine("/mj", "a fox");
        clock.advance(Duration.ofSeconds(4));
        String reroll = wire.post("/mj/submit/change", Wire.body("taskId", grid, "action", "REROLL")).json()
                .path("result").asText();
        clock.advance(Duration.ofSeconds(4));
        String upscale = wire.post("/mj/submit/change", Wire.body("taskId", reroll, "action", "UPSCALE",
                "index", 1)).json().path("result").asText();
        clock.advance(Duration.ofSeconds(4));

        assertThat(wire.fetch(reroll).path("action").asText()).isEqualTo("REROLL");
        assertThat(wire.fetch(reroll).path("description").asText()).isEqualTo("/up " + grid + " R");
        assertThat(wire.fetch(upscale).path("action").asText()).isEqualTo("UPSCALE");
        JsonNode again = wire.post("/mj/submit/change", Wire.body("taskId", upscale, "action", "REROLL")).json();
        assertThat(again.path("code").asInt()).isEqualTo(4);
    }

    @Test
    void theSdkFallsBackToChangeAndReportsTheMissingActionRoute() throws Exception {
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer legacy = FakeMidjourneyServer.builder().virtualTime(time)
                     .legacyOpenSource(true).start();
             MidjourneyClient client = legacy.newClient()) {
            Task grid = client.imagine("a fox", null).get(20, TimeUnit.SECONDS);
            Task reroll = client.reroll(grid.id(), null).get(20, TimeUnit.SECONDS);
            Task upscale = client.upscale(reroll.id(), 2, null).get(20, TimeUnit.SECONDS);

            assertThat(grid.buttons()).isEmpty();
            assertThat(reroll.action()).isEqualTo(TaskAction.REROLL);
            assertThat(upscale.action()).isEqualTo(TaskAction.UPSCALE);
            assertThat(legacy.journal(Route.CHANGE)).hasSize(2);
            assertThat(legacy.journal(Route.ACTION)).isEmpty();
            int before = legacy.journal().size();
            assertThatThrownBy(() -> client.submitAction(ActionRequest.of(grid.id(), "MJ::JOB::upsample::1::x")))
                    .isInstanceOf(io.github.mjsdk.error.OperationNotSupportedException.class)
                    .hasMessageContaining("midjourney-proxy");
            assertThat(legacy.journal()).hasSize(before);
        }
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer legacy = FakeMidjourneyServer.builder().virtualTime(time)
                     .legacyOpenSource(true).start();
             MidjourneyClient client = legacy.newClientBuilder().provider(io.github.mjsdk.provider.Providers
                     .midjourneyProxy(legacy.baseUrl()).withOperation(
                             io.github.mjsdk.provider.MidjourneyOperation.BUTTON, true)).build()) {
            Task grid = client.imagine("a fox", null).get(20, TimeUnit.SECONDS);
            assertThatThrownBy(() -> client.submitAction(ActionRequest.of(grid.id(), "MJ::JOB::upsample::1::x"))
                    .get(20, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(NotFoundException.class,
                            e -> assertThat(e.getMessage()).contains("older"));
        }
    }

    @Test
    void theSdkRefusesTiersAndNonGridParentsBeforeSendingAndAcceptsTheDocumentedMjBase() throws Exception {
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer legacy = FakeMidjourneyServer.builder().virtualTime(time)
                     .legacyOpenSource(true).start();
             MidjourneyClient client = legacy.newClientBuilder()
                     .baseUrl(legacy.baseUrl().replaceAll("/+$", "") + "/mj").build()) {
            Task grid = client.imagine("a fox", null).get(20, TimeUnit.SECONDS);
            int before = legacy.journal().size();

            assertThatThrownBy(() -> client.reroll(grid.id(), io.github.mjsdk.model.Speed.TURBO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("midjourney-proxy")
                    .hasMessageContaining("no /mj-turbo route").hasMessageContaining("withSpeedTiers(true)");
            assertThatThrownBy(() -> client.imagine("a cat", io.github.mjsdk.model.Speed.FAST))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/mj-fast");
            assertThat(legacy.journal()).as("nothing sent").hasSize(before);

            Task upscale = client.upscale(grid.id(), 1, null).get(20, TimeUnit.SECONDS);
            int changes = legacy.journal(Route.CHANGE).size();
            for (java.util.concurrent.CompletableFuture<Task> call : java.util.List.of(
                    client.reroll(upscale.id(), null), client.upscale(upscale.id(), 2, null),
                    client.vary(upscale.id(), 3, null))) {
                assertThatThrownBy(() -> call.get(20, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(io.github.mjsdk.error.IllegalTaskStateException.class)
                        .hasMessageContaining("UPSCALE");
            }
            assertThat(legacy.journal(Route.CHANGE)).as("no /submit/change sent").hasSize(changes);
        }
    }
}
