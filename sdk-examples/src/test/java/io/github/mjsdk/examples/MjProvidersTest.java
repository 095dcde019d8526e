package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mj --provider} and {@code MIDJOURNEY_PROVIDER}: the simulator and real base URLs in every dialect. */
class MjProvidersTest {
    private static final String APIMART_ID = "task_[0-9A-HJKMNP-TV-Z]{26}";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TempDir
    Path dir;

    private VirtualTime time;
    private Cli cli;
    private final List<FakeMidjourneyServer> servers = new ArrayList<>();

    @BeforeEach
    void start() {
        time = VirtualTime.create();
        cli = cliWith(Map.of());
    }

    @AfterEach
    void stop() {
        servers.forEach(FakeMidjourneyServer::close);
        time.close();
    }

    private Cli cliWith(Map<String, String> env) {
        return new Cli(env, () -> FakeMidjourneyServer.builder().virtualTime(time), time::configure);
    }

    private FakeMidjourneyServer server(Provider provider) {
        FakeMidjourneyServer server = FakeMidjourneyServer.builder().provider(provider).virtualTime(time).start();
        servers.add(server);
        return server;
    }

    @Test
    void theSimulatorSpeaksApimartWhenAskedAndTheImagesAreSaved() {
        Path out = dir.resolve("apimart");

        Cli.Result result = cli.run("--simulator", "--provider", "apimart", "imagine", "a red fox", "--speed", "fast",
                "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String id = result.value("id");
        assertThat(id).matches(APIMART_ID);
        assertThat(result.value("status")).isEqualTo("SUCCESS");
        assertThat(result.values("file")).hasSize(5);
        Pngs.assertGridFolder(out.resolve(id));
        assertThat(result.err()).contains("100%");
    }

    @Test
    void theSimulatorSpeaksJourneyApiWhichHasNoTiers() {
        Path out = dir.resolve("journey");

        Cli.Result result = cli.run("--provider", "journeyapi", "--simulator", "imagine", "a red fox", "--out",
                out.toString());
        Cli.Result tiered = cli.run("--simulator", "--provider", "JourneyAPI", "imagine", "a red fox", "--speed",
                "turbo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("id")).matches(UUID);
        assertThat(result.value("status")).isEqualTo("SUCCESS");
        Pngs.assertGridFolder(out.resolve(result.value("id")));
        assertThat(tiered.exitCode()).as(tiered.toString()).isEqualTo(2);
        assertThat(tiered.err()).contains("JourneyAPI", "speed tier");
        assertThat(tiered.out()).isEmpty();
    }

    @Test
    void theProviderComesFromTheEnvironmentWithItsOwnAuthSchemeAndRerollSpeaksItsDialect() throws Exception {
        FakeMidjourneyServer apimart = server(Providers.apimart());
        Cli fromEnv = cliWith(Map.of("MIDJOURNEY_PROVIDER", "apimart", "MIDJOURNEY_API_KEY", apimart.apiKey(),
                "MIDJOURNEY_BASE_URL", apimart.baseUrl()));

        Cli.Result grid = fromEnv.run("imagine", "a red fox", "--speed", "turbo");
        Cli.Result reroll = fromEnv.run("reroll", grid.value("id"), "--speed", "fast");

        assertThat(grid.exitCode()).as(grid.toString()).isZero();
        assertThat(reroll.exitCode()).as(reroll.toString()).isZero();
        assertThat(reroll.value("id")).matches(APIMART_ID).isNotEqualTo(grid.value("id"));
        RecordedCall imagine = apimart.journal(Route.IMAGINE).get(0);
        assertThat(imagine.path()).isEqualTo("/v1/midjourney/generations");
        assertThat(imagine.header("Authorization")).isEqualTo("Bearer " + apimart.apiKey());
        RecordedCall click = apimart.journal(Route.ACTION).get(0);
        assertThat(click.path()).isEqualTo("/v1/midjourney/generations/reroll");
        assertThat(click.body()).isEqualTo("{\"task_id\":\"" + grid.value("id") + "\",\"speed\":\"fast\"}");
    }

    @Test
    void journeyApiAtABaseUrlImaginesRerollsUpscalesAndFetches() throws Exception {
        FakeMidjourneyServer journey = server(Providers.journeyApi());
        Path out = dir.resolve("out");

        Cli.Result grid = remote(journey, "journeyapi", "imagine", "a lighthouse", "--out", out.toString());
        String id = grid.value("id");
        Cli.Result reroll = remote(journey, "journeyapi", "reroll", id);
        Cli.Result upscale = remote(journey, "journeyapi", "upscale", id, "2", "--out", out.toString());
        Cli.Result json = remote(journey, "journeyapi", "fetch", reroll.value("id"), "--json");

        assertThat(grid.exitCode()).as(grid.toString()).isZero();
        assertThat(reroll.exitCode()).as(reroll.toString()).isZero();
        assertThat(reroll.value("action")).isEqualTo("REROLL");
        assertThat(upscale.exitCode()).as(upscale.toString()).isZero();
        assertThat(upscale.value("action")).isEqualTo("UPSCALE");
        assertThat(upscale.values("file")).containsExactly(out.resolve(upscale.value("id")).resolve("image.png")
                .toString());
        Pngs.read(out.resolve(upscale.value("id")).resolve("image.png"));
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.out()).contains("\"status\" : \"SUCCESS\"");
        assertThat(journey.journal(Route.ACTION)).extracting(RecordedCall::path)
                .containsExactly("/api/v1/reroll", "/api/v1/upscale-1x");
        assertThat(journey.journal(Route.IMAGINE).get(0).header("Authorization")).isEqualTo(journey.apiKey());
        assertThat(journey.journal(Route.FETCH)).allSatisfy(call -> assertThat(call.path())
                .isEqualTo("/api/v1/fetch"));
    }

    @Test
    void theOptionWinsOverTheEnvironment() {
        FakeMidjourneyServer apimart = server(Providers.apimart());
        Cli withEnv = cliWith(Map.of("MIDJOURNEY_PROVIDER", "journeyapi"));

        Cli.Result result = withEnv.run("imagine", "a fox", "--speed", "turbo", "--provider", "apimart",
                "--base-url", apimart.baseUrl(), "--api-key", apimart.apiKey());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(apimart.journal(Route.IMAGINE)).hasSize(1);
    }

    @Test
    void anUnknownProviderOrAProxyWithoutABaseUrlIsAUsageError() {
        Cli.Result unknown = cli.run("--simulator", "--provider", "dall-e", "imagine", "a fox");
        Cli.Result fromEnv = cliWith(Map.of("MIDJOURNEY_PROVIDER", "midjourney-proxy", "MIDJOURNEY_API_KEY",
                "sk-test")).run("imagine", "a fox");

        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err()).contains("cometapi", "midjourney-proxy", "apimart", "journeyapi", "dall-e");
        assertThat(fromEnv.exitCode()).as(fromEnv.toString()).isEqualTo(2);
        assertThat(fromEnv.err()).contains("midjourney-proxy", "--base-url", "MIDJOURNEY_BASE_URL");
    }

