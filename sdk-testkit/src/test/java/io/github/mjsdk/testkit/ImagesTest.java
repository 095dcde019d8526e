package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImagesTest {
    private final SimulatedClock clock = new SimulatedClock();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).randomSeed(5).start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    @Test
    void aGridIsA512PngOfFourDistinct256Quadrants() {
        JsonNode grid = finished(wire.imagine("/mj", "a red fox in fresh snow"));
        Wire.Answer answer = wire.getUrl(grid.path("imageUrl").asText());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("Content-Type")).isEqualTo("image/png");
        BufferedImage image = png(answer.body());
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
        for (int a = 1; a <= 4; a++) {
            for (int b = a + 1; b <= 4; b++) {
                assertThat(difference(quadrant(image, a), quadrant(image, b)))
                        .as("quadrants %d and %d", a, b).isGreaterThan(20.0);
            }
        }
    }

    @Test
    void theImageUrlsAreTheFourQuadrants() {
        JsonNode grid = finished(wire.imagine("/mj", "a red fox"));
        BufferedImage image = png(wire.getUrl(grid.path("imageUrl").asText()).body());

        for (int q = 1; q <= 4; q++) {
            BufferedImage quarter = png(wire.getUrl(grid.path("imageUrls").get(q - 1).path("url").asText()).body());
            assertThat(quarter.getWidth()).isEqualTo(256);
            assertThat(difference(quarter, quadrant(image, q))).isZero();
        }
    }

    @Test
    void anUpscaleIsItsQuadrantPixelForPixelAndAnHdUpscaleTheSamePictureAtTwiceTheSize() {
        String gridId = wire.imagine("/mj", "a lighthouse at dawn");
        JsonNode grid = finished(gridId);
        BufferedImage gridImage = png(wire.getUrl(grid.path("imageUrl").asText()).body());
        JsonNode upscale = finished(wire.click(gridId, Wire.button(grid, "U3")));
        BufferedImage single = png(wire.getUrl(upscale.path("imageUrl").asText()).body());
        JsonNode hd = finished(wire.click(upscale.path("id").asText(), Wire.button(upscale, "Upscale (Creative)")));
        BufferedImage big = png(wire.getUrl(hd.path("imageUrl").asText()).body());

        assertThat(single.getWidth()).isEqualTo(256);
        assertThat(difference(single, quadrant(gridImage, 3))).isZero();
        assertThat(big.getWidth()).isEqualTo(512);
        assertThat(difference(halve(big), single)).isLessThan(12.0);
        assertThat(difference(halve(big), quadrant(gridImage, 1))).isGreaterThan(20.0);
    }

    @Test
    void picturesAreDeterministicFromPromptAndSeed() {
        JsonNode first = finished(wire.imagine("/mj", "a fox --seed 99"));
        JsonNode second = finished(wire.imagine("/mj", "a fox --seed 99"));
        JsonNode otherSeed = finished(wire.imagine("/mj", "a fox --seed 100"));
        JsonNode otherPrompt = finished(wire.imagine("/mj", "a wolf --seed 99"));

        byte[] bytes = wire.getUrl(first.path("imageUrl").asText()).body();
        assertThat(wire.getUrl(second.path("imageUrl").asText()).body()).isEqualTo(bytes);
        assertThat(difference(png(bytes), png(wire.getUrl(otherSeed.path("imageUrl").asText()).body())))
                .isGreaterThan(10.0);
        assertThat(difference(png(bytes), png(wire.getUrl(otherPrompt.path("imageUrl").asText()).body())))
                .isGreaterThan(10.0);
        try (FakeMidjourneyServer again = FakeMidjourneyServer.builder().clock(clock).start();
             Wire otherWire = new Wire(again)) {
            String id = otherWire.imagine("/mj", "a fox --seed 99");
            clock.advance(Duration.ofSeconds(4));
            assertThat(otherWire.getUrl(again.baseUrl() + "/mj/image/" + id).body()).isEqualTo(bytes);
        }
    }

    @Test
    void aRerollDrawsDifferentPictures() {
        String gridId = wire.imagine("/mj", "a fox");
        JsonNode grid = finished(gridId);
        JsonNode reroll = finished(wire.click(gridId, Wire.button(grid, "🔄")));

        assertThat(difference(png(wire.getUrl(grid.path("imageUrl").asText()).body()),
                png(wire.getUrl(reroll.path("imageUrl").asText()).body()))).isGreaterThan(10.0);
    }

    @Test
    void aPreviewExistsWhileInProgressAndTheFinalImageOnlyAfterSuccess() {
        String id = wire.imagine("/mj", "a fox");
        assertThat(wire.getUrl(server.baseUrl() + "/mj/image/" + id + "/preview/15").status()).isEqualTo(404);
        clock.advance(Duration.ofSeconds(2));
        JsonNode running = wire.fetch(id);

        Wire.Answer preview = wire.getUrl(running.path("imageUrl").asText());
        assertThat(preview.status()).isEqualTo(200);
        assertThat(png(preview.body()).getWidth()).isEqualTo(512);
        assertThat(wire.getUrl(server.baseUrl() + "/mj/image/" + id).status()).isEqualTo(404);
        assertThat(wire.getUrl(server.baseUrl() + "/mj/image/999").status()).isEqualTo(404);
        assertThat(wire.getUrl(server.baseUrl() + "/mj/image/" + id + "/7").status()).isEqualTo(404);
    }

    private JsonNode finished(String id) {
        clock.advance(Duration.ofSeconds(8));
        JsonNode task = wire.fetch(id);
        assertThat(task.path("status").asText()).isEqualTo("SUCCESS");
        return task;
    }

    private static BufferedImage png(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("a decodable PNG").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage quadrant(BufferedImage grid, int quadrant) {
        int half = grid.getWidth() / 2;
        return grid.getSubimage((quadrant - 1) % 2 * half, (quadrant - 1) / 2 * half, half, half);
    }

    private static BufferedImage halve(BufferedImage image) {
        int size = image.getWidth() / 2;
        BufferedImage half = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int sum = 0;
                int[] channels = new int[3];
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int rgb = image.getRGB(2 * x + dx, 2 * y + dy);
                        channels[0] += rgb >> 16 & 0xFF;
                        channels[1] += rgb >> 8 & 0xFF;
                        channels[2] += rgb & 0xFF;
                        sum++;
                    }
                }
                half.setRGB(x, y, channels[0] / sum << 16 | channels[1] / sum << 8 | channels[2] / sum);
            }
        }
        return half;
    }

    /** Mean absolute difference per channel, 0–255. */
    private static double difference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                total += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return total / (3.0 * a.getWidth() * a.getHeight());
    }
}
