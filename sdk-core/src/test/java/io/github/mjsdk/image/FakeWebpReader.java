package io.github.mjsdk.image;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Stands in for a WebP ImageIO plugin: reads the {@link TestImages#webp} payload (RIFF/WEBP header, then width and
 * height) into a {@link TestImages#coordinates} image. Registered with ImageIO's registry only inside a test.
 */
final class FakeWebpReader extends ImageReader {

    FakeWebpReader(ImageReaderSpi spi) {
        super(spi);
    }

    /** Registers the plugin; close the result to remove it again. */
    static AutoCloseable install() {
        Spi spi = new Spi();
        IIORegistry.getDefaultInstance().registerServiceProvider(spi, ImageReaderSpi.class);
        return () -> IIORegistry.getDefaultInstance().deregisterServiceProvider(spi, ImageReaderSpi.class);
    }

    private int[] size() throws IOException {
        ImageInputStream in = (ImageInputStream) getInput();
        in.seek(12);
        return new int[]{in.readUnsignedShort(), in.readUnsignedShort()};
    }

    @Override
    public int getNumImages(boolean allowSearch) {
        return 1;
    }

    @Override
    public int getWidth(int imageIndex) throws IOException {
        return size()[0];
    }

    @Override
    public int getHeight(int imageIndex) throws IOException {
        return size()[1];
    }

    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) {
        return List.of(ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_INT_ARGB)).iterator();
    }

    @Override
    public IIOMetadata getStreamMetadata() {
        return null;
    }

    @Override
    public IIOMetadata getImageMetadata(int imageIndex) {
        return null;
    }

    @Override
    public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
        int[] size = size();
        return TestImages.coordinates(size[0], size[1]);
    }

    /** The service provider ImageIO finds the reader by. */
    static final class Spi extends ImageReaderSpi {
        Spi() {
            super("mjsdk tests", "1", new String[]{"webp"}, new String[]{"webp"}, new String[]{"image/webp"},
                    FakeWebpReader.class.getName(), new Class<?>[]{ImageInputStream.class}, null, false, null, null,
                    null, null, false, null, null, null, null);
        }

        @Override
        public boolean canDecodeInput(Object source) throws IOException {
            ImageInputStream in = (ImageInputStream) source;
            byte[] head = new byte[12];
            in.mark();
            try {
                in.readFully(head);
            } catch (EOFException tooShort) {
                return false;
            } finally {
                in.reset();
            }
            return ImageFormat.sniff(head).filter(f -> f == ImageFormat.WEBP).isPresent();
        }

        @Override
        public ImageReader createReaderInstance(Object extension) {
            return new FakeWebpReader(this);
        }

        @Override
        public String getDescription(Locale locale) {
            return "fake WebP reader for tests";
        }
    }
}
