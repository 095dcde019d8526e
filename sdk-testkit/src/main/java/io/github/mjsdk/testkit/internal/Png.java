package io.github.mjsdk.testkit.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG encoding in memory (no ImageIO disk cache, no global ImageIO setting), and the progress previews. */
final class Png {
    private Png() {
    }

    static byte[] encode(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no PNG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * A low-detail preview of {@code image} at {@code percent} progress: blocks of one colour that shrink as the
     * job advances (about 32 px at 15 %, 4 px at 93 %), like Midjourney's blurry in-progress images.
     */
    static BufferedImage preview(BufferedImage image, int percent) {
        int block = Math.max(2, (int) Math.round(36 * (1 - Math.min(99, Math.max(0, percent)) / 100.0)));
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage preview = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = preview.createGraphics();
        try {
            for (int y = 0; y < height; y += block) {
                for (int x = 0; x < width; x += block) {
                    int cx = Math.min(width - 1, x + block / 2);
                    int cy = Math.min(height - 1, y + block / 2);
                    g.setColor(new java.awt.Color(image.getRGB(cx, cy)));
                    g.fillRect(x, y, block, block);
                }
            }
        } finally {
            g.dispose();
        }
        return preview;
    }
}
