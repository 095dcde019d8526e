package io.github.mjsdk.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The README's operations × providers table is the one generated from {@link Protocol#operations()}: when a
 * capability changes, this test fails and prints the table to paste between the markers.
 */
class OperationsTableTest {
    static String generated() {
        StringBuilder table = new StringBuilder();
        table.append("| operation |");
        for (Protocol protocol : Protocol.values()) {
            table.append(' ').append(column(protocol)).append(" |");
        }
        table.append("\n|---|");
        table.append("---|".repeat(Protocol.values().length));
        for (MidjourneyOperation operation : MidjourneyOperation.values()) {
            table.append("\n| ").append(operation.label()).append(" |");
            for (Protocol protocol : Protocol.values()) {
                table.append(protocol.supports(operation) ? " ✔ |" : " ✖ |");
            }
        }
        return table.append('\n').toString();
    }

    private static String column(Protocol protocol) {
        return switch (protocol) {
            case MIDJOURNEY_PROXY -> "midjourney-proxy (CometAPI, self-hosted)";
            case APIMART -> "apimart";
            case JOURNEY_API -> "JourneyAPI";
        };
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
                .doesNotContain(MidjourneyOperation.BALANCE);
        assertThat(Protocol.JOURNEY_API.supports(MidjourneyOperation.BUTTON)).isFalse();
        assertThat(Protocol.APIMART.supports(MidjourneyOperation.CUSTOM_ZOOM)).isFalse();
    }
}
