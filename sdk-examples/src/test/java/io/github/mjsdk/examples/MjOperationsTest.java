package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mj describe}, {@code blend}, {@code pan} and {@code zoom} with their exit codes, against the simulator. */
class MjOperationsTest {
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

    private Path png(String name, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, rgb);
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void describePrintsFourPrompts() throws IOException {
        Cli.Result result = cli.against(server, "describe", png("cat.png", 0x123456).toString(), "--speed", "fast");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("action")).isEqualTo("DESCRIBE");
        assertThat(result.values("suggestion")).hasSize(4);
        assertThat(server.journal(Route.DESCRIBE)).hasSize(1);
    }

    @Test
    void blendMakesAGridAndSavesIt() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result result = cli.against(server, "blend", png("a.png", 1).toString(), png("b.png", 2).toString(),
                "--dimensions", "landscape", "--out", out.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.value("action")).isEqualTo("BLEND");
        assertThat(result.values("file")).hasSize(5);
        assertThat(Files.exists(out.resolve(result.value("id")).resolve("grid.png"))).isTrue();
    }

    @Test
    void panAndZoomOnAnUpscale() {
        String grid = cli.against(server, "imagine", "a red fox", "--speed", "turbo").value("id");
        String image = cli.against(server, "upscale", grid, "1", "--speed", "turbo").value("id");

        Cli.Result pan = cli.against(server, "pan", image, "left");
        Cli.Result zoom = cli.against(server, "zoom", image, "--ratio", "1.5");
        Cli.Result custom = cli.against(server, "zoom", image, "--ratio", "1.25");

        assertThat(pan.exitCode()).as(pan.toString()).isZero();
        assertThat(pan.value("action")).isEqualTo("PAN");
        assertThat(zoom.exitCode()).as(zoom.toString()).isZero();
        assertThat(zoom.value("action")).isEqualTo("ZOOM");
        assertThat(custom.exitCode()).as(custom.toString()).isZero();
        assertThat(server.journal(Route.MODAL)).hasSize(1);
    }

    @Test
    void badInputIsAUsageErrorBeforeAnyRequest() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");

        Cli.Result oneImage = cli.against(server, "blend", png("a.png", 1).toString());
        Cli.Result notAnImage = cli.against(server, "describe", text.toString());
        Cli.Result ratio = cli.against(server, "zoom", "123", "--ratio", "3");

        assertThat(oneImage.exitCode()).as(oneImage.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(oneImage.err()).contains("images").contains("2 to 5");
        assertThat(notAnImage.exitCode()).as(notAnImage.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(notAnImage.err()).contains("file:");
        assertThat(ratio.exitCode()).as(ratio.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(ratio.err()).contains("ratio");
        assertThat(server.journal()).isEmpty();
    }

    @Test
    void aPanOnAGridIsAnApiErrorAndAnOperationTheProviderLacksAUsageError() throws IOException {
        String grid = cli.against(server, "imagine", "a red fox", "--speed", "turbo").value("id");
        Cli.Result pan = cli.against(server, "pan", grid, "up");
        assertThat(pan.exitCode()).as(pan.toString()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(pan.err()).contains("upscale");

        try (FakeMidjourneyServer journey = FakeMidjourneyServer.builder().provider(Providers.journeyApi())
                .virtualTime(time).start()) {
            Cli.Result action = cli.run("action", "t", "MJ::JOB::upsample::1::x", "--provider", "journeyapi",
                    "--base-url", journey.baseUrl(), "--api-key", journey.apiKey());
            assertThat(action.exitCode()).as(action.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(action.err()).contains("JourneyAPI").contains("any button by customId");
            assertThat(journey.journal()).isEmpty();
        }
    }
}
