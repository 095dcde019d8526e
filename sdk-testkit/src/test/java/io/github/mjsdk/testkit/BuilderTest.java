package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.ImagineRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BuilderTest {

    @Test
    void invalidSettingsFailAtOnceNamingTheParameter() {
        FakeMidjourneyServer.Builder builder = FakeMidjourneyServer.builder();

        assertThatThrownBy(() -> builder.apiKey(" ")).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> builder.authScheme(null)).hasMessageContaining("authScheme");
        assertThatThrownBy(() -> builder.duration(Speed.FAST, Duration.ZERO)).hasMessageContaining("duration");
        assertThatThrownBy(() -> builder.duration(null, Duration.ofSeconds(1))).hasMessageContaining("speed");
        assertThatThrownBy(() -> builder.clock(null)).hasMessageContaining("clock");
        assertThatThrownBy(() -> builder.virtualTime(null)).hasMessageContaining("virtualTime");
        assertThatThrownBy(() -> builder.concurrency(0)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> builder.queueSize(-1)).hasMessageContaining("queueSize");
        assertThatThrownBy(() -> builder.bannedWords(Arrays.asList("ok", null))).hasMessageContaining("bannedWords");
        assertThatThrownBy(() -> builder.port(70_000)).hasMessageContaining("port");
        assertThatThrownBy(() -> builder.notifyHook("not a url")).hasMessageContaining("notifyHook");
        assertThatThrownBy(() -> builder.bannedWords(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newClientBuilderPresetsUrlKeySchemeAndAPollScheduleForTheDurations() throws Exception {
        SimulatedClock clock = new SimulatedClock();
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock)
                .authScheme(AuthScheme.MJ_API_SECRET).apiKey("secret-1").start();
             MidjourneyClient client = server.newClient()) {
            client.submitImagine(ImagineRequest.of("a fox").withSpeed(Speed.TURBO)).get(10, TimeUnit.SECONDS);

            RecordedCall call = server.journal().get(0);
            assertThat(call.header("mj-api-secret")).isEqualTo("secret-1");
            assertThat(call.header("Authorization")).isNull();
            assertThat(call.path()).isEqualTo("/mj-turbo/mj/submit/imagine");
            assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:[0-9]+");
        }
    }

    @Test
    void aRandomSeedMakesRunsReproducible() {
        List<String> first = run();
        List<String> second = run();

        assertThat(first).isEqualTo(second);
    }

    private static List<String> run() {
        SimulatedClock clock = new SimulatedClock();
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).randomSeed(77).start();
             Wire wire = new Wire(server)) {
            String id = wire.imagine("/mj", "a fox");
            clock.advance(Duration.ofSeconds(4));
            var task = wire.fetch(id);
            return List.of(id, task.path("properties").path("messageHash").asText(), task.path("seed").asText());
        }
    }
}
