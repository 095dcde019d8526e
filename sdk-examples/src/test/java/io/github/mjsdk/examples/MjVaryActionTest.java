package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.VirtualTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code mj vary} and {@code mj action} with their exit codes, against the simulator. */
class MjVaryActionTest {
    private static final Pattern VARIATION_2 = Pattern.compile("\"customId\"\\s*:\\s*\"([^\"]*variation::2[^\"]*)\"");

    private VirtualTime time;
    private FakeMidjourneyServer server;
    private Cli cli;

    @BeforeEach
    void start() {
        time = VirtualTime.create();
        server = FakeMidjourneyServer.builder().virtualTime(time).start();
        cli = new Cli(Map.of(), () -> FakeMidjourneyServer.builder().virtualTime(time), time::configure);
    }

    @AfterEach
    void stop() {
        server.close();
        time.close();
    }

    @Test
    void varyMakesANewGridFromOneImage() {
        String grid = cli.against(server, "imagine", "a red fox", "--speed", "turbo").value("id");

        Cli.Result vary = cli.against(server, "vary", grid, "3", "--speed", "turbo");

        assertThat(vary.exitCode()).as(vary.toString()).isZero();
        assertThat(vary.value("action")).isEqualTo("VARIATION");
        assertThat(vary.value("status")).isEqualTo("SUCCESS");
        assertThat(vary.value("id")).isNotEqualTo(grid);
    }

    @Test
    void varyOutsideOneToFourIsAUsageErrorBeforeAnyRequest() {
        Cli.Result vary = cli.against(server, "vary", "123", "5");

        assertThat(vary.exitCode()).as(vary.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(vary.err()).contains("INDEX");
        assertThat(server.journal()).isEmpty();
    }

    @Test
    void actionClicksAButtonByItsCustomId() {
        String grid = cli.against(server, "imagine", "a red fox", "--speed", "turbo").value("id");
        Matcher button = VARIATION_2.matcher(cli.against(server, "fetch", grid, "--json").out());
        assertThat(button.find()).as("a V2 button on the grid").isTrue();

        Cli.Result action = cli.against(server, "action", grid, button.group(1), "--speed", "turbo");

        assertThat(action.exitCode()).as(action.toString()).isZero();
        assertThat(action.value("action")).isEqualTo("VARIATION");
        assertThat(action.value("status")).isEqualTo("SUCCESS");
    }

    @Test
    void anActionWithAButtonTheTaskLacksIsAnApiError() {
        String grid = cli.against(server, "imagine", "a red fox", "--speed", "turbo").value("id");

        Cli.Result action = cli.against(server, "action", grid, "MJ::JOB::nothing::9::deadbeef");
        Cli.Result missing = cli.against(server, "action", grid);

        assertThat(action.exitCode()).as(action.toString()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(action.err()).startsWith("mj: ");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.USAGE);
    }
}
