package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.VirtualTime;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mj simulator}: started in a thread of its own (its jobs on virtual time, stopped by hand instead of Ctrl-C),
 * it serves the multi-step flows of other {@code mj} runs that only have its {@code export} lines; as a process of its
 * own, SIGTERM stops it cleanly.
 */
class MjSimulatorTest {
    private VirtualTime time;
    private ExecutorService thread;

    @BeforeEach
    void start() {
        time = VirtualTime.create();
        thread = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stop() {
        thread.shutdownNow();
        time.close();
    }

    /** A running {@code mj simulator}, its output so far, and the hand that stops it. */
    private final class Running {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CompletableFuture<Void> listening = new CompletableFuture<>();
        final CountDownLatch stop = new CountDownLatch(1);
        final CompletableFuture<Cli.Result> result;

        Running(String... args) throws Exception {
            Cli cli = new Cli(Map.of(), () -> FakeMidjourneyServer.builder().virtualTime(time), time::configure,
                    (ready, cleanup) -> {
                        ready.run();
                        listening.complete(null);
                        stop.await();
                        cleanup.run();
                    });
            result = CompletableFuture.supplyAsync(() -> cli.run(out, err, args), thread);
            CompletableFuture.anyOf(listening, result).get(30, TimeUnit.SECONDS);
            assertThat(listening).as("listening; %s", result).isDone();
        }

        /** The variables its {@code export} lines set. */
        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            out.toString(StandardCharsets.UTF_8).lines().forEach(line -> {
                assertThat(line).startsWith("export ");
                String[] pair = line.substring("export ".length()).split("=", 2);
                env.put(pair[0], pair[1]);
            });
            return env;
        }

        Cli.Result stop() throws Exception {
            stop.countDown();
            return result.get(30, TimeUnit.SECONDS);
        }
    }

    private Cli shell(Map<String, String> env) {
        return new Cli(env, () -> FakeMidjourneyServer.builder().virtualTime(time), time::configure);
    }

    @Test
    void anotherShellImaginesWithoutWaitingFetchesWaitsAndUpscalesThenCtrlCStopsIt() throws Exception {
        Running simulator = new Running("simulator", "--port", "0", "--job-duration", "1s");
        Map<String, String> env = simulator.environment();
        assertThat(env).containsEntry("MIDJOURNEY_PROVIDER", "cometapi")
                .containsEntry("MIDJOURNEY_API_KEY", FakeMidjourneyServer.DEFAULT_API_KEY)
                .containsEntry("MIDJOURNEY_AUTH_SCHEME", "bearer");
        assertThat(env.get("MIDJOURNEY_BASE_URL")).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(simulator.err.toString(StandardCharsets.UTF_8)).contains("jobs take 1s (turbo), 1s (fast)",
                "Ctrl-C stops it");
        Cli shell = shell(env);

        Cli.Result submitted = shell.run("imagine", "a red fox", "--speed", "turbo", "--no-wait");
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        String id = submitted.out().strip();
        Cli.Result fetched = shell.run("fetch", id);
        Cli.Result waited = shell.run("wait", id);
        Cli.Result json = shell.run("fetch", id, "--json");
        Cli.Result upscaled = shell.run("upscale", id, "2", "--speed", "turbo");

        assertThat(fetched.exitCode()).as(fetched.toString()).isZero();
        assertThat(fetched.value("id")).isEqualTo(id);
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        assertThat(waited.value("status")).isEqualTo("SUCCESS");
        JsonNode task = new ObjectMapper().readTree(json.out());
        assertThat(Duration.between(Instant.parse(task.get("submitTime").asText()),
                Instant.parse(task.get("finishTime").asText()))).isEqualTo(Duration.ofSeconds(1));
        assertThat(upscaled.exitCode()).as(upscaled.toString()).isZero();
        assertThat(upscaled.value("action")).isEqualTo("UPSCALE");

        Cli.Result stopped = simulator.stop();
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
        assertThat(stopped.err()).endsWith("simulator stopped\n");
        Cli.Result gone = shell.run("fetch", id);
        assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(ExitCodes.API_ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"midjourney-proxy", "trueai", "apimart", "journeyapi"})
    void itSpeaksTheProvidersDialectAndSaysHowToReachIt(String provider) throws Exception {
        Running simulator = new Running("--provider", provider, "simulator");
        Map<String, String> env = simulator.environment();
        Cli shell = shell(env);

        Cli.Result submitted = shell.run("imagine", "a red fox", "--no-wait");
        Cli.Result waited = shell.run("wait", submitted.out().strip());

        assertThat(env).containsEntry("MIDJOURNEY_PROVIDER", provider);
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        assertThat(waited.value("status")).isEqualTo("SUCCESS");
        assertThat(simulator.stop().exitCode()).isZero();
    }

    @Test
    void sigtermStopsTheProcessCleanly(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Mj.class.getName(), "simulator", "--port", "0")
                .redirectError(err.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> exports = new ArrayList<>();
            while (exports.size() < 4) {
                String line = out.readLine();
                assertThat(line).as("the export lines, then: %s", exports).isNotNull();
                exports.add(line);
            }
            assertThat(exports).allMatch(line -> line.startsWith("export "));

            process.destroy();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(128 + 15);
            assertThat(Files.readString(err))
                    .contains("Ctrl-C stops it").endsWith("simulator stopped" + System.lineSeparator());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aTakenPortIsAClearErrorWithExitCode1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            Cli.Result result = shell(Map.of()).run("simulator", "--port", String.valueOf(port));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.UNEXPECTED);
            assertThat(result.err()).contains("cannot listen on 127.0.0.1:" + port, "--port 0");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        Cli shell = shell(Map.of());
        for (String[] args : new String[][]{{"simulator", "--port", "70000"}, {"simulator", "--port", "x"},
            {"simulator", "--job-duration", "0s"}, {"--api-key", "k", "simulator"},
            {"--base-url", "http://127.0.0.1:1", "simulator"}, {"--provider", "dalle", "simulator"}}) {
            Cli.Result result = shell.run(args);

            assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(ExitCodes.USAGE);
            assertThat(result.out()).isEmpty();
        }
    }
}
