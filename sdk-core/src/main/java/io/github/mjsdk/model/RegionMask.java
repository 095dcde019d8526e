package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The area Vary (Region) repaints (docs/protocols.md §a.4, §a.11, §d): a PNG of the image's exact size, white where
 * the image is repainted. Built from rectangles on the image's pixel grid ({@link #ofRectangles}) — the SDK then
 * draws the PNG each provider wants (the proxy family: black background; apimart: transparent background) — or from
 * a ready PNG ({@link #ofImage}), sent as is. The size must equal the parent image's size; the client checks it
 * before sending when it can decode the parent's image. Immutable.
 */
public final class RegionMask {
    private final int width;
    private final int height;
    private final List<Rect> rectangles;
    private final ImageInput image;

    /**
     * A rectangle on the image, in pixels from the top-left corner.
     *
     * @param x      the left edge, 0 or more
     * @param y      the top edge, 0 or more
     * @param width  the width, 1 or more
     * @param height the height, 1 or more
     */
    public record Rect(int x, int y, int width, int height) {
        /**
         * Validates the rectangle.
         *
         * @param x see {@link #x()}
         * @param y see {@link #y()}
         * @param width see {@link #width()}
         * @param height see {@link #height()}
         * @throws IllegalArgumentException if an edge is negative or a side is under 1
         */
        public Rect {
            if (x < 0 || y < 0 || width < 1 || height < 1) {
                throw new IllegalArgumentException("rectangle: x and y must be 0 or more and the sides 1 or more, got "
                        + x + "," + y + " " + width + "×" + height);
            }
        }

        /**
         * The left edge, in pixels from the image's left side (x grows to the right).
         *
         * @return the x coordinate of the left edge, 0 or more
         */
        @Override
        public int x() {
            return x;
        }

        /**
         * The top edge, in pixels from the image's top (y grows downwards).
         *
         * @return the y coordinate of the top edge, 0 or more
         */
        @Override
        public int y() {
            return y;
        }

        /**
         * The width in pixels; {@code x() + width()} must not exceed the image's width.
         *
         * @return the width, 1 or more
         */
        @Override
        public int width() {
            return width;
        }

        /**
         * The height in pixels; {@code y() + height()} must not exceed the image's height.
         *
         * @return the height, 1 or more
         */
        @Override
        public int height() {
            return height;
        }
    }

    private RegionMask(int width, int height, List<Rect> rectangles, ImageInput image) {
        this.width = width;
        this.height = height;
        this.rectangles = rectangles;
        this.image = image;
    }

    /**
     * A mask from rectangles on an image of the given size.
     *
     * @param width      the image's width in pixels (the upscaled image's, as {@code Task.imageUrl()} serves it)
     * @param height     the image's height in pixels
     * @param rectangles the areas to repaint: at least one, each inside the image
     * @return the mask
     * @throws IllegalArgumentException if a size is under 1 or over 8192, {@code rectangles} is null or empty, or a
     *                                  rectangle reaches outside the image (the message names it and the bounds)
     */
    public static RegionMask ofRectangles(int width, int height, List<Rect> rectangles) {
        if (width < 1 || height < 1 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("width, height: must be 1 to 8192 pixels, got " + width + "×" + height);
        }
        Args.notNull(rectangles, "rectangles");
        if (rectangles.isEmpty()) {
            throw new IllegalArgumentException("rectangles: at least one area must be selected");
        }
        for (int i = 0; i < rectangles.size(); i++) {
            Rect r = Args.notNull(rectangles.get(i), "rectangles[" + i + "]");
            if ((long) r.x() + r.width() > width || (long) r.y() + r.height() > height) {
                throw new IllegalArgumentException("rectangles[" + i + "]: " + r + " reaches outside the "
                        + width + "×" + height + " image");
            }
        }
        return new RegionMask(width, height, List.copyOf(rectangles), null);
    }

    /**
     * A mask from a ready PNG (white = repaint; black or transparent elsewhere, as the provider wants it).
     *
     * @param png the mask image; must be PNG bytes
     * @return the mask, its size read from the PNG header
     * @throws IllegalArgumentException if {@code png} is null, a URL, or not a PNG with a readable header
     */
    public static RegionMask ofImage(ImageInput png) {
        Args.notNull(png, "mask");
        if (png.isUrl() || !"image/png".equals(png.mimeType())) {
            throw new IllegalArgumentException("mask: must be PNG bytes, got " + png);
        }
        byte[] b = png.bytes();
        if (b.length < 24) {
            throw new IllegalArgumentException("mask: the PNG has no header");
        }
        int w = readInt(b, 16);
        int h = readInt(b, 20);
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("mask: the PNG header gives a size of " + w + "×" + h);
        }
        return new RegionMask(w, h, null, png);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /**
     * The mask's width.
     *
     * @return pixels
     */
    public int width() {
        return width;
    }

    /**
     * The mask's height.
     *
     * @return pixels
     */
    public int height() {
        return height;
    }

    /**
     * The mask as a PNG data URL.
     *
     * @param transparentBackground true for a transparent background (apimart), false for black (the proxy family);
     *                              ignored for a mask from a ready image, which is sent as is
     * @return {@code data:image/png;base64,…}
     */
    public String dataUrl(boolean transparentBackground) {
        if (image != null) {
            return image.dataUrl();
        }
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int background = transparentBackground ? 0x00000000 : 0xFF000000;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                canvas.setRGB(x, y, background);
            }
        }
        for (Rect r : rectangles) {
            for (int y = r.y(); y < r.y() + r.height(); y++) {
                for (int x = r.x(); x < r.x() + r.width(); x++) {
                    canvas.setRGB(x, y, 0xFFFFFFFF);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(canvas, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /**
     * A summary.
     *
     * @return e.g. {@code RegionMask[256×256, 2 rectangles]}
     */
    @Override
    public String toString() {
        return "RegionMask[" + width + "×" + height + ", "
                + (image != null ? "from an image" : rectangles.size() + " rectangles") + "]";
    }
}
