package io.github.mjsdk.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's operations × providers table is the one generated from the presets' {@link Provider#operations()}
 * (the data {@code MidjourneyClient.supports(..)} reads): when a capability changes, this test fails and prints the
 * table to paste between the markers.
 */
class OperationsTableTest {
    private static final List<Provider> PRESETS = List.of(Providers.cometApi(),
            Providers.midjourneyProxy("https://mj.example.com"), Providers.trueAi("https://mj.example.com"),
            Providers.apimart(), Providers.journeyApi());

    static String generated() {
        StringBuilder table = new StringBuilder();
        table.append("| operation |");
        for (Provider provider : PRESETS) {
            table.append(' ').append(column(provider)).append(" |");
        }
        table.append("\n|---|");
        table.append("---|".repeat(PRESETS.size()));
        for (MidjourneyOperation operation : MidjourneyOperation.values()) {
            table.append("\n| ").append(operation.label()).append(" |");
            for (Provider provider : PRESETS) {
                table.append(provider.supports(operation) ? " ✔ |" : " ✖ |");
            }
        }
        return table.append('\n').toString();
    }

    private static String column(Provider provider) {
        return provider.name().equals("midjourney-proxy") ? "midjourney-proxy (open-source)" : provider.name();
    }

    @Test
    void theReadmeTableIsTheGeneratedOne() {
        ReadmeTables.assertReadmeHolds("operations-table", "OperationsTableTest", generated());
    }

    @Test
    void everyProtocolImaginesAndTheProxyFamilyHasEverything() {
        for (Protocol protocol : Protocol.values()) {
            assertThat(protocol.supports(MidjourneyOperation.IMAGINE)).isTrue();
            assertThat(protocol.supports(null)).isFalse();
        }
        assertThat(Protocol.MIDJOURNEY_PROXY.operations()).hasSize(MidjourneyOperation.values().length - 1)
                .doesNotContain(MidjourneyOperation.UPSCALE_2X_4X);
        assertThat(Providers.midjourneyProxy("https://mj.example.com").supports(MidjourneyOperation.BALANCE))
                .isFalse();
        assertThat(Providers.cometApi().supports(MidjourneyOperation.RETEXTURE)).isFalse();
        assertThat(Providers.cometApi().supports(MidjourneyOperation.EDIT)).isTrue();
        assertThat(Providers.cometApi().withOperation(MidjourneyOperation.UPLOAD_IMAGES, true)
                .supports(MidjourneyOperation.UPLOAD_IMAGES)).isTrue();
        assertThat(Providers.midjourneyProxy("https://mj.example.com").operations()).containsExactlyInAnyOrder(
                MidjourneyOperation.IMAGINE, MidjourneyOperation.REROLL, MidjourneyOperation.UPSCALE,
                MidjourneyOperation.VARY, MidjourneyOperation.DESCRIBE, MidjourneyOperation.BLEND);
        assertThat(Providers.trueAi("https://mj.example.com").operations())
                .hasSize(MidjourneyOperation.values().length - 2).doesNotContain(MidjourneyOperation.BALANCE);
        assertThat(Providers.trueAi("https://mj.example.com").capabilities().speedTiers()).isTrue();
        assertThat(Protocol.JOURNEY_API.supports(MidjourneyOperation.BUTTON)).isFalse();
        assertThat(Protocol.APIMART.supports(MidjourneyOperation.CUSTOM_ZOOM)).isFalse();
    }
}
