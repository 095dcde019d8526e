package io.github.mjsdk.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFilesTest {
    private static final String ID = "1712345678901123";

    @TempDir
    Path root;

    @Test
    void gridAndImagesGoToPredictableNamesUnderTheTaskFolder() throws IOException {
        byte[] png = TestImages.png(TestImages.quadrants(200, 120));
        DownloadedImage grid = new DownloadedImage(png, "image/png", "https://api.example/mj/image/" + ID);

        SavedGrid saved = ImageFiles.saveGridAndImages(grid, root, ID);

        Path folder = root.resolve(ID);
        assertThat(saved.taskId()).isEqualTo(ID);
        assertThat(saved.directory()).isEqualTo(folder);
        assertThat(saved.grid()).isEqualTo(folder.resolve("grid.png"));
        assertThat(saved.images()).containsExactly(folder.resolve("1.png"), folder.resolve("2.png"),
                folder.resolve("3.png"), folder.resolve("4.png"));
        assertThat(saved.files()).hasSize(5).startsWith(saved.grid());
        assertThat(Files.readAllBytes(saved.grid())).isEqualTo(png);
        int[] expected = {TestImages.RED, TestImages.GREEN, TestImages.BLUE, TestImages.YELLOW};
        for (int i = 0; i < 4; i++) {
            BufferedImage quarter = ImageIO.read(saved.images().get(i).toFile());
            assertThat(quarter.getWidth()).isEqualTo(100);
            assertThat(quarter.getHeight()).isEqualTo(60);
            assertThat(quarter.getRGB(50, 30)).isEqualTo(expected[i]);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary files are left").containsExactlyInAnyOrder("grid.png", "1.png", "2.png",
                            "3.png", "4.png");
        }
    }

    @Test
    void aRelativeRootGivesRelativePathsEvenWhenItsFoldersAreCreated() throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(root.resolve("new").resolve("deeper"));
        DownloadedImage grid = new DownloadedImage(TestImages.png(TestImages.quadrants(8, 8)), "image/png", null);

        SavedGrid saved = ImageFiles.saveGridAndImages(grid, relative, ID);

        assertThat(relative.isAbsolute()).isFalse();
        assertThat(saved.directory()).isEqualTo(relative.resolve(ID));
        assertThat(saved.files()).allSatisfy(p -> assertThat(p.startsWith(relative.resolve(ID))).isTrue());
        assertThat(Files.isRegularFile(root.resolve("new").resolve("deeper").resolve(ID).resolve("4.png"))).isTrue();
    }

    @Test
    void aJpegGridKeepsItsBytesAndExtensionAndItsImagesArePng() throws IOException {
        byte[] jpeg = TestImages.encode(TestImages.quadrants(64, 64), "jpg");

        SavedGrid saved = ImageFiles.saveGridAndImages(new DownloadedImage(jpeg, "image/jpeg", null), root, ID);

        assertThat(saved.grid().getFileName()).hasToString("grid.jpg");
        assertThat(Files.readAllBytes(saved.grid())).isEqualTo(jpeg);
        assertThat(ImageFormat.sniff(Files.readAllBytes(saved.images().get(0)))).contains(ImageFormat.PNG);
    }

    @Test
    void savingAgainReplacesTheFiles() throws IOException {
        DownloadedImage first = new DownloadedImage(TestImages.png(TestImages.quadrants(20, 20)), "image/png", null);
        DownloadedImage second = new DownloadedImage(TestImages.png(TestImages.quadrants(40, 40)), "image/png", null);

        ImageFiles.saveGridAndImages(first, root, ID);
        SavedGrid saved = ImageFiles.saveGridAndImages(second, root, ID);

        assertThat(Files.readAllBytes(saved.grid())).isEqualTo(second.bytes());
        assertThat(ImageIO.read(saved.images().get(3).toFile()).getWidth()).isEqualTo(20);
    }

    @Test
    void aSingleImageIsSavedAsImageDotExtension() throws IOException {
        byte[] png = TestImages.png(TestImages.quadrants(8, 8));

        Path file = ImageFiles.saveImage(new DownloadedImage(png, "image/png", null), root, "task_01HZX");

        assertThat(file).isEqualTo(root.resolve("task_01HZX").resolve("image.png"));
        assertThat(Files.readAllBytes(file)).isEqualTo(png);
    }

    @Test
    void quartersAreWrittenInTheOrderGiven() throws IOException {
        List<BufferedImage> quarters = GridSplitter.split(TestImages.coordinates(30, 20));

        List<Path> files = ImageFiles.saveQuarters(quarters, root, "7f3c9a2e-1d4b-4c6a-9e8f-0a1b2c3d4e5f");

        assertThat(ImageIO.read(files.get(1).toFile()).getRGB(0, 0)).isEqualTo(TestImages.coded(15, 0));
        assertThat(ImageIO.read(files.get(2).toFile()).getRGB(0, 0)).isEqualTo(TestImages.coded(0, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", "../escape", "a/b", "a\\b", ".hidden", "-rf", "id with space"})
    void taskIdsThatAreNotPlainFileNamesAreRefusedBeforeAnythingIsWritten(String id) throws IOException {
        DownloadedImage grid = new DownloadedImage(TestImages.png(TestImages.quadrants(4, 4)), "image/png", null);

        assertThatThrownBy(() -> ImageFiles.saveGridAndImages(grid, root, id))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taskId");
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> ImageFiles.taskDirectory(null, ID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("root");
        assertThatThrownBy(() -> ImageFiles.saveGrid(null, root, ID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grid");
        assertThatThrownBy(() -> ImageFiles.saveQuarters(List.of(), root, ID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4");
    }
}
