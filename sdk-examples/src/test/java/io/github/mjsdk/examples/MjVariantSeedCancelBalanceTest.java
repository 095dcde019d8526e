package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mj upscale --mode}, {@code seed}, {@code cancel} and {@code balance} with their exit codes, against the
 * simulator in each provider's dialect: what the provider has works, what it lacks is refused before anything is
 * sent (exit 2), and bad input is a usage error.
 */
class MjVariantSeedCancelBalanceTest {
    private VirtualTime time;
    private final List<FakeMidjourneyServer> servers = new ArrayList<>();
    private Cli cli;

    @BeforeEach
    void start() {
        time = VirtualTime.create();
        cli = new Cli(Map.of(), () -> FakeMidjourneyServer.builder().virtualTime(time), time::configure);
    }

    @AfterEach
    void stop() {
        servers.forEach(FakeMidjourneyServer::close);
        time.close();
    }

    private FakeMidjourneyServer server(Provider provider) {
        FakeMidjourneyServer server = FakeMidjourneyServer.builder().provider(provider).virtualTime(time).start();
        servers.add(server);
        return server;
    }

    private static void assertRefused(Cli.Result result, FakeMidjourneyServer server, String operation) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(server.provider().name() + " does not offer " + operation);
        assertThat(result.out()).isEmpty();
        assertThat(server.journal()).isEmpty();
    }

    private String upscale(FakeMidjourneyServer server) {
        String grid = cli.against(server, "imagine", "a red fox").value("id");
        Cli.Result upscale = cli.against(server, "upscale", grid, "1");
        assertThat(upscale.exitCode()).as(upscale.toString()).isZero();
        return upscale.value("id");
    }

    @Test
    void upscaleModeClicksSubtleOrCreativeOnAnUpscale() {
        FakeMidjourneyServer server = server(Providers.cometApi());
        String image = upscale(server);
        server.clearJournal();

        Cli.Result subtle = cli.against(server, "upscale", image, "--mode", "subtle", "--speed", "turbo");
        Cli.Result creative = cli.against(server, "upscale", image, "--mode", "CREATIVE");

        assertThat(subtle.exitCode()).as(subtle.toString()).isZero();
        assertThat(subtle.value("status")).isEqualTo("SUCCESS");
        assertThat(creative.exitCode()).as(creative.toString()).isZero();
        List<RecordedCall> clicks = server.journal(Route.ACTION);
        assertThat(clicks).hasSize(2);
        assertThat(clicks.get(0).path()).startsWith("/mj-turbo/");
        assertThat(clicks.get(0).body()).contains("upsample_v6_2x_subtle").contains(image);
        assertThat(clicks.get(1).body()).contains("upsample_v6_2x_creative");
    }

    @Test
    void upscaleModeOnAGridIsAWrongTaskStateBeforeAnyClick() {
        FakeMidjourneyServer comet = server(Providers.cometApi());
        String grid = cli.against(comet, "imagine", "a red fox").value("id");

        Cli.Result onGrid = cli.against(comet, "upscale", grid, "--mode", "subtle");

        assertThat(onGrid.exitCode()).as(onGrid.toString()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(comet.journal(Route.ACTION)).isEmpty();
    }

    @Test
    void upscaleTakesAnIndexOrAModeButNotBothNorNeither() {
        FakeMidjourneyServer server = server(Providers.cometApi());
        for (String[] args : new String[][]{{"upscale", "1712345678901123"},
            {"upscale", "1712345678901123", "1", "--mode", "subtle"},
            {"upscale", "1712345678901123", "--mode", "huge"}}) {
            Cli.Result result = cli.against(server, args);

            assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as(String.join(" ", args)).containsAnyOf("INDEX", "--mode");
        }
        assertThat(server.journal()).isEmpty();
    }

    @Test
    void seedPrintsTheSeedOfAFinishedTaskAndIsAnApiErrorBeforeItFinishes() {
        FakeMidjourneyServer server = server(Providers.cometApi());
        String grid = cli.against(server, "imagine", "a red fox").value("id");
        String running = cli.against(server, "imagine", "a red fox", "--no-wait").out().strip();
        server.stallTask(running);

        Cli.Result seed = cli.against(server, "seed", grid);
        Cli.Result early = cli.against(server, "seed", running);

        assertThat(seed.exitCode()).as(seed.toString()).isZero();
        assertThat(seed.out()).matches("\\d+\\R");
        assertThat(server.journal(Route.IMAGE_SEED)).hasSize(2).first()
                .satisfies(call -> assertThat(call.path()).isEqualTo("/mj/task/" + grid + "/image-seed"));
        assertThat(early.exitCode()).as(early.toString()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(early.out()).isEmpty();
    }

    @Test
    void cancelEndsARunningTaskSoThatItsWaitFailsWith3() {
        FakeMidjourneyServer server = server(Providers.named("trueai"));
        String id = cli.against(server, "imagine", "a red fox", "--no-wait").out().strip();
        server.stallTask(id);

        Cli.Result cancel = cli.against(server, "cancel", id);
        Cli.Result waited = cli.against(server, "wait", id);

        assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
        assertThat(cancel.out()).isEmpty();
        assertThat(cancel.err()).contains(id, "cancel accepted");
        assertThat(server.journal(Route.CANCEL)).singleElement()
                .satisfies(call -> assertThat(call.path()).isEqualTo("/mj/task/" + id + "/cancel"));
        assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(ExitCodes.TASK_FAILED);
    }

    @Test
    void seedAndCancelAreRefusedWhereTheProviderLacksThemAndABlankIdIsAUsageError() {
        FakeMidjourneyServer apimart = server(Providers.apimart());
        FakeMidjourneyServer journey = server(Providers.journeyApi());
        FakeMidjourneyServer comet = server(Providers.cometApi());

        assertRefused(cli.against(apimart, "seed", "task_01"), apimart, "image seed");
        assertRefused(cli.against(journey, "cancel", "0f1e2d3c"), journey, "cancel");
        for (String command : List.of("seed", "cancel")) {
            Cli.Result blank = cli.against(comet, command, " ");
            assertThat(blank.exitCode()).as(blank.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(blank.err()).contains("taskId");
        }
        assertThat(comet.journal()).isEmpty();
    }

    @Test
    void balancePrintsWhatApimartAndJourneyApiReportAndASelfHostedProxyLacksIt() {
        FakeMidjourneyServer apimart = server(Providers.apimart());
        FakeMidjourneyServer journey = server(Providers.journeyApi());
        FakeMidjourneyServer proxy = server(Providers.named("midjourney-proxy"));

        Cli.Result onApimart = cli.against(apimart, "balance");
        Cli.Result onJourney = cli.against(journey, "balance");

        assertThat(onApimart.exitCode()).as(onApimart.toString()).isZero();
        assertThat(onApimart.value("unit")).isEqualTo("balance");
        assertThat(onApimart.value("remaining")).matches("\\d+\\.\\d+");
        assertThat(onApimart.value("used")).matches("\\d+\\.\\d+");
        assertThat(apimart.journal(Route.BALANCE)).singleElement()
                .satisfies(call -> assertThat(call.path()).isEqualTo("/v1/user/balance"));
        assertThat(onJourney.exitCode()).as(onJourney.toString()).isZero();
        assertThat(onJourney.value("unit")).isEqualTo("credits");
        assertThat(onJourney.values("used")).isEmpty();
        assertThat(journey.journal(Route.BALANCE)).singleElement()
                .satisfies(call -> assertThat(call.path()).endsWith("/account"));
        assertRefused(cli.against(proxy, "balance"), proxy, "account balance");
    }
}
