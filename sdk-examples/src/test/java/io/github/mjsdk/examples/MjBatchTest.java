package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.VirtualTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mj batch} against the simulator (an account of 1 job at once and a queue of 1) on virtual time. */
class MjBatchTest {
    @TempDir
    Path dir;

    private final VirtualTime time = VirtualTime.create();
    private final Cli cli = new Cli(Map.of(),
            () -> FakeMidjourneyServer.builder().virtualTime(time).concurrency(1).queueSize(1), time::configure);

    @AfterEach
    void stop() {
        time.close();
    }

    private Path prompts(String... lines) throws Exception {
        Path file = dir.resolve("prompts.txt");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void everyPromptIsImaginedAndSavedWhileTheAccountRefusesTheOverflow() throws Exception {
        Path file = prompts("# foxes", "a red fox", "", "a grey fox --ar 3:2", "  an arctic fox  ", "a fennec fox",
                "a kit fox");
        Path out = dir.resolve("out");

        Cli.Result result = cli.run("--simulator", "batch", file.toString(), "--speed", "turbo", "--out",
                out.toString(), "--max-in-flight", "4");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.values("done")).hasSize(5).anyMatch(line -> line.endsWith(" an arctic fox"));
        assertThat(result.values("file")).hasSize(25).allMatch(path -> Files.isRegularFile(Path.of(path)));
        assertThat(result.value("prompts")).isEqualTo("5");
        assertThat(result.value("succeeded")).isEqualTo("5");
        assertThat(result.value("failed")).isEqualTo("0");
        assertThat(Long.parseLong(result.value("requeued"))).isPositive();
        List<String> bar = result.err().lines().filter(line -> line.startsWith("batch: ")).toList();
        assertThat(bar).isNotEmpty().allMatch(line -> line.matches("batch: \\d/5 finished \\(.*\\)"));
        assertThat(bar.get(bar.size() - 1)).isEqualTo("batch: 5/5 finished (5 done, 0 failed, 0 running, 0 queued)");
        assertThat(result.err()).doesNotContain("\r");
    }

    @Test
    void aFailedPromptIsReportedAndMakesTheExitCodeNonZero() throws Exception {
        Path file = prompts("a red fox", "an nsfw fox", "a grey fox");

        Cli.Result result = cli.run("--simulator", "batch", file.toString(), "--speed", "turbo");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(result.values("done")).hasSize(2);
        assertThat(result.value("failed")).isEqualTo("1");
        assertThat(result.err()).contains("mj: prompt 2 failed:", "banned");
        assertThat(result.err()).contains("batch: 3/3 finished (2 done, 1 failed, 0 running, 0 queued)");
    }

    @Test
    void aPromptThatFailsOnTheServerExitsWithTaskFailed() throws Exception {
        Path file = prompts("a red fox --foo 3", "a grey fox");

        Cli.Result result = cli.run("--simulator", "batch", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.TASK_FAILED);
        assertThat(result.err()).contains("mj: prompt 1 failed:", "Unrecognized parameter");
        assertThat(result.value("succeeded")).isEqualTo("1");
    }

    @Test
    void promptsComeFromStdinWithADash() {
        byte[] stdin = "a red fox\n# skipped\na grey fox\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Mj.run(new Console(outStream, errStream, Map.of(),
                    () -> FakeMidjourneyServer.builder().virtualTime(time), time::configure, false,
                    new ByteArrayInputStream(stdin)), "--simulator", "batch", "-");
        }

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("a red fox", "a grey fox")
                .doesNotContain("skipped").contains("succeeded 2");
    }

    @Test
    void aMissingFileOrAnEmptyOneIsAUsageError() throws Exception {
        Cli.Result missing = cli.run("--simulator", "batch", dir.resolve("nope.txt").toString());
        Cli.Result empty = cli.run("--simulator", "batch", prompts("# nothing", "").toString());
        Cli.Result badLimit = cli.run("--simulator", "batch", prompts("a fox").toString(), "--max-in-flight", "-1");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no such file");
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("no prompts in");
        assertThat(badLimit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badLimit.err()).contains("maxInFlight");
    }
}
