package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Checks on PNG files written by the commands. */
final class Pngs {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private Pngs() {
    }

    /** Reads a file that must be a valid PNG: the signature, and ImageIO decodes it. */
    static BufferedImage read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(Arrays.copyOf(bytes, 8)).as("PNG signature of %s", file).isEqualTo(SIGNATURE);
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image).as("%s decodes", file).isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the folder holds grid.png and 1.png … 4.png, all valid, the grid exactly twice each quarter. */
    static void assertGridFolder(Path folder) {
        BufferedImage grid = read(folder.resolve("grid.png"));
        for (int i = 1; i <= 4; i++) {
            BufferedImage quarter = read(folder.resolve(i + ".png"));
            assertThat(grid.getWidth()).as("grid width vs %d.png", i).isEqualTo(2 * quarter.getWidth());
            assertThat(grid.getHeight()).as("grid height vs %d.png", i).isEqualTo(2 * quarter.getHeight());
        }
    }
}
