package io.github.mjsdk.testkit.internal;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Draws the simulator's pictures: a landscape of sky, sun, three ridges and a row of foreground shapes, all
 * chosen by a random source seeded from (prompt, seed, quadrant). The four quadrants of a grid differ in palette
 * (a quarter turn of hue apart) and in the kind of foreground shape, so they are told apart at a glance.
 * Coordinates are fractions of the side, so a picture drawn at twice the size is the same picture, sharper.
 * Works headless (shapes only, no fonts).
 */
final class Pictures {
    /** The side of one quadrant of a grid, and of a U1–U4 upscale, in pixels. */
    static final int QUADRANT = 256;
    /** The side of a grid: exactly twice a quadrant. */
    static final int GRID = 2 * QUADRANT;

    private Pictures() {
    }

    /** The 2×2 grid: quadrant 1 top left, 2 top right, 3 bottom left, 4 bottom right. */
    static BufferedImage grid(String prompt, long seed) {
        BufferedImage grid = new BufferedImage(GRID, GRID, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            for (int quadrant = 1; quadrant <= 4; quadrant++) {
                int x = (quadrant - 1) % 2 * QUADRANT;
                int y = (quadrant - 1) / 2 * QUADRANT;
                g.drawImage(picture(prompt, seed, quadrant, QUADRANT), x, y, null);
            }
        } finally {
            g.dispose();
        }
        return grid;
    }

    /** One quadrant's picture at {@code size} pixels square. */
    static BufferedImage picture(String prompt, long seed, int quadrant, int size) {
        SplittableRandom random = new SplittableRandom(mix(prompt, seed, quadrant));
        float hue = (float) (baseHue(prompt) + (quadrant - 1) * 0.25 + random.nextDouble(-0.04, 0.04));
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size, size);
            sky(g, random, hue);
            sun(g, random, hue);
            for (int layer = 0; layer < 3; layer++) {
                ridge(g, random, hue, layer);
            }
            foreground(g, random, hue, quadrant);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void sky(Graphics2D g, SplittableRandom random, float hue) {
        Color top = Color.getHSBColor(hue, 0.35f + (float) random.nextDouble(0.25), 0.95f);
        Color bottom = Color.getHSBColor(hue + 0.08f, 0.65f, 0.55f + (float) random.nextDouble(0.2));
        g.setPaint(new GradientPaint(0f, 0f, top, 0f, 1f, bottom));
        g.fill(new Rectangle2D.Double(0, 0, 1, 1));
    }

    private static void sun(Graphics2D g, SplittableRandom random, float hue) {
        double radius = random.nextDouble(0.06, 0.14);
        double x = random.nextDouble(0.15, 0.85);
        double y = random.nextDouble(0.10, 0.40);
        g.setColor(Color.getHSBColor(hue + 0.5f, 0.55f, 1f));
        g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    private static void ridge(Graphics2D g, SplittableRandom random, float hue, int layer) {
        double base = 0.45 + layer * 0.15;
        int points = 5 + random.nextInt(5);
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, 1);
        for (int i = 0; i <= points; i++) {
            double x = (double) i / points;
            double y = base + random.nextDouble(-0.12, 0.08);
            path.lineTo(x, y);
        }
        path.lineTo(1, 1);
        path.closePath();
        g.setColor(Color.getHSBColor(hue + 0.03f * layer, 0.45f + 0.15f * layer, 0.75f - 0.2f * layer));
        g.fill(path);
    }

    private static void foreground(Graphics2D g, SplittableRandom random, float hue, int quadrant) {
        int count = 4 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            double x = random.nextDouble(0.05, 0.95);
            double size = random.nextDouble(0.04, 0.11);
            double y = random.nextDouble(0.72, 0.95);
            g.setColor(Color.getHSBColor(hue + 0.15f + (float) random.nextDouble(0.2), 0.7f,
                    0.35f + (float) random.nextDouble(0.5)));
            switch (quadrant) {
                case 1:
                    g.fill(new Ellipse2D.Double(x - size / 2, y - size, size, size));
                    break;
                case 2:
                    g.fill(new Rectangle2D.Double(x - size / 3, y - 1.8 * size, size / 1.5, 1.8 * size));
                    break;
                case 3:
                    Path2D.Double tree = new Path2D.Double();
                    tree.moveTo(x, y - 1.6 * size);
                    tree.lineTo(x + size / 2, y);
                    tree.lineTo(x - size / 2, y);
                    tree.closePath();
                    g.fill(tree);
                    break;
                default:
                    Path2D.Double diamond = new Path2D.Double();
                    diamond.moveTo(x, y - size);
                    diamond.lineTo(x + size / 2, y - size / 2);
                    diamond.lineTo(x, y);
                    diamond.lineTo(x - size / 2, y - size / 2);
                    diamond.closePath();
                    g.fill(diamond);
                    break;
            }
        }
    }

    /** A hue in [0, 1) from the prompt alone, so the four pictures of a prompt share a colour family. */
    private static double baseHue(String prompt) {
        return (fnv(prompt) >>> 11) / (double) (1L << 53);
    }

    private static long mix(String prompt, long seed, int quadrant) {
        long h = fnv(prompt) ^ (seed * 0x9E3779B97F4A7C15L) ^ ((long) quadrant << 56);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    private static long fnv(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        return hash;
    }
}
