package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mj video}: image → clips, extend, submit only, and its usage errors, with their exit codes. */
class MjVideoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

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

    private String png() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 2, 0xABCDEF);
        Path file = dir.resolve("frame.png");
        ImageIO.write(image, "png", file.toFile());
        return file.toString();
    }

    private JsonNode videoBody(int index) throws IOException {
        return JSON.readTree(server.journal(Route.VIDEO).get(index).body());
    }

    @Test
    void animatesAFileSavesTheClipsAndExtendsOne() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result video = cli.against(server, "video", png(), "--prompt", "the sky clears", "--motion", "high",
                "--batch-size", "2", "--speed", "fast", "--out", out.toString());

        assertThat(video.exitCode()).as(video.toString()).isZero();
        assertThat(video.value("action")).isEqualTo("VIDEO");
        assertThat(video.values("video")).hasSize(2);
        assertThat(video.values("file")).hasSize(2).allSatisfy(file -> assertThat(Path.of(file)).exists());
        assertThat(Files.exists(out.resolve(video.value("id")).resolve("video-2.gif"))).isTrue();
        JsonNode body = videoBody(0);
        assertThat(server.journal(Route.VIDEO).get(0).path()).isEqualTo("/mj-fast/mj/submit/video");
        assertThat(body.path("motion").asText()).isEqualTo("high");
        assertThat(body.path("batchSize").asInt()).isEqualTo(2);
        assertThat(body.path("prompt").asText()).isEqualTo("the sky clears");
        assertThat(body.path("image").asText()).startsWith("data:image/png;base64,");

        Cli.Result extended = cli.against(server, "video", "--extend", video.value("id"), "--index", "2", "--prompt",
                "night");
        assertThat(extended.exitCode()).as(extended.toString()).isZero();
        assertThat(extended.values("video")).hasSize(4);
        assertThat(videoBody(1).toString()).isEqualTo("{\"action\":\"extend\",\"taskId\":\"" + video.value("id")
                + "\",\"index\":1,\"motion\":\"low\",\"prompt\":\"night\"}");
    }

    @Test
    void noWaitPrintsTheTaskIdOnly() throws IOException {
        Cli.Result submitted = cli.against(server, "video", "https://img.example/a.png", "--no-wait");

        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        assertThat(submitted.out().strip()).matches("[0-9]{16}");
        assertThat(server.journal(Route.VIDEO)).hasSize(1);
        assertThat(server.journal(Route.FETCH)).isEmpty();
    }

    @Test
    void badInputIsAUsageErrorBeforeAnyRequest() throws IOException {
        String frame = png();
        List<Cli.Result> results = List.of(cli.against(server, "video"),
                cli.against(server, "video", frame, "--batch-size", "3"),
                cli.against(server, "video", frame, "--index", "2"),
                cli.against(server, "video", frame, "--extend", "1712345678901123"),
                cli.against(server, "video", "--extend", "1712345678901123", "--index", "5"),
                cli.against(server, "video", frame, "--motion", "wild"),
                cli.against(server, "video", dir.resolve("missing.png").toString()));

        assertThat(results).allSatisfy(result -> assertThat(result.exitCode()).as(result.toString())
                .isEqualTo(ExitCodes.USAGE));
        assertThat(server.journal()).isEmpty();
    }

    @Test
    void anUnknownParentIsAnApiErrorAndApimartsMissingExtendAUsageError() throws IOException {
        Cli.Result unknown = cli.against(server, "video", "--extend", "1712345678901123");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.API_ERROR);

        Cli.Result apimart = cli.run("--simulator", "--provider", "apimart", "video", "--extend", "task_1");
        assertThat(apimart.exitCode()).as(apimart.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(apimart.err()).contains("video extend");
    }

    @Test
    void theSimulatorRunsItOffline() throws IOException {
        Cli.Result result = cli.run("--simulator", "--provider", "journeyapi", "video", "https://img.example/a.png",
                "--prompt", "snow falls", "--out", dir.resolve("sim").toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.values("file")).hasSize(4).allSatisfy(file -> assertThat(file).endsWith(".gif"));
    }
}
