package io.github.mjsdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Polygon masks: drawn on the image's pixel grid like rectangles, and checked when built. */
class RegionMaskPolygonTest {
    private static final RegionMask.Polygon TRIANGLE = RegionMask.Polygon.of(10, 10, 90, 10, 10, 90);

    private static BufferedImage png(String dataUrl) throws IOException {
        assertThat(dataUrl).startsWith("data:image/png;base64,");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(22))));
    }

    @Test
    void aTriangleIsWhiteInsideOnABlackOrTransparentBackground() throws IOException {
        RegionMask mask = RegionMask.ofPolygons(100, 100, List.of(TRIANGLE));

        BufferedImage black = png(mask.dataUrl(false));
        assertThat(black.getWidth()).isEqualTo(100);
        assertThat(black.getHeight()).isEqualTo(100);
        assertThat(black.getRGB(20, 20)).as("inside").isEqualTo(0xFFFFFFFF);
        assertThat(black.getRGB(80, 80)).as("beyond the hypotenuse").isEqualTo(0xFF000000);
        assertThat(black.getRGB(5, 5)).as("outside the bounding box").isEqualTo(0xFF000000);
        BufferedImage transparent = png(mask.dataUrl(true));
        assertThat(transparent.getRGB(20, 20)).isEqualTo(0xFFFFFFFF);
        assertThat(transparent.getRGB(80, 80)).isEqualTo(0x00000000);
        assertThat(mask).hasToString("RegionMask[100×100, 1 polygons]");
    }

    @Test
    void rectanglesAreDrawnExactlyAsBefore() throws IOException {
        BufferedImage png = png(RegionMask.ofRectangles(16, 16, List.of(new RegionMask.Rect(2, 3, 4, 5)))
                .dataUrl(false));

        assertThat(png.getRGB(2, 3)).isEqualTo(0xFFFFFFFF);
        assertThat(png.getRGB(5, 7)).isEqualTo(0xFFFFFFFF);
        assertThat(png.getRGB(6, 7)).isEqualTo(0xFF000000);
        assertThat(png.getRGB(5, 8)).isEqualTo(0xFF000000);
        assertThat(png.getRGB(1, 3)).isEqualTo(0xFF000000);
    }

    @Test
    void aPolygonMayTouchTheImagesEdges() throws IOException {
        RegionMask whole = RegionMask.ofPolygons(8, 8, List.of(RegionMask.Polygon.of(0, 0, 8, 0, 8, 8, 0, 8)));

        BufferedImage png = png(whole.dataUrl(false));
        assertThat(png.getRGB(0, 0)).isEqualTo(0xFFFFFFFF);
        assertThat(png.getRGB(7, 7)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void badPolygonsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> RegionMask.Polygon.of(0, 0, 5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("points:").hasMessageContaining("at least 3");
        assertThatThrownBy(() -> RegionMask.Polygon.of(0, 0, 5)).hasMessageStartingWith("xy:");
        assertThatThrownBy(() -> RegionMask.ofPolygons(100, 100, List.of(TRIANGLE, RegionMask.Polygon.of(0, 0, 101,
                0, 0, 50)))).hasMessageStartingWith("polygons[1]: vertex 1 (101, 0)").hasMessageContaining("100×100");
        assertThatThrownBy(() -> RegionMask.ofPolygons(100, 100, List.of(RegionMask.Polygon.of(0, -1, 5, 5, 9, 9))))
                .hasMessageStartingWith("polygons[0]: vertex 0");
        assertThatThrownBy(() -> RegionMask.ofPolygons(100, 100, List.of(RegionMask.Polygon.of(0, 0, 5, 5, 9, 9))))
                .hasMessageStartingWith("polygons[0]:").hasMessageContaining("no area");
        assertThatThrownBy(() -> RegionMask.ofPolygons(100, 100, List.of())).hasMessageStartingWith("polygons:");
        assertThatThrownBy(() -> RegionMask.ofPolygons(0, 100, List.of(TRIANGLE))).hasMessageStartingWith("width");
    }
}
