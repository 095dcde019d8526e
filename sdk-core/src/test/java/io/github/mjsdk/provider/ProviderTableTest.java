package io.github.mjsdk.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The README's provider table is the one generated from the presets' data ({@link Provider#baseUrl()},
 * {@link Provider#defaultAuthScheme()}, {@link Provider#capabilities()}, {@link Provider#operations()}): when a
 * preset or a capability changes, this test fails and prints the table to paste between the markers. A ✖ is a call
 * the SDK refuses before sending.
 */
class ProviderTableTest {
    /** The columns: each server, and the preset a user writes for it. */
    static Map<String, Provider> columns() {
        Map<String, Provider> columns = new LinkedHashMap<>();
        columns.put("CometAPI<br>`cometApi()`", Providers.cometApi());
        columns.put("open-source midjourney-proxy<br>`midjourneyProxy(url)`", Providers.named("midjourney-proxy"));
        columns.put("trueai-org proxy<br>`trueAi(url)`", Providers.named("trueai"));
        columns.put("apimart<br>`apimart()`", Providers.apimart());
        columns.put("JourneyAPI<br>`journeyApi()`", Providers.journeyApi());
        return columns;
    }

    static String generated() {
        Map<String, Provider> columns = columns();
        StringBuilder table = new StringBuilder("| |");
        columns.keySet().forEach(name -> table.append(' ').append(name).append(" |"));
        table.append("\n|---|").append("---|".repeat(columns.size()));
        row(table, "protocol", columns, p -> "`" + p.protocol() + "`");
        row(table, "base URL", columns, p -> p.defaultBaseUrl().map(url -> "`" + url + "`").orElse("yours"));
        row(table, "auth header", columns,
                p -> "`" + p.defaultAuthScheme().headerName() + ": " + p.defaultAuthScheme().headerValue("KEY") + "`");
        row(table, "speed tiers", columns, p -> !p.capabilities().speedTiers() ? "✖"
                : p.protocol() == Protocol.APIMART ? "✔ `speed` field: relax (default), fast, turbo"
                : "✔ path prefix `/mj-turbo` `/mj-fast` `/mj-relax`");
        row(table, "callbacks", columns, p -> !p.capabilities().webhooks() ? "✖"
                : p.protocol() == Protocol.JOURNEY_API ? "✔ `webhook_url` + `webhook_secret`" : "✔ `notifyHook`");
        row(table, "batch query", columns,
                p -> p.capabilities().batchQuery() ? "✔ `list-by-condition`" : "✖ one task per request");
        row(table, "buttons by customId, modal step", columns,
                p -> p.supports(MidjourneyOperation.BUTTON) ? "✔ `action(..)`, `submitModal(..)`" : "✖");
        return table.append('\n').toString();
    }

    private static void row(StringBuilder table, String label, Map<String, Provider> columns,
                            Function<Provider, String> cell) {
        table.append("\n| ").append(label).append(" |");
        columns.values().forEach(provider -> table.append(' ').append(cell.apply(provider)).append(" |"));
    }

    @Test
    void theReadmeTableIsTheGeneratedOne() {
        ReadmeTables.assertReadmeHolds("provider-table", "ProviderTableTest", generated());
    }

    @Test
    void theColumnsDifferWhereTheServersDo() {
        Map<String, Provider> columns = columns();
        assertThat(columns.values()).extracting(Provider::name)
                .containsExactly("CometAPI", "midjourney-proxy", "trueai midjourney-proxy", "apimart", "JourneyAPI");
        assertThat(generated()).contains("| speed tiers | ✔ path prefix `/mj-turbo` `/mj-fast` `/mj-relax` | ✖ |")
                .contains("| base URL | `https://api.cometapi.com` | yours | yours |")
                .contains("| buttons by customId, modal step | ✔ `action(..)`, `submitModal(..)` | ✖ |");
    }
}
