package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.provider.Protocol;
import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.provider.Providers;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Choosing the simulator's dialect with {@code Builder.provider(..)}, and what follows from it. */
class ProviderSelectionTest {
    private final SimulatedClock clock = new SimulatedClock();

    @Test
    void theDefaultIsCometApiWithABearerKey() {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).start()) {
            assertThat(server.provider()).isSameAs(Providers.cometApi());
            assertThat(server.authScheme()).isEqualTo(AuthScheme.BEARER);
            assertThat(server.toString()).contains("provider=CometAPI");
        }
    }

    @Test
    void theProviderSetsTheDefaultSchemeAndAnExplicitSchemeWins() {
        assertThat(schemeOf(FakeMidjourneyServer.builder().provider(Providers.journeyApi())))
                .isEqualTo(AuthScheme.RAW);
        assertThat(schemeOf(FakeMidjourneyServer.builder().provider(Providers.apimart())))
                .isEqualTo(AuthScheme.BEARER);
        assertThat(schemeOf(FakeMidjourneyServer.builder().provider(Providers.midjourneyProxy("https://x.example"))))
                .isEqualTo(AuthScheme.MJ_API_SECRET);
        assertThat(schemeOf(FakeMidjourneyServer.builder().authScheme(AuthScheme.BEARER)
                .provider(Providers.journeyApi()))).isEqualTo(AuthScheme.BEARER);
        assertThat(schemeOf(FakeMidjourneyServer.builder().provider(Providers.named("MIDJOURNEY_PROXY"))))
                .isEqualTo(AuthScheme.MJ_API_SECRET);
    }

    private AuthScheme schemeOf(FakeMidjourneyServer.Builder builder) {
        try (FakeMidjourneyServer server = builder.clock(clock).start()) {
            return server.authScheme();
        }
    }

    @Test
    void proxyOnlySettingsAndForeignProvidersAreRefused() {
        assertThatThrownBy(() -> FakeMidjourneyServer.builder().provider(Providers.apimart()).remix(true).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("remix").hasMessageContaining(
                        "apimart");
        assertThatThrownBy(() -> FakeMidjourneyServer.builder().legacyOpenSource(true)
                .provider(Providers.journeyApi()).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("legacyOpenSource");
        assertThatThrownBy(() -> FakeMidjourneyServer.builder().provider(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provider");
    }

    @Test
    void aProviderOfYourOwnIsServedByItsProtocolsDialect() throws Exception {
        Provider gateway = new Provider("my-gateway", Protocol.MIDJOURNEY_PROXY, null, AuthScheme.BEARER);
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().provider(gateway).clock(clock).start();
             MidjourneyClient client = server.newClient()) {
            client.submitImagine(ImagineRequest.of("a fox")).get(10, TimeUnit.SECONDS);

            RecordedCall call = server.journal().get(0);
            assertThat(call.path()).isEqualTo("/mj/submit/imagine");
            assertThat(call.header("Authorization")).startsWith("Bearer ");
        }
    }

    @Test
    void newClientBuilderPresetsTheProviderSoTheClientSpeaksTheDialect() throws Exception {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().provider(Providers.apimart()).clock(clock)
                .start();
             MidjourneyClient client = server.newClient()) {
            String id = client.submitImagine(ImagineRequest.of("a fox").withSpeed(Speed.TURBO))
                    .get(10, TimeUnit.SECONDS).taskId();

            RecordedCall call = server.journal().get(0);
            assertThat(call.path()).isEqualTo("/v1/midjourney/generations");
            assertThat(call.body()).isEqualTo("{\"speed\":\"turbo\",\"prompt\":\"a fox\"}");
            assertThat(id).startsWith("task_");
            assertThat(client.toString()).contains(server.baseUrl());
        }
    }

    /** The JUnit extension starts its server in the configured dialect and a client that speaks it. */
    @Nested
    class WithTheExtension {
        @RegisterExtension
        final FakeMidjourneyExtension mj = FakeMidjourneyExtension.virtualTime()
                .configure(server -> server.provider(Providers.journeyApi()));

        @Test
        void aJourneyApiFlowRunsOnVirtualTime(MidjourneyClient client, FakeMidjourneyServer server) throws Exception {
            Task grid = client.imagine("a red fox", null).get(10, TimeUnit.SECONDS);

            assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(grid.imageUrls()).hasSize(4);
            assertThat(server.journal(Route.IMAGINE)).extracting(RecordedCall::path).containsExactly(
                    "/api/v1/imagine");
            assertThat(server.journal(Route.FETCH)).allSatisfy(call -> assertThat(call.method()).isEqualTo("POST"));
        }
    }
}
