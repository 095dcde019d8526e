package io.github.mjsdk.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    @Test
    void contentTypesAreReadLenientlyAndOtherTypesAreNotImages() {
        assertThat(ImageFormat.fromContentType("image/png")).contains(ImageFormat.PNG);
        assertThat(ImageFormat.fromContentType("IMAGE/PNG; charset=binary")).contains(ImageFormat.PNG);
        assertThat(ImageFormat.fromContentType("image/jpg")).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.fromContentType("image/jpeg")).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.fromContentType("image/webp")).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.fromContentType("text/html; charset=utf-8")).isEmpty();
        assertThat(ImageFormat.fromContentType("image/gif")).isEmpty();
        assertThat(ImageFormat.fromContentType(null)).isEmpty();
    }

    @Test
    void formatsAreRecognisedByTheirFirstBytes() {
        assertThat(ImageFormat.sniff(TestImages.png(TestImages.quadrants(2, 2)))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.sniff(TestImages.encode(TestImages.quadrants(2, 2), "jpg"))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(TestImages.webp(2, 2))).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.sniff("<!DOCTYPE html>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.sniff(new byte[]{(byte) 0x89, 'P'})).isEmpty();
        assertThat(ImageFormat.sniff(null)).isEmpty();
    }

    @Test
    void downloadedImageIsImmutableAndNormalisesItsType() {
        byte[] bytes = TestImages.png(TestImages.quadrants(2, 2));
        DownloadedImage image = new DownloadedImage(bytes, "Image/PNG; q=1", "https://cdn.example/a.png?ex=1&hm=sig");
        bytes[0] = 0;
        image.bytes()[1] = 0;

        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(ImageFormat.sniff(image.bytes())).contains(ImageFormat.PNG);
        assertThat(image.size()).isEqualTo(bytes.length);
        assertThat(image).isEqualTo(new DownloadedImage(image.bytes(), "image/png", image.sourceUrl()));
        assertThat(image.toString()).contains("image/png", bytes.length + " bytes", "https://cdn.example/a.png")
                .doesNotContain("hm=sig");
    }

    @Test
    void downloadedImageRefusesEmptyBytesAndOtherTypes() {
        assertThatThrownBy(() -> new DownloadedImage(new byte[0], "image/png", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytes");
        assertThatThrownBy(() -> new DownloadedImage(new byte[]{1}, "text/html", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contentType");
    }
}
