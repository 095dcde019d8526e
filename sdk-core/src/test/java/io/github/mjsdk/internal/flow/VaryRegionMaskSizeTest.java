package io.github.mjsdk.internal.flow;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.image.DownloadedImage;
import io.github.mjsdk.image.ImageDecodeException;
import io.github.mjsdk.model.RegionMask;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Vary (Region)'s mask must have the parent image's size; an image that cannot be decoded says how to skip. */
class VaryRegionMaskSizeTest {
    private static final RegionMask MASK = RegionMask.ofRectangles(64, 48, List.of(new RegionMask.Rect(0, 0, 8, 8)));

    @Test
    void aMaskOfTheImagesSizePasses() throws IOException {
        assertThatCode(() -> VaryRegion.checkMaskSize("t1", png(64, 48), MASK)).doesNotThrowAnyException();
    }

    @Test
    void aMaskOfAnotherSizeIsRefusedNamingMaskAndBothSizes() throws IOException {
        DownloadedImage image = png(48, 64);

        assertThatThrownBy(() -> VaryRegion.checkMaskSize("t1", image, MASK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mask: 64×48 does not match the 48×64 image of task t1");
    }

    @Test
    void anImageThatCannotBeDecodedFailsTypedWithTheWayToSendUnchecked() {
        byte[] notAPng = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        DownloadedImage image = new DownloadedImage(notAPng, "image/png", null);

        assertThatThrownBy(() -> VaryRegion.checkMaskSize("t1", image, MASK))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageStartingWith("the Vary (Region) mask's size cannot be checked against task t1's image")
                .hasMessageContaining("VaryRegionRequest.withoutSizeCheck() if the mask is 64×48")
                .hasCauseInstanceOf(ImageDecodeException.class);
    }

    private static DownloadedImage png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return new DownloadedImage(out.toByteArray(), "image/png", null);
    }
}
