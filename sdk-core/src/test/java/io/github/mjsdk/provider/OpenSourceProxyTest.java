package io.github.mjsdk.provider;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.text;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.testing.MockServerTest;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The open-source midjourney-proxy as it really behaves (docs/protocols.md, "Observed behaviour of
 * novicezk/midjourney-proxy v2.6.3"): no tier prefixes, a base URL documented with {@code /mj}, no buttons, and
 * textual progress.
 */
class OpenSourceProxyTest extends MockServerTest {

    private void openSource() {
        newClient(b -> b.provider(Providers.midjourneyProxy(server.url("/").toString())));
    }

    @Test
    void tiersAreRefusedBeforeSendingNamingTheMissingRoute() {
        openSource();

        assertThatThrownBy(() -> client.reroll(GRID_ID, Speed.TURBO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("midjourney-proxy").hasMessageContaining("no /mj-turbo route");
        assertThatThrownBy(() -> client.imagine("a fox", Speed.RELAX)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.upscale(GRID_ID, 1, Speed.FAST)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().provider(Providers.midjourneyProxy(server.url("/").toString()))
                .defaultSpeed(Speed.TURBO).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/mj-turbo");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void whatTheOpenSourceServerLacksIsRefusedBeforeSendingAndTrueAiHasIt() {
        openSource();

        assertThatThrownBy(() -> client.pan(GRID_ID, io.github.mjsdk.model.PanDirection.LEFT, null))
                .isInstanceOf(io.github.mjsdk.error.OperationNotSupportedException.class)
                .hasMessageContaining("midjourney-proxy").hasMessageContaining("pan");
        assertThatThrownBy(() -> client.imageSeed(GRID_ID))
                .isInstanceOf(io.github.mjsdk.error.OperationNotSupportedException.class);
        assertThatThrownBy(() -> client.cancel(GRID_ID))
                .isInstanceOf(io.github.mjsdk.error.OperationNotSupportedException.class);
        assertThatThrownBy(() -> client.shorten("a fox", null))
                .isInstanceOf(io.github.mjsdk.error.OperationNotSupportedException.class);
        assertThat(server.getRequestCount()).isZero();
        Provider trueAi = Providers.trueAi("https://mj.example.com");
        assertThat(trueAi.capabilities().speedTiers()).isTrue();
        assertThat(trueAi.supports(MidjourneyOperation.PAN)).isTrue();
        assertThat(trueAi.supports(MidjourneyOperation.VIDEO)).isTrue();
        assertThat(trueAi.supports(MidjourneyOperation.BALANCE)).isFalse();
        assertThat(Providers.named("TrueAI")).isEqualTo(Providers.named("trueai"));
        assertThat(Providers.cometApi().supports(MidjourneyOperation.CANCEL)).isFalse();
    }

    @Test
    void aProxyWithPrefixesCanSaySo() {
        newClient(b -> b.provider(Providers.midjourneyProxy(server.url("/").toString()).withSpeedTiers(true)));
        enqueue(ok("submit/accepted.json"));

        valueOf(client.submitImagine(io.github.mjsdk.model.ImagineRequest.of("a fox").withSpeed(Speed.TURBO)));

        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj-turbo/mj/submit/imagine");
        assertThat(Providers.cometApi().capabilities().speedTiers()).isTrue();
        assertThat(Providers.midjourneyProxy("https://mj.example.com").capabilities().speedTiers()).isFalse();
    }

    @Test
    void theDocumentedBaseUrlEndingInMjIsAccepted() {
        for (String base : new String[]{"/mj", "/mj/", "/api/mj"}) {
            newClient(b -> b.provider(Providers.midjourneyProxy(server.url(base).toString()))
                    .baseUrl(server.url(base).toString()));
            enqueue(ok("task/oss-success.json"));

            client.fetchTask(GRID_ID);

            String expected = (base.startsWith("/api") ? "/api" : "") + "/mj/task/" + GRID_ID + "/fetch";
            assertThat(take().getUrl().encodedPath()).as(base).isEqualTo(expected);
        }
    }

    @Test
    void followUpsOfAnUpscaleWithoutButtonsAreRefusedBeforeSending() {
        openSource();
        String upscale = text("task/oss-success.json").replace("\"IMAGINE\"", "\"UPSCALE\"");
        enqueue(json(200, upscale), json(200, upscale), json(200, upscale));

        for (CompletableFuture<Task> call : java.util.List.of(client.reroll(GRID_ID, null),
                client.upscale(GRID_ID, 1, null), client.vary(GRID_ID, 2, null))) {
            drive(call);
            assertThat(failureOf(call)).isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("UPSCALE");
        }
        assertThat(server.getRequestCount()).as("only the three parent fetches").isEqualTo(3);
    }

    @Test
    void textualProgressIsKeptBesideTheInt() {
        openSource();
        enqueue(json(200, text("task/oss-success.json").replace("\"SUCCESS\"", "\"SUBMITTED\"")
                .replace("\"100%\"", "\"Waiting to start\"")), ok("task/oss-success.json"));

        Task waiting = client.fetchTask(GRID_ID);
        Task done = client.fetchTask(GRID_ID);

        assertThat(waiting.progress()).isZero();
        assertThat(waiting.rawProgress()).contains("Waiting to start");
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.rawProgress()).contains("100%");
    }
}