    @Test
    void theQuickstartRunsInEveryDialectAndWithoutTiersOnJourneyApi() {
        Cli.Result journey = cli.run("--provider", "journeyapi", "quickstart", "--out", dir.resolve("j").toString());
        Cli.Result apimart = cli.run("--provider", "apimart", "quickstart", "--out", dir.resolve("a").toString());

        assertThat(journey.exitCode()).as(journey.toString()).isZero();
        assertThat(journey.outLines().get(0)).contains("simulator", "JourneyAPI", "/api/v1");
        assertThat(journey.outLines().get(2)).startsWith("imagine").matches("imagine\\s+" + UUID + "\\s+-\\s.*");
        assertThat(journey.out()).contains("10 image files");
        assertThat(apimart.exitCode()).as(apimart.toString()).isZero();
        assertThat(apimart.outLines().get(3)).matches("reroll\\s+" + APIMART_ID + "\\s+turbo\\s.*");
    }

    @Test
    void helpNamesTheOptionAndTheVariable() {
        Cli.Result help = cli.run("--help");

        assertThat(help.out()).contains("--provider", "MIDJOURNEY_PROVIDER", "journeyapi");
    }

    private Cli.Result remote(FakeMidjourneyServer server, String provider, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--provider", provider, "--base-url", server.baseUrl(), "--api-key", server.apiKey()));
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void aSelfHostedProxyWithoutSecretIsUsedWithoutAKey() {
        FakeMidjourneyServer open = FakeMidjourneyServer.builder().legacyOpenSource(true).apiKey(null)
                .virtualTime(time).start();
        servers.add(open);

        Cli.Result result = cli.run("--provider", "midjourney-proxy", "--base-url", open.baseUrl(), "imagine",
                "a red fox", "--out", dir.resolve("open").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(open.journal(Route.IMAGINE)).hasSize(1);
        assertThat(open.journal(Route.IMAGINE).get(0).header("mj-api-secret")).isNull();
    }

    @Test
    void theQuickstartSucceedsOnTheOpenSourceProxyWithoutTiers() {
        FakeMidjourneyServer open = FakeMidjourneyServer.builder().legacyOpenSource(true).apiKey(null)
                .virtualTime(time).start();
        servers.add(open);

        Cli.Result result = cli.run("--provider", "midjourney-proxy", "--base-url", open.baseUrl() + "/mj",
                "quickstart", "--out", dir.resolve("open-quickstart").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("10 image files");
        assertThat(open.journal()).allSatisfy(call -> assertThat(call.tier()).isNull());
        assertThat(open.journal(Route.CHANGE)).hasSize(1);
    }

    @Test
    void allowInsecureHttpLetsAProxyOnAPrivateHttpHostBeUsed() {
        List<String> base = List.of("--provider", "midjourney-proxy", "--base-url", "http://mj-service.invalid:9",
                "--api-key", "k");
        List<String> refused = new ArrayList<>(base);
        refused.addAll(List.of("imagine", "a fox", "--no-wait"));
        List<String> allowed = new ArrayList<>(base);
        allowed.addAll(List.of("--allow-insecure-http", "imagine", "a fox", "--no-wait"));

        Cli.Result without = cli.run(refused.toArray(String[]::new));
        Cli.Result with = cli.run(allowed.toArray(String[]::new));
        Cli.Result fromEnv = cliWith(Map.of("MIDJOURNEY_ALLOW_INSECURE_HTTP", "true")).run(refused.toArray(String[]::new));

        assertThat(without.exitCode()).as(without.toString()).isEqualTo(2);
        assertThat(without.err()).contains("--allow-insecure-http");
        assertThat(with.exitCode()).as("built, then the host does not resolve: " + with).isEqualTo(4);
        assertThat(fromEnv.exitCode()).as(fromEnv.toString()).isEqualTo(4);
    }
}
