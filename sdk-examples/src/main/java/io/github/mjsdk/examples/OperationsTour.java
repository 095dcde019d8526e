package io.github.mjsdk.examples;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.BlendDimensions;
import io.github.mjsdk.model.BlendRequest;
import io.github.mjsdk.model.DescribeRequest;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.PanDirection;
import io.github.mjsdk.model.RegionMask;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.VaryRegionRequest;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * One short example per family of operations, run against the built-in simulator (no key, no network): describe →
 * imagine from a suggested prompt; blend; pan and zoom out on an upscale; Vary (Region) with a rectangle mask.
 *
 * <pre>
 * java -cp sdk-examples/target/mj.jar io.github.mjsdk.examples.OperationsTour
 * </pre>
 *
 * <p>Prints one line per step to stdout; exits with 0 when every step succeeded.
 */
public final class OperationsTour {
    private OperationsTour() {
    }

    /**
     * Runs the tour against a fresh simulator.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().start();
             MidjourneyClient client = server.newClient()) {
            run(client, System.out);
        }
    }

    /**
     * The tour on any client whose provider has these operations (the proxy family has them all).
     *
     * @param client the client
     * @param out    where each step prints its line
     */
    static void run(MidjourneyClient client, PrintStream out) {
        // describe → imagine from the first suggestion
        Task described = client.describe(DescribeRequest.of(sample(0x3366cc))).join();
        String suggestion = described.describePrompts().get(0);
        out.println("describe: " + suggestion);
        Task grid = client.imagine(suggestion, null).join();
        out.println("imagine: " + grid.id() + " " + grid.status());

        // blend two images into a landscape grid
        Task blended = client.blend(BlendRequest.of(List.of(sample(0xcc3333), sample(0x33cc33)))
                .withDimensions(BlendDimensions.LANDSCAPE)).join();
        out.println("blend: " + blended.id() + " " + blended.status());

        // pan and zoom out on an upscale
        Task image = client.upscale(grid.id(), 1, null).join();
        Task panned = client.pan(image.id(), PanDirection.RIGHT, null).join();
        out.println("pan: " + panned.id() + " " + panned.action());
        Task zoomed = client.zoomOut(image.id(), 1.5, null).join();
        out.println("zoom: " + zoomed.id() + " " + zoomed.action());

        // Vary (Region): repaint the top-left quarter of the (simulator's 256×256) upscale
        RegionMask mask = RegionMask.ofRectangles(256, 256, List.of(new RegionMask.Rect(0, 0, 128, 128)));
        Task region = client.varyRegion(VaryRegionRequest.of(image.id(), mask).withPrompt("the same scene at night"))
                .join();
        out.println("vary region: " + region.id() + " " + region.status());
    }

    private static ImageInput sample(int rgb) {
        BufferedImage picture = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                picture.setRGB(x, y, (x + y) % 2 == 0 ? rgb : 0xffffff);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ImageInput.of(png.toByteArray(), "image/png");
    }
}
