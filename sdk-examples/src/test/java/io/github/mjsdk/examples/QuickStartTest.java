package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.VirtualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
    @TempDir
    Path dir;

    private VirtualTime time;

    @BeforeEach
    void startTime() {
        time = VirtualTime.create();
    }

    @AfterEach
    void stopTime() {
        time.close();
    }

    @Test
    void withoutAKeyItRunsTheMainJobOnTheSimulatorAndLeavesTenImageFiles() throws Exception {
        Cli cli = new Cli(Map.of(), () -> FakeMidjourneyServer.builder().virtualTime(time), time::configure);
        Path out = dir.resolve("mj-out");

        Cli.Result result = cli.run("quickstart", "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String first = result.outLines().get(0);
        assertThat(first).contains("no MIDJOURNEY_API_KEY", "simulator", "http://127.0.0.1:");
        List<Path> folders;
        try (Stream<Path> list = Files.list(out)) {
            folders = list.sorted().toList();
        }
        assertThat(folders).hasSize(2);
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                        .isEqualTo(Set.of("grid.png", "1.png", "2.png", "3.png", "4.png"));
            }
            Pngs.assertGridFolder(folder);
        }
        assertSummary(result, folders);
        assertThat(result.err()).contains("imagine", "reroll", "100%");
    }

    @Test
    void withAKeyItUsesTheEnvironmentLikeFromEnvAndSendsThePrompt() throws Exception {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).start()) {
            Map<String, String> env = Map.of("MIDJOURNEY_API_KEY", server.apiKey(),
                    "MIDJOURNEY_BASE_URL", server.baseUrl(),
                    "MIDJOURNEY_AUTH_SCHEME", server.authScheme().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Cli cli = new Cli(env, () -> {
                throw new AssertionError("the simulator must not start when a key is set");
            }, time::configure);
            Path out = dir.resolve("out");

            Cli.Result result = cli.run("quickstart", "a lighthouse at dawn", "--out", out.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.outLines().get(0)).isEqualTo("using MIDJOURNEY_API_KEY against " + server.baseUrl()
                    + " (CometAPI)");
            String imagineId = result.outLines().get(2).split("\\s+")[1];
            try (MidjourneyClient client = time.configure(server.newClientBuilder()).build()) {
                Task imagined = client.fetchTask(imagineId);
                assertThat(imagined.prompt()).isEqualTo("a lighthouse at dawn");
            }
            Pngs.assertGridFolder(out.resolve(imagineId));
        }
    }

    @Test
    void inRealTimeItFinishesAndLeavesNoThreadThatWouldKeepTheJvmAlive() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        Cli cli = new Cli(Map.of(), () -> FakeMidjourneyServer.builder()
                .duration(Speed.TURBO, Duration.ofMillis(150)), UnaryOperator.identity());

        Cli.Result result = cli.run("quickstart", "--out", dir.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("10 image files");
        for (Thread thread : nonDaemonThreads()) {
            if (!before.contains(thread)) {
                thread.join(5_000);
                assertThat(thread.isAlive()).as("non-daemon thread %s still runs", thread.getName()).isFalse();
            }
        }
    }

    private static void assertSummary(Cli.Result result, List<Path> folders) {
        List<String> lines = result.outLines();
        assertThat(lines.get(1)).startsWith("step").contains("task id", "tier", "seconds", "files");
        assertThat(lines.get(2)).startsWith("imagine").contains("turbo", "grid.png 1.png 2.png 3.png 4.png");
        assertThat(lines.get(3)).startsWith("reroll").contains("turbo", "grid.png 1.png 2.png 3.png 4.png");
        String imagineId = lines.get(2).split("\\s+")[1];
        String rerollId = lines.get(3).split("\\s+")[1];
        assertThat(imagineId).isNotEqualTo(rerollId);
        assertThat(folders).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(imagineId, rerollId);
        assertThat(lines.get(2).split("\\s+")[3]).matches("\\d+\\.\\d");
        assertThat(lines.get(4)).startsWith("10 image files under ");
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon() && t.isAlive())
                .collect(Collectors.toSet());
    }
}
