package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.VirtualTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When stderr is not a terminal, progress is plain lines: no bar redrawn with {@code \r}. */
class MjProgressTest {
    private VirtualTime time;
    private Cli cli;

    @BeforeEach
    void start() {
        time = VirtualTime.create();
        cli = new Cli(Map.of(), () -> FakeMidjourneyServer.builder().virtualTime(time), time::configure);
    }

    @AfterEach
    void stop() {
        time.close();
    }

    @Test
    void progressOnAStderrThatIsNotATerminalIsPlainLines() {
        Cli.Result imagine = cli.run("--simulator", "imagine", "a red fox", "--speed", "turbo");

        assertThat(imagine.exitCode()).as(imagine.toString()).isZero();
        assertThat(imagine.err()).doesNotContain("\r");
        assertThat(imagine.err().lines()).isNotEmpty().allMatch(line -> line.startsWith("imagine: "));
        assertThat(imagine.err()).contains("imagine: SUCCESS 100%");
    }
}
