package io.github.mjsdk.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Generated images for the image tests: every pixel tells where it came from. */
final class TestImages {
    static final int RED = 0xFFFF0000;
    static final int GREEN = 0xFF00FF00;
    static final int BLUE = 0xFF0000FF;
    static final int YELLOW = 0xFFFFFF00;

    private TestImages() {
    }

    /** An opaque image whose pixel (x, y) is {@link #coded(int, int)}. */
    static BufferedImage coordinates(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, coded(x, y));
            }
        }
        return image;
    }

    /** The colour {@link #coordinates} puts at (x, y): red = x low byte, green = y low byte, blue = high bits. */
    static int coded(int x, int y) {
        return 0xFF000000 | (x & 0xFF) << 16 | (y & 0xFF) << 8 | (x >> 8 & 0xF) << 4 | (y >> 8 & 0xF);
    }

    /** A grid with four flat quadrants: red, green / blue, yellow. */
    static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean right = x >= width / 2;
                boolean bottom = y >= height / 2;
                image.setRGB(x, y, bottom ? (right ? YELLOW : BLUE) : (right ? GREEN : RED));
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** A RIFF/WEBP header followed by a payload: recognisable as WebP, decodable only by {@link FakeWebpReader}. */
    static byte[] webp(int width, int height) {
        byte[] bytes = new byte[16];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        bytes[4] = 8;
        System.arraycopy("WEBP".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
        bytes[12] = (byte) (width >> 8);
        bytes[13] = (byte) width;
        bytes[14] = (byte) (height >> 8);
        bytes[15] = (byte) height;
        return bytes;
    }

    /** Whether two colours differ by at most {@code tolerance} in each channel (for lossy JPEG). */
    static boolean near(int actual, int expected, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((actual >> shift & 0xFF) - (expected >> shift & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
