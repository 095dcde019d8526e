package io.github.mjsdk.image;

import static io.github.mjsdk.image.TestImages.BLUE;
import static io.github.mjsdk.image.TestImages.GREEN;
import static io.github.mjsdk.image.TestImages.RED;
import static io.github.mjsdk.image.TestImages.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GridSplitterTest {

    @Test
    void quartersComeInGridOrderTopLeftTopRightBottomLeftBottomRight() {
        List<BufferedImage> quarters = GridSplitter.split(TestImages.quadrants(200, 100));

        assertThat(quarters).hasSize(4);
        assertThat(quarters).allSatisfy(q -> {
            assertThat(q.getWidth()).isEqualTo(100);
            assertThat(q.getHeight()).isEqualTo(50);
        });
        int[] expected = {RED, GREEN, BLUE, YELLOW};
        for (int i = 0; i < 4; i++) {
            BufferedImage quarter = quarters.get(i);
            int colour = expected[i];
            assertThat(quarter.getRGB(0, 0)).as("quarter %d, first pixel", i + 1).isEqualTo(colour);
            assertThat(quarter.getRGB(99, 49)).as("quarter %d, last pixel", i + 1).isEqualTo(colour);
        }
    }

    @ParameterizedTest
    @CsvSource({"200, 100", "101, 77", "2, 2", "3, 5", "1025, 768"})
    void everyGridPixelLandsInExactlyOneQuarterAtItsPlace(int width, int height) {
        assertQuartersMatch(GridSplitter.split(TestImages.coordinates(width, height)), width, height);
    }

    @ParameterizedTest
    @CsvSource({"200, 100", "101, 77"})
    void decodedPngQuartersMatchTheGridPixelForPixel(int width, int height) {
        byte[] png = TestImages.png(TestImages.coordinates(width, height));

        assertQuartersMatch(GridSplitter.split(new DownloadedImage(png, "image/png", null)), width, height);
    }

    private static void assertQuartersMatch(List<BufferedImage> quarters, int width, int height) {
        int left = width / 2;
        int top = height / 2;
        int[][] origins = {{0, 0}, {left, 0}, {0, top}, {left, top}};
        int[][] sizes = {{left, top}, {width - left, top}, {left, height - top}, {width - left, height - top}};
        long pixels = 0;
        for (int i = 0; i < 4; i++) {
            BufferedImage quarter = quarters.get(i);
            assertThat(new int[]{quarter.getWidth(), quarter.getHeight()}).as("size of quarter %d", i + 1)
                    .containsExactly(sizes[i]);
            for (int y = 0; y < quarter.getHeight(); y++) {
                for (int x = 0; x < quarter.getWidth(); x++) {
                    if (quarter.getRGB(x, y) != TestImages.coded(origins[i][0] + x, origins[i][1] + y)) {
                        throw new AssertionError("quarter " + (i + 1) + " pixel " + x + "," + y + " is misplaced");
                    }
                }
            }
            pixels += (long) quarter.getWidth() * quarter.getHeight();
        }
        assertThat(pixels).isEqualTo((long) width * height);
    }

    @Test
    void oddSizesGiveTheExtraPixelToTheRightAndBottomQuarters() {
        List<BufferedImage> quarters = GridSplitter.split(TestImages.coordinates(1025, 769));

        assertThat(quarters.get(0).getWidth()).isEqualTo(512);
        assertThat(quarters.get(1).getWidth()).isEqualTo(513);
        assertThat(quarters.get(0).getHeight()).isEqualTo(384);
        assertThat(quarters.get(2).getHeight()).isEqualTo(385);
    }

    @Test
    void quartersAreCopiesThatShareNoPixelsWithTheGrid() {
        BufferedImage grid = TestImages.quadrants(10, 10);
        List<BufferedImage> quarters = GridSplitter.split(grid);

        quarters.get(0).setRGB(0, 0, 0xFF123456);
        grid.setRGB(9, 9, 0xFF654321);

        assertThat(grid.getRGB(0, 0)).isEqualTo(RED);
        assertThat(quarters.get(3).getRGB(4, 4)).isEqualTo(YELLOW);
    }

    @Test
    void palettePngKeepsItsColoursAfterDecodingAndSplitting() {
        IndexColorModel palette = new IndexColorModel(8, 4,
                new byte[]{(byte) 255, 0, 0, (byte) 255}, new byte[]{0, (byte) 255, 0, (byte) 255},
                new byte[]{0, 0, (byte) 255, 0});
        BufferedImage indexed = new BufferedImage(64, 32, BufferedImage.TYPE_BYTE_INDEXED, palette);
        indexed.createGraphics().drawImage(TestImages.quadrants(64, 32), 0, 0, null);
        DownloadedImage png = new DownloadedImage(TestImages.png(indexed), "image/png", null);

        List<BufferedImage> quarters = GridSplitter.split(png);

        assertThat(quarters).extracting(q -> q.getRGB(5, 5)).containsExactly(RED, GREEN, BLUE, YELLOW);
        assertThat(quarters).allSatisfy(q -> assertThat(q.getWidth()).isEqualTo(32));
    }

    @Test
    void jpegGridIsDecodedAndSplit() {
        byte[] jpeg = TestImages.encode(TestImages.quadrants(128, 64), "jpg");
        DownloadedImage image = new DownloadedImage(jpeg, "image/jpeg", "https://cdn.example/g.jpg");

        List<BufferedImage> quarters = GridSplitter.split(image);

        int[] expected = {RED, GREEN, BLUE, YELLOW};
        for (int i = 0; i < 4; i++) {
            assertThat(quarters.get(i).getWidth()).isEqualTo(64);
            assertThat(quarters.get(i).getHeight()).isEqualTo(32);
            assertThat(TestImages.near(quarters.get(i).getRGB(16, 16), expected[i], 16))
                    .as("quarter %d colour %x", i + 1, quarters.get(i).getRGB(16, 16)).isTrue();
        }
    }

    @Test
    void webpWithoutAPluginFailsNamingPluginsToAdd() {
        DownloadedImage webp = new DownloadedImage(TestImages.webp(8, 8), "image/webp", "https://cdn.example/g.webp");

        assertThatThrownBy(() -> GridSplitter.split(webp))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("WebP")
                .hasMessageContaining("com.github.usefulness:webp-imageio")
                .hasMessageContaining("com.twelvemonkeys.imageio:imageio-webp")
                .hasMessageContaining("https://cdn.example/g.webp");
    }

    @Test
    void webpIsReadByAnImageIoPluginFoundInTheRegistry() throws Exception {
        DownloadedImage webp = new DownloadedImage(TestImages.webp(40, 30), "image/webp", null);

        List<BufferedImage> quarters;
        AutoCloseable plugin = FakeWebpReader.install();
        try {
            quarters = GridSplitter.split(webp);
        } finally {
            plugin.close();
        }

        assertThat(quarters).extracting(BufferedImage::getWidth).containsExactly(20, 20, 20, 20);
        assertThat(quarters.get(3).getRGB(0, 0)).isEqualTo(TestImages.coded(20, 15));
    }

    @Test
    void corruptBytesFailWithImageDecodeException() {
        byte[] png = TestImages.png(TestImages.quadrants(20, 20));
        byte[] cut = Arrays.copyOf(png, 40);
        DownloadedImage broken = new DownloadedImage(cut, "image/png", null);

        assertThatThrownBy(() -> GridSplitter.decode(broken)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("image/png");
    }

    @Test
    void bytesNoReaderRecognisesFailWithImageDecodeException() {
        DownloadedImage notAnImage = new DownloadedImage("plain text".getBytes(), "image/png", null);

        assertThatThrownBy(() -> GridSplitter.decode(notAnImage)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("not a readable image/png");
    }

    @Test
    void imagesOverThePixelLimitAreRefusedBeforeDecoding() {
        byte[] png = TestImages.png(TestImages.quadrants(2, 2));
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 20_000).putInt(20, 20_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());
        DownloadedImage bomb = new DownloadedImage(png, "image/png", null);

        assertThatThrownBy(() -> GridSplitter.decode(bomb)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("20000×20000")
                .hasMessageContaining(String.valueOf(GridSplitter.MAX_PIXELS));
    }

    @Test
    void aSixteenBitImageInsideThePixelCapButOverTheDecodedBytesIsRefusedBeforeDecoding() {
        byte[] png = TestImages.png(TestImages.quadrants(2, 2));
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 6_000).putInt(20, 6_000);
        png[24] = 16;
        png[25] = 6;
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());
        DownloadedImage deep = new DownloadedImage(png, "image/png", null);

        assertThat(6_000L * 6_000).as("inside the pixel cap").isLessThan(GridSplitter.MAX_PIXELS);
        assertThatThrownBy(() -> GridSplitter.decode(deep)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("6000×6000 pixels of 64 bits")
                .hasMessageContaining(String.valueOf(GridSplitter.MAX_DECODED_BYTES));
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> GridSplitter.split((BufferedImage) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grid");
        assertThatThrownBy(() -> GridSplitter.decode(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image");
        assertThatThrownBy(() -> GridSplitter.split(new BufferedImage(1, 5, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1×5");
    }
}
