package io.github.mjsdk.image;

import io.github.mjsdk.internal.util.Redact;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes images with ImageIO and splits a Midjourney 2×2 grid into its four images.
 *
 * <p>The quarters come in grid order, the order of the U1–U4 and V1–V4 buttons: 1 top left, 2 top right,
 * 3 bottom left, 4 bottom right. For an odd width or height the left (or top) quarters get the smaller half and the
 * right (or bottom) quarters the extra pixel, so that every pixel of the grid is in exactly one quarter: a 1025×768
 * grid gives 512×384 on the left and 513×384 on the right.
 *
 * <p>PNG and JPEG are read by the JDK's own readers. WebP is read only when a WebP ImageIO plugin is on the class
 * path ({@code com.github.usefulness:webp-imageio}, or TwelveMonkeys' {@code com.twelvemonkeys.imageio:imageio-webp});
 * the reader is found through ImageIO's registry, so adding the jar is enough. Decoding is done in memory (no
 * ImageIO cache files). Stateless and thread-safe.
 */
public final class GridSplitter {
    /** The largest image decoded, in pixels (width × height): 64 Mi, about 8192×8192. */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;
    /**
     * The largest image decoded, in bytes of decoded pixels (width × height × bits per pixel / 8): 256 MiB, so an
     * 8-bit RGBA image may have {@link #MAX_PIXELS} pixels and a 16-bit RGBA one half as many.
     */
    public static final long MAX_DECODED_BYTES = 256L * 1024 * 1024;
    /** How many images this JVM decodes at once through this class; further decodes wait their turn. */
    public static final int MAX_CONCURRENT_DECODES = 2;
    private static final Semaphore DECODES = new Semaphore(MAX_CONCURRENT_DECODES, true);

    private GridSplitter() {
    }

    /**
     * Decodes an image.
     *
     * @param image the encoded image
     * @return the decoded pixels
     * @throws IllegalArgumentException if {@code image} is null
     * @throws ImageDecodeException     if no ImageIO reader can read its format (WebP without a plugin: the message
     *                                  names the plugins), the bytes are corrupt, it has more than
     *                                  {@link #MAX_PIXELS} pixels or more than {@link #MAX_DECODED_BYTES} bytes of
     *                                  decoded pixels, or the decoder runs out of memory; the thread is interrupted
     *                                  while it waits for its turn ({@link #MAX_CONCURRENT_DECODES})
     */
    public static BufferedImage decode(DownloadedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        try {
            DECODES.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageDecodeException(describe(image) + " was not decoded: interrupted while waiting", e);
        }
        try {
            return decodeNow(image);
        } catch (OutOfMemoryError e) {
            throw new ImageDecodeException(describe(image) + " could not be decoded: out of memory", e);
        } finally {
            DECODES.release();
        }
    }

    private static BufferedImage decodeNow(DownloadedImage image) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(image.inputStream())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw noReader(image);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ImageDecodeException(describe(image) + " is " + reader.getWidth(0) + "×"
                            + reader.getHeight(0) + " pixels, over the " + MAX_PIXELS + "-pixel limit", null);
                }
                long bytes = pixels * bitsPerPixel(reader) / 8;
                if (bytes > MAX_DECODED_BYTES) {
                    throw new ImageDecodeException(describe(image) + " is " + reader.getWidth(0) + "×"
                            + reader.getHeight(0) + " pixels of " + bitsPerPixel(reader) + " bits, " + bytes
                            + " bytes decoded, over the " + MAX_DECODED_BYTES + "-byte limit", null);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageDecodeException) {
                throw (ImageDecodeException) e;
            }
            throw new ImageDecodeException(describe(image) + " could not be decoded: " + e.getMessage(), e);
        }
    }

    /** Bits per decoded pixel, from the reader's own image type (the widest it offers when it names none). */
    private static int bitsPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (raw != null) {
            return Math.max(raw.getColorModel().getPixelSize(), 8);
        }
        int widest = 32;
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
            widest = Math.max(widest, types.next().getColorModel().getPixelSize());
        }
        return widest;
    }

    /**
     * Splits a 2×2 grid into its four images.
     *
     * @param grid the grid; it is not modified
     * @return four new images that share no pixels with {@code grid}, in grid order (1 top left, 2 top right,
     *     3 bottom left, 4 bottom right)
     * @throws IllegalArgumentException if {@code grid} is null or smaller than 2×2 pixels
     */
    public static List<BufferedImage> split(BufferedImage grid) {
        if (grid == null) {
            throw new IllegalArgumentException("grid must not be null");
        }
        int width = grid.getWidth();
        int height = grid.getHeight();
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("grid must be at least 2×2 pixels, got " + width + "×" + height);
        }
        int left = width / 2;
        int top = height / 2;
        return List.of(
                copy(grid, 0, 0, left, top),
                copy(grid, left, 0, width - left, top),
                copy(grid, 0, top, left, height - top),
                copy(grid, left, top, width - left, height - top));
    }

    /**
     * Decodes a grid and splits it: {@link #decode(DownloadedImage)}, then {@link #split(BufferedImage)}.
     *
     * @param grid the encoded grid
     * @return the four images in grid order
     * @throws IllegalArgumentException if {@code grid} is null or decodes to less than 2×2 pixels
     * @throws ImageDecodeException     if it cannot be decoded
     */
    public static List<BufferedImage> split(DownloadedImage grid) {
        return split(decode(grid));
    }

    private static BufferedImage copy(BufferedImage grid, int x, int y, int width, int height) {
        WritableRaster pixels = grid.getRaster().createCompatibleWritableRaster(width, height);
        pixels.setRect(grid.getRaster().createChild(x, y, width, height, 0, 0, null));
        return new BufferedImage(grid.getColorModel(), pixels, grid.isAlphaPremultiplied(), null);
    }

    private static ImageDecodeException noReader(DownloadedImage image) {
        ImageFormat format = ImageFormat.sniff(image.head(16)).orElse(image.format());
        if (format == ImageFormat.WEBP) {
            return new ImageDecodeException(describe(image) + " is WebP, and no WebP ImageIO reader is on the class"
                    + " path: add a WebP ImageIO plugin such as com.github.usefulness:webp-imageio or"
                    + " com.twelvemonkeys.imageio:imageio-webp", null);
        }
        return new ImageDecodeException(describe(image) + " is not a readable " + format.mimeType()
                + " image (no ImageIO reader recognises its bytes)", null);
    }

    private static String describe(DownloadedImage image) {
        return "the " + image.contentType() + " image"
                + (image.sourceUrl() == null ? "" : " from " + Redact.url(image.sourceUrl()));
    }
}
