package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mj vary --mode subtle|strong} and {@code mj vary --mask FILE [--prompt P]} against the simulator: the
 * buttons clicked and the modal step answered on the wire, and the usage errors before anything is sent.
 */
class MjVaryModesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private VirtualTime time;
    private FakeMidjourneyServer server;
    private Cli cli;

    @BeforeEach
    void start() {
        time = VirtualTime.create();
        server = FakeMidjourneyServer.builder().provider(Providers.cometApi()).virtualTime(time).start();
        cli = new Cli(Map.of(), () -> FakeMidjourneyServer.builder().virtualTime(time), time::configure);
    }

    @AfterEach
    void stop() {
        server.close();
        time.close();
    }

    private String upscaled() {
        String grid = cli.against(server, "imagine", "a lighthouse").value("id");
        Cli.Result upscale = cli.against(server, "upscale", grid, "2");
        assertThat(upscale.exitCode()).as(upscale.toString()).isZero();
        server.clearJournal();
        return upscale.value("id");
    }

    private Path mask(int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(10, 20, 100, 50);
        g.dispose();
        Path file = dir.resolve("mask.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void modeClicksVarySubtleOrStrongOnAnUpscale() throws IOException {
        String image = upscaled();

        Cli.Result subtle = cli.against(server, "vary", image, "--mode", "subtle", "--speed", "turbo");
        Cli.Result strong = cli.against(server, "vary", image, "--mode", "STRONG");

        assertThat(subtle.exitCode()).as(subtle.toString()).isZero();
        assertThat(subtle.value("status")).isEqualTo("SUCCESS");
        assertThat(strong.exitCode()).as(strong.toString()).isZero();
        List<RecordedCall> clicks = server.journal(Route.ACTION);
        assertThat(clicks).hasSize(2);
        assertThat(clicks.get(0).path()).isEqualTo("/mj-turbo/mj/submit/action");
        assertThat(JSON.readTree(clicks.get(0).body()).path("customId").asText()).contains("low_variation");
        assertThat(JSON.readTree(clicks.get(0).body()).path("taskId").asText()).isEqualTo(image);
        assertThat(JSON.readTree(clicks.get(1).body()).path("customId").asText()).contains("high_variation");
    }

    @Test
    void maskRunsVaryRegionAndAnswersTheModalWithTheMaskAndPrompt() throws IOException {
        String image = upscaled();

        Cli.Result region = cli.against(server, "vary", image, "--mask", mask(256).toString(), "--prompt",
                "a red roof");

        assertThat(region.exitCode()).as(region.toString()).isZero();
        assertThat(region.value("status")).isEqualTo("SUCCESS");
        assertThat(JSON.readTree(server.journal(Route.ACTION).get(0).body()).path("customId").asText())
                .startsWith("MJ::Inpaint::");
        JsonNode modal = JSON.readTree(server.journal(Route.MODAL).get(0).body());
        assertThat(modal.path("prompt").asText()).isEqualTo("a red roof");
        assertThat(modal.path("maskBase64").asText()).startsWith("data:image/png;base64,");
    }

    @Test
    void aMaskOfTheWrongSizeIsRefusedBeforeAnyClick() throws IOException {
        String image = upscaled();

        Cli.Result region = cli.against(server, "vary", image, "--mask", mask(100).toString());

        assertThat(region.exitCode()).as(region.toString()).isNotZero();
        assertThat(region.err()).contains("256");
        assertThat(server.journal(Route.ACTION)).isEmpty();
        assertThat(server.journal(Route.MODAL)).isEmpty();
    }

    @Test
    void oneOfIndexModeOrMaskIsAUsageErrorOtherwise() throws IOException {
        Path file = mask(256);
        for (String[] args : List.of(new String[]{"vary", "t"}, new String[]{"vary", "t", "1", "--mode", "subtle"},
                new String[]{"vary", "t", "--mode", "strong", "--mask", file.toString()},
                new String[]{"vary", "t", "1", "--prompt", "a roof"},
                new String[]{"vary", "t", "--mask", dir.resolve("missing.png").toString()})) {
            Cli.Result result = cli.against(server, args);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        }
        assertThat(server.journal()).isEmpty();
    }
}
