package io.github.mjsdk;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.provider.AuthScheme;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder validation: each setter refuses a bad argument at once, naming the parameter; http:// only on loopback. */
class MidjourneyClientBuilderTest {
    private static final String KEY = "sk-canary-3f9d2c71e8b54a06";

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                bad("baseUrl", b -> b.baseUrl((String) null)),
                bad("baseUrl", b -> b.baseUrl((URI) null)),
                bad("baseUrl", b -> b.baseUrl("ftp://api.example.com")),
                bad("baseUrl", b -> b.baseUrl("api.cometapi.com")),
                bad("baseUrl", b -> b.baseUrl("https://api.cometapi.com/?key=x")),
                bad("baseUrl", b -> b.baseUrl("https://api.cometapi.com/#top")),
                bad("baseUrl", b -> b.baseUrl("https://admin:hunter2@proxy.example.com/")),
                bad("apiKey", b -> b.apiKey("   ")),
                bad("apiKey", b -> b.apiKey("sk-one\nX-Injected: yes")),
                bad("authScheme", b -> b.authScheme(null)),
                bad("notifyHook", b -> b.notifyHook("not a url")),
                bad("notifyHook", b -> b.notifyHook("")),
                bad("okHttpClient", b -> b.okHttpClient(null)),
                bad("connectTimeout", b -> b.connectTimeout(null)),
                bad("connectTimeout", b -> b.connectTimeout(Duration.ZERO)),
                bad("readTimeout", b -> b.readTimeout(Duration.ofSeconds(-1))),
                bad("callTimeout", b -> b.callTimeout(Duration.ZERO)),
                bad("maxRetries", b -> b.maxRetries(-1)),
                bad("maxRetries", b -> b.maxRetries(11)),
                bad("maxResponseBytes", b -> b.maxResponseBytes(1023)),
                bad("callbackExecutor", b -> b.callbackExecutor(null)),
                bad("scheduler", b -> b.scheduler(null)),
                bad("clock", b -> b.clock(null)),
                bad("pollOptions", b -> b.pollOptions(null)),
                bad("pollBatchSize", b -> b.pollBatchSize(0)),
                bad("pollBatchSize", b -> b.pollBatchSize(1001)));
    }

    private static Arguments bad(String parameter, Consumer<MidjourneyClientBuilder> setting) {
        return Arguments.of(parameter, setting);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void aBadSettingFailsAtOnceNamingTheParameter(String parameter, Consumer<MidjourneyClientBuilder> setting) {
        MidjourneyClientBuilder builder = MidjourneyClient.builder();

        assertThatThrownBy(() -> setting.accept(builder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(parameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.cometapi.com", "http://10.0.0.7:8080", "http://192.168.1.20/mj-proxy",
            "http://localhost.example.com"})
    void plainHttpToAHostThatIsNotLoopbackIsRefused(String url) {
        MidjourneyClientBuilder builder = MidjourneyClient.builder().baseUrl(url).apiKey(KEY);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl").hasMessageContaining("http://").hasMessageNotContaining(KEY);
    }

    @Test
    void plainHttpElsewhereIsAllowedWhenAskedFor() {
        MidjourneyClient client = MidjourneyClient.builder().baseUrl("http://10.0.0.7:8080").apiKey(KEY)
                .allowInsecureHttp(true).build();

        assertThat(client.toString()).contains("http://10.0.0.7:8080");
        client.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080/mj-proxy", "http://[::1]:8080",
            "http://LOCALHOST", "https://api.cometapi.com", "https://proxy.example.com/api/"})
    void httpsAndLoopbackAreAccepted(String url) {
        assertThatCode(() -> MidjourneyClient.builder().baseUrl(url).apiKey(KEY).build().close())
                .doesNotThrowAnyException();
    }

    @Test
    void defaultsAreCometApiWithBearerAndNoSpeed() {
        try (MidjourneyClient client = MidjourneyClient.builder().apiKey(KEY).build()) {
            assertThat(client.toString())
                    .isEqualTo("MidjourneyClient[provider=CometAPI, baseUrl=https://api.cometapi.com/, auth=BEARER,"
                            + " defaultSpeed=none]");
        }
    }

    @Test
    void toStringNeverShowsTheKey() {
        MidjourneyClientBuilder builder = MidjourneyClient.builder().apiKey(KEY).authScheme(AuthScheme.RAW)
                .defaultSpeed(Speed.TURBO);

        assertThat(builder.toString()).doesNotContain(KEY).contains("***");
        try (MidjourneyClient client = builder.build()) {
            assertThat(client.toString()).doesNotContain(KEY).contains("defaultSpeed=turbo").contains("RAW");
        }
    }

    @Test
    void fromEnvironmentReadsKeyUrlAndScheme() {
        Map<String, String> env = new HashMap<>();
        env.put("MIDJOURNEY_API_KEY", "  " + KEY + "  ");
        env.put("MIDJOURNEY_BASE_URL", "https://proxy.example.com/api");
        env.put("MIDJOURNEY_AUTH_SCHEME", "mj-api-secret");

        try (MidjourneyClient client = MidjourneyClient.builder().fromEnvironment(env::get).build()) {
            assertThat(client.toString()).isEqualTo(
                    "MidjourneyClient[provider=CometAPI, baseUrl=https://proxy.example.com/api,"
                    + " auth=MJ_API_SECRET, defaultSpeed=none]");
        }
    }

    @Test
    void fromEnvironmentDefaultsToCometApiAndBearer() {
        Map<String, String> env = Map.of("MIDJOURNEY_API_KEY", KEY, "MIDJOURNEY_BASE_URL", " ");

        try (MidjourneyClient client = MidjourneyClient.builder().fromEnvironment(env::get).build()) {
            assertThat(client.toString()).contains("https://api.cometapi.com").contains("BEARER");
        }
    }

    @Test
    void fromEnvironmentErrorsNameTheVariable() {
        java.util.function.Function<Map<String, String>, Throwable> failure = env -> org.assertj.core.api.Assertions
                .catchThrowable(() -> MidjourneyClient.builder().fromEnvironment(env::get).build());

        assertThat(failure.apply(Map.of("MIDJOURNEY_API_KEY", KEY, "MIDJOURNEY_PROVIDER", "dall-e")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("MIDJOURNEY_PROVIDER: ");
        assertThat(failure.apply(Map.of("MIDJOURNEY_API_KEY", KEY, "MIDJOURNEY_BASE_URL", "ftp://x")))
                .hasMessageStartingWith("MIDJOURNEY_BASE_URL: ");
        assertThat(failure.apply(Map.of("MIDJOURNEY_API_KEY", KEY, "MIDJOURNEY_AUTH_SCHEME", "basic")))
                .hasMessageStartingWith("MIDJOURNEY_AUTH_SCHEME: ");
        assertThat(failure.apply(Map.of("MIDJOURNEY_API_KEY", KEY, "MIDJOURNEY_PROVIDER", "midjourney-proxy")))
                .hasMessageStartingWith("MIDJOURNEY_BASE_URL is not set");
        assertThat(failure.apply(Map.of("MIDJOURNEY_API_KEY", KEY, "MIDJOURNEY_ALLOW_INSECURE_HTTP", "maybe")))
                .hasMessageStartingWith("MIDJOURNEY_ALLOW_INSECURE_HTTP");
        assertThat(failure.apply(Map.of("MIDJOURNEY_API_KEY", KEY, "MIDJOURNEY_BASE_URL", "http://service:8080")))
                .hasMessageContaining("MIDJOURNEY_ALLOW_INSECURE_HTTP=true");
        assertThat(failure.apply(Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MIDJOURNEY_API_KEY");
    }

    @Test
    void fromEnvironmentAllowsInsecureHttpWhenTheVariableSaysSo() {
        Map<String, String> env = Map.of("MIDJOURNEY_API_KEY", KEY, "MIDJOURNEY_PROVIDER", "midjourney-proxy",
                "MIDJOURNEY_BASE_URL", "http://service:8080/mj", "MIDJOURNEY_ALLOW_INSECURE_HTTP", "true");

        try (MidjourneyClient client = MidjourneyClient.builder().fromEnvironment(env::get).build()) {
            assertThat(client.toString()).contains("baseUrl=http://service:8080/");
        }
    }

    @Test
    void fromEnvironmentNeedsTheKey() {
        assertThatThrownBy(() -> MidjourneyClient.builder().fromEnvironment(name -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MIDJOURNEY_API_KEY");
        assertThatThrownBy(() -> MidjourneyClient.builder().fromEnvironment(Map.of("MIDJOURNEY_API_KEY", "")::get))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MIDJOURNEY_API_KEY");
    }

    @Test
    void fromEnvironmentRefusesABadSchemeOrUrl() {
        assertThatThrownBy(() -> MidjourneyClient.builder().fromEnvironment(
                Map.of("MIDJOURNEY_API_KEY", KEY, "MIDJOURNEY_AUTH_SCHEME", "basic")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authScheme")
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> MidjourneyClient.builder().fromEnvironment(
                Map.of("MIDJOURNEY_API_KEY", KEY, "MIDJOURNEY_BASE_URL", "cometapi")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
    }

    @Test
    void anInvalidArgumentToACallFailsBeforeAnyNetworkCall() {
        try (MidjourneyClient client = MidjourneyClient.builder().baseUrl("http://127.0.0.1:9").apiKey(KEY)
                .build()) {
            refused(() -> client.imagine((String) null, Speed.FAST), "prompt");
            refused(() -> client.imagine(" ", Speed.FAST), "prompt");
            refused(() -> client.reroll((String) null, Speed.FAST), "taskId");
            refused(() -> client.reroll((io.github.mjsdk.model.Task) null, null), "parent");
            refused(() -> client.upscale("1712345678901123", 5, null), "index");
            refused(() -> client.vary("1712345678901123", 0, null), "index");
            refused(() -> client.vary("", 1, null), "taskId");
            refused(() -> client.fetchTaskAsync(null), "taskId");
            refused(() -> client.fetchTasksAsync(null), "taskIds");
            refused(() -> client.fetchTasksAsync(java.util.Arrays.asList("1", null)), "taskIds");
            refused(() -> client.submitImagine(null), "request");
            refused(() -> client.submitAction(null), "request");
            refused(() -> client.submitModal(null), "request");
            refused(() -> client.poller().await(" "), "taskId");
            refused(() -> client.poller().await("1", null), "options");
        }
    }

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String parameter) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(parameter);
    }
}
