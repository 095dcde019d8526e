package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The area Vary (Region) repaints (docs/protocols.md §a.4, §a.11, §d): a PNG of the image's exact size, white where
 * the image is repainted. Built from rectangles ({@link #ofRectangles}) or polygons ({@link #ofPolygons}) on the
 * image's pixel grid — the SDK then draws the PNG each provider wants (the proxy family and JourneyAPI: black
 * background; apimart: transparent background), with java.awt (headless), without anti-aliasing — or from a ready PNG
 * ({@link #ofImage}), sent as is. The size must equal the parent image's size; the client checks it before sending.
 * Immutable.
 */
public final class RegionMask {
    private static final int MAX_SIDE = 8192;

    private final int width;
    private final int height;
    private final List<Rect> rectangles;
    private final List<Polygon> polygons;
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

    /**
     * A point on the image, in pixels from the top-left corner; a vertex of a {@link Polygon}.
     *
     * @param x the distance from the image's left side, 0 to the image's width
     * @param y the distance from the image's top, 0 to the image's height
     */
    public record Point(int x, int y) {
    }

    /**
     * A polygon on the image: its vertices in order (either direction); the edge from the last back to the first
     * closes it. Pixels whose centres lie inside are repainted (java.awt's even-odd rule for a polygon that crosses
     * itself).
     *
     * @param points the vertices: at least 3, each inside the image (checked by {@link #ofPolygons}); copied
     */
    public record Polygon(List<Point> points) {
        /**
         * Validates and copies the vertices.
         *
         * @param points see {@link #points()}
         * @throws IllegalArgumentException if {@code points} is null, holds a null, or has fewer than 3 vertices
         */
        public Polygon {
            Args.notNull(points, "points");
            if (points.size() < 3) {
                throw new IllegalArgumentException("points: a polygon needs at least 3 vertices, got " + points.size());
            }
            for (int i = 0; i < points.size(); i++) {
                Args.notNull(points.get(i), "points[" + i + "]");
            }
            points = List.copyOf(points);
        }

        /**
         * A polygon from coordinates in pairs.
         *
         * @param xy {@code x1, y1, x2, y2, …}: at least 3 pairs
         * @return the polygon
         * @throws IllegalArgumentException if {@code xy} is null, of odd length, or has fewer than 3 pairs
         */
        public static Polygon of(int... xy) {
            Args.notNull(xy, "xy");
            if (xy.length % 2 != 0) {
                throw new IllegalArgumentException("xy: coordinates come in x, y pairs, got " + xy.length + " numbers");
            }
            Point[] points = new Point[xy.length / 2];
            for (int i = 0; i < points.length; i++) {
                points[i] = new Point(xy[2 * i], xy[2 * i + 1]);
            }
            return new Polygon(List.of(points));
        }
    }

    private RegionMask(int width, int height, List<Rect> rectangles, List<Polygon> polygons, ImageInput image) {
        this.width = width;
        this.height = height;
        this.rectangles = rectangles;
        this.polygons = polygons;
        this.image = image;
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("width, height: must be 1 to " + MAX_SIDE + " pixels, got " + width
                    + "×" + height);
        }
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
        checkSize(width, height);
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
        return new RegionMask(width, height, List.copyOf(rectangles), List.of(), null);
    }

    /**
     * A mask from polygons on an image of the given size, e.g. a lasso drawn over the image shown to a user.
     *
     * <pre>{@code
     * RegionMask mask = RegionMask.ofPolygons(1024, 1024,
     *         List.of(RegionMask.Polygon.of(100, 100, 400, 120, 250, 380)));   // a triangle
     * }</pre>
     *
     * @param width    the image's width in pixels (the upscaled image's, as {@code Task.imageUrl()} serves it)
     * @param height   the image's height in pixels
     * @param polygons the areas to repaint: at least one; every vertex inside the image ({@code 0 ≤ x ≤ width},
     *                 {@code 0 ≤ y ≤ height}), and each enclosing some area
     * @return the mask
     * @throws IllegalArgumentException if a size is under 1 or over 8192, {@code polygons} is null or empty, or a
     *                                  polygon has a vertex outside the image or encloses no area (the message names
     *                                  {@code polygons[i]} and the bounds)
     */
    public static RegionMask ofPolygons(int width, int height, List<Polygon> polygons) {
        checkSize(width, height);
        Args.notNull(polygons, "polygons");
        if (polygons.isEmpty()) {
            throw new IllegalArgumentException("polygons: at least one area must be selected");
        }
        for (int i = 0; i < polygons.size(); i++) {
            Polygon polygon = Args.notNull(polygons.get(i), "polygons[" + i + "]");
            long twiceArea = 0;
            List<Point> points = polygon.points();
            for (int j = 0; j < points.size(); j++) {
                Point p = points.get(j);
                if (p.x() < 0 || p.y() < 0 || p.x() > width || p.y() > height) {
                    throw new IllegalArgumentException("polygons[" + i + "]: vertex " + j + " (" + p.x() + ", "
                            + p.y() + ") lies outside the " + width + "×" + height + " image");
                }
                Point next = points.get((j + 1) % points.size());
                twiceArea += (long) p.x() * next.y() - (long) next.x() * p.y();
            }
            if (twiceArea == 0) {
                throw new IllegalArgumentException("polygons[" + i + "]: its vertices enclose no area (all on one"
                        + " line)");
            }
        }
        return new RegionMask(width, height, List.of(), List.copyOf(polygons), null);
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
        return new RegionMask(w, h, List.of(), List.of(), png);
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
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setComposite(AlphaComposite.Src);
            g.setColor(new Color(0, 0, 0, transparentBackground ? 0 : 255));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.WHITE);
            for (Rect r : rectangles) {
                g.fillRect(r.x(), r.y(), r.width(), r.height());
            }
            for (Polygon polygon : polygons) {
                java.awt.Polygon shape = new java.awt.Polygon();
                polygon.points().forEach(p -> shape.addPoint(p.x(), p.y()));
                g.fill(shape);
            }
        } finally {
            g.dispose();
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
     * @return e.g. {@code RegionMask[256×256, 2 rectangles]} or {@code RegionMask[256×256, 1 polygons]}
     */
    @Override
    public String toString() {
        return "RegionMask[" + width + "×" + height + ", " + (image != null ? "from an image"
                : polygons.isEmpty() ? rectangles.size() + " rectangles" : polygons.size() + " polygons") + "]";
    }
}
