package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.VirtualTime;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mj command and every exit code, run in-process against the simulator on virtual time. */
class MjTest {
    @TempDir
    Path dir;

    private VirtualTime time;
    private FakeMidjourneyServer server;
    private Cli cli;

    @BeforeEach
    void start() {
        time = VirtualTime.create();
        server = FakeMidjourneyServer.builder().virtualTime(time).start();
        cli = cliWith(Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
        time.close();
    }

    // ---------------------------------------------------------------- commands, exit code 0

    @Test
    void imagineWaitsShowsProgressOnStderrAndPrintsTheTaskOnStdout() {
        Cli.Result result = remote("imagine", "a red fox in fresh snow", "--speed", "turbo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("status")).isEqualTo("SUCCESS");
        assertThat(result.value("action")).isEqualTo("IMAGINE");
        assertThat(result.value("prompt")).isEqualTo("a red fox in fresh snow");
        assertThat(result.value("image")).startsWith(server.baseUrl());
        assertThat(result.value("buttons")).contains("U1", "V4");
        assertThat(result.err()).contains("imagine", "100%");
        assertThat(result.out()).doesNotContain("100/100", "imagine ");
    }

    @Test
    void imagineWithOutSavesTheGridAndItsFourImages() {
        Path out = dir.resolve("out");

        Cli.Result result = remote("imagine", "a red fox", "--speed", "TURBO", "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String id = result.value("id");
        assertThat(result.values("file")).containsExactly(out.resolve(id).resolve("grid.png").toString(),
                out.resolve(id).resolve("1.png").toString(), out.resolve(id).resolve("2.png").toString(),
                out.resolve(id).resolve("3.png").toString(), out.resolve(id).resolve("4.png").toString());
        Pngs.assertGridFolder(out.resolve(id));
    }

    @Test
    void imagineNoWaitPrintsOnlyTheTaskIdAndWaitThenFinishesIt() {
        Cli.Result submitted = remote("imagine", "a red fox", "--speed", "turbo", "--no-wait");

        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        assertThat(submitted.outLines()).hasSize(1);
        String id = submitted.outLines().get(0);
        assertThat(id).isNotBlank().doesNotContain(" ");

        Path out = dir.resolve("waited");
        Cli.Result waited = remote("wait", id, "--out", out.toString());

        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        assertThat(waited.value("id")).isEqualTo(id);
        assertThat(waited.value("status")).isEqualTo("SUCCESS");
        assertThat(waited.err()).contains("waiting for task " + id);
        Pngs.assertGridFolder(out.resolve(id));
    }

    @Test
    void rerollMakesANewGridFromAFinishedOne() {
        String grid = imagine();

        Cli.Result result = remote("reroll", grid, "--speed", "turbo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("id")).isNotEqualTo(grid);
        assertThat(result.value("status")).isEqualTo("SUCCESS");
        assertThat(result.err()).contains("reroll", "100%");
    }

    @Test
    void rerollNoWaitPrintsTheNewTaskId() {
        String grid = imagine();

        Cli.Result result = remote("reroll", grid, "--speed", "turbo", "--no-wait");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).hasSize(1).first().isNotEqualTo(grid);
    }

    @Test
    void upscaleMakesOneImageOfTheGridAndSavesIt() {
        Path out = dir.resolve("up");
        Cli.Result gridRun = remote("imagine", "a red fox", "--speed", "turbo", "--out", out.toString());
        String grid = gridRun.value("id");

        Cli.Result result = remote("upscale", grid, "2", "--speed", "turbo", "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String id = result.value("id");
        assertThat(result.value("action")).isEqualTo("UPSCALE");
        assertThat(result.values("file")).containsExactly(out.resolve(id).resolve("image.png").toString());
        BufferedImage upscaled = Pngs.read(out.resolve(id).resolve("image.png"));
        BufferedImage quarter = Pngs.read(out.resolve(grid).resolve("2.png"));
        assertThat(upscaled.getWidth()).isEqualTo(quarter.getWidth());
        assertThat(upscaled.getHeight()).isEqualTo(quarter.getHeight());
    }

    @Test
    void fetchPrintsASummaryOrTheWholeTaskAsJson() throws Exception {
        String grid = imagine();

        Cli.Result summary = remote("fetch", grid);
        Cli.Result json = remote("fetch", grid, "--json");

        assertThat(summary.exitCode()).as(summary.toString()).isZero();
        assertThat(summary.value("id")).isEqualTo(grid);
        assertThat(summary.value("status")).isEqualTo("SUCCESS");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode task = new ObjectMapper().readTree(json.out());
        assertThat(task.get("id").asText()).isEqualTo(grid);
        assertThat(task.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(task.get("progress").asInt()).isEqualTo(100);
        assertThat(task.get("imageUrl").asText()).startsWith(server.baseUrl());
        assertThat(task.get("buttons")).hasSize(9);
        assertThat(task.get("submitTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(task.has("terminal")).isFalse();
        assertThat(json.err()).isEmpty();
    }

    @Test
    void theSimulatorOptionNeedsNoKey() {
        Cli.Result result = cli.run("--simulator", "imagine", "a red fox", "--speed", "turbo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("status")).isEqualTo("SUCCESS");
    }

    @Test
    void theEnvironmentSuppliesKeyBaseUrlAndSchemeWhenTheOptionsAreNotGiven() {
        Cli fromEnv = cliWith(Map.of("MIDJOURNEY_API_KEY", server.apiKey(), "MIDJOURNEY_BASE_URL", server.baseUrl(),
                "MIDJOURNEY_AUTH_SCHEME", scheme()));

        Cli.Result result = fromEnv.run("imagine", "a red fox", "--speed", "turbo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("image")).startsWith(server.baseUrl());
    }

    @Test
    void optionsWinOverTheEnvironmentAndTheSchemeIsHonoured() throws Exception {
        try (MockWebServer api = new MockWebServer()) {
            api.start();
            api.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"id\":\"1712345678901123\",\"action\":\"IMAGINE\",\"status\":\"SUCCESS\","
                            + "\"progress\":\"100%\"}").build());
            Cli withEnv = cliWith(Map.of("MIDJOURNEY_API_KEY", "sk-from-env", "MIDJOURNEY_BASE_URL",
                    "http://127.0.0.1:9", "MIDJOURNEY_AUTH_SCHEME", "bearer"));

            Cli.Result result = withEnv.run("fetch", "1712345678901123", "--base-url", api.url("/").toString(),
                    "--api-key", "sk-from-flag", "--auth-scheme", "mj-api-secret");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            RecordedRequest request = api.takeRequest();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/mj/task/1712345678901123/fetch");
            assertThat(request.getHeaders().get("mj-api-secret")).isEqualTo("sk-from-flag");
            assertThat(request.getHeaders().get("Authorization")).isNull();
        }
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli.Result top = cli.run("--help");
        Cli.Result imagine = cli.run("imagine", "--help");

        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("imagine", "reroll", "upscale", "fetch", "wait", "quickstart",
                "--simulator", "--base-url", "--api-key", "MIDJOURNEY_API_KEY", "Exit codes:");
        assertThat(imagine.exitCode()).isZero();
        assertThat(imagine.out()).contains("--speed", "--no-wait", "--out", "Exit codes:");
        for (String code : List.of("0", "1", "2", "3", "4", "5")) {
            assertThat(imagine.out()).containsPattern("(?m)^\\s+" + code + "\\s+\\S");
        }
    }

    // ---------------------------------------------------------------- exit code 2: usage

    @Test
    void usageErrorsExitWith2() {
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[]{});
        bad.add(new String[]{"paint", "x"});
        bad.add(new String[]{"imagine"});
        bad.add(new String[]{"imagine", "a fox", "--speed", "warp"});
        bad.add(new String[]{"imagine", "a fox", "--bogus"});
        bad.add(new String[]{"imagine", "a fox", "--no-wait", "--out", "x"});
        bad.add(new String[]{"imagine", "a fox", "--timeout", "soon"});
        bad.add(new String[]{"upscale", "1712345678901123", "5"});
        bad.add(new String[]{"upscale", "1712345678901123", "two"});
        bad.add(new String[]{"fetch"});
        for (String[] args : bad) {
            Cli.Result result = remote(args);
            assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isEqualTo(2);
            assertThat(result.err()).as(String.join(" ", args)).isNotEmpty();
            assertThat(result.out()).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void noKeyAndNoSimulatorIsAUsageError() {
        Cli.Result result = cli.run("imagine", "a red fox");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no API key", "MIDJOURNEY_API_KEY", "--simulator");
    }

    @Test
    void aBlankPromptIsAUsageError() {
        Cli.Result result = remote("imagine", "  ");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("prompt");
    }

    // ---------------------------------------------------------------- exit code 3: task failed

    @Test
    void aTaskThatFailsExitsWith3() {
        Cli.Result result = remote("imagine", "a red fox --ar 0:0", "--speed", "turbo");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("Invalid parameter");
        assertThat(result.out()).isEmpty();
    }

    // ---------------------------------------------------------------- exit code 4: API error

    @Test
    void aRefusedKeyExitsWith4WithoutPrintingTheKey() {
        Cli.Result result = cli.run("fetch", "1712345678901123", "--base-url", server.baseUrl(), "--api-key",
                "sk-wrong-canary-7731", "--auth-scheme", scheme());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.err()).contains("401");
        assertThat(result.err() + result.out()).doesNotContain("sk-wrong-canary-7731");
    }

    @Test
    void anUnknownTaskExitsWith4() {
        Cli.Result result = remote("fetch", "9999999999999999");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
    }

    @Test
    void anHtmlAnswerExitsWith4() throws Exception {
        try (MockWebServer api = new MockWebServer()) {
            api.start();
            api.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                    .body("<html><body>Bad gateway</body></html>").build());

            Cli.Result result = cli.run("fetch", "1712345678901123", "--base-url", api.url("/").toString(),
                    "--api-key", "sk-test");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
            assertThat(result.err()).contains("HTTP 200");
        }
    }

    @Test
    void anUnreachableServerExitsWith4() throws Exception {
        MockWebServer gone = new MockWebServer();
        gone.start();
        String url = gone.url("/").toString();
        gone.close();

        Cli.Result result = cli.run("fetch", "1712345678901123", "--base-url", url, "--api-key", "sk-test");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
    }

    @Test
    void rerollingAnUpscaleIsAWrongTaskStateAndExitsWith4() {
        String grid = imagine();
        String upscale = remote("upscale", grid, "1", "--speed", "turbo").value("id");

        Cli.Result result = remote("reroll", upscale, "--speed", "turbo");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
    }

    // ---------------------------------------------------------------- exit code 5: timeout

    @Test
    void aTaskThatDoesNotFinishInTimeExitsWith5() {
        try (FakeMidjourneyServer slow = FakeMidjourneyServer.builder().virtualTime(time)
                .duration(Speed.TURBO, Duration.ofHours(1)).start()) {
            Cli.Result imagine = cli.run("imagine", "a red fox", "--speed", "turbo", "--timeout", "2m",
                    "--base-url", slow.baseUrl(), "--api-key", slow.apiKey(), "--auth-scheme", scheme());
            assertThat(imagine.exitCode()).as(imagine.toString()).isEqualTo(5);
            assertThat(imagine.err()).contains("not finished after 120 s");

            String id = cli.run("imagine", "a red fox", "--speed", "turbo", "--no-wait", "--base-url",
                    slow.baseUrl(), "--api-key", slow.apiKey(), "--auth-scheme", scheme()).out().trim();
            Cli.Result waited = cli.run("wait", id, "--timeout", "90s", "--base-url", slow.baseUrl(), "--api-key",
                    slow.apiKey(), "--auth-scheme", scheme());
            assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(5);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Cli cliWith(Map<String, String> env) {
        return new Cli(env, () -> FakeMidjourneyServer.builder().virtualTime(time), time::configure);
    }

    private Cli.Result remote(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base-url", server.baseUrl(), "--api-key", server.apiKey(), "--auth-scheme", scheme()));
        return cli.run(all.toArray(String[]::new));
    }

    private String imagine() {
        Cli.Result result = remote("imagine", "a red fox", "--speed", "turbo");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.value("id");
    }

    private String scheme() {
        return server.authScheme().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
