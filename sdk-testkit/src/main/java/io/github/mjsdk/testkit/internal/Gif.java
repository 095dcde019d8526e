package io.github.mjsdk.testkit.internal;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The simulator's video clips: small looping animated GIFs ({@code image/gif}), not MP4, so that they can be made
 * with the JDK alone. A clip is a picture drawn at {@value #SIDE}×{@value #SIDE} pixels that slides sideways over
 * {@value #FRAMES} frames of {@value #DELAY_CENTISECONDS}0 ms, so it plays as a slow pan; the same arguments always
 * give the same bytes.
 */
final class Gif {
    /** The side of a clip, in pixels. */
    static final int SIDE = 64;
    /** The frames of a clip. */
    static final int FRAMES = 8;
    /** The delay between frames, in hundredths of a second. */
    static final int DELAY_CENTISECONDS = 12;

    private Gif() {
    }

    /** Clip {@code clip} (1–4) of a video whose first frame is drawn from {@code prompt} and {@code seed}. */
    static byte[] clip(String prompt, long seed, int clip) {
        BufferedImage picture = Pictures.picture(prompt, seed, clip, SIDE);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no GIF writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int frame = 0; frame < FRAMES; frame++) {
                BufferedImage image = shifted(picture, frame * clip * 2);
                writer.writeToSequence(new IIOImage(image, null, metadata(writer, image, frame == 0)), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException("GIF encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The picture moved {@code dx} pixels to the left, wrapping around. */
    private static BufferedImage shifted(BufferedImage picture, int dx) {
        BufferedImage frame = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        try {
            int offset = dx % SIDE;
            g.drawImage(picture, -offset, 0, null);
            g.drawImage(picture, SIDE - offset, 0, null);
        } finally {
            g.dispose();
        }
        return frame;
    }

    /** The frame's delay, and on the first frame the NETSCAPE2.0 extension that makes the clip loop forever. */
    private static IIOMetadata metadata(ImageWriter writer, BufferedImage image, boolean first) throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(DELAY_CENTISECONDS));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        if (first) {
            IIOMetadataNode extensions = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(loop);
            root.appendChild(extensions);
        }
        metadata.setFromTree(format, root);
        return metadata;
    }
}
