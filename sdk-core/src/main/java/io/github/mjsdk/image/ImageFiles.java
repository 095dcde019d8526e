package io.github.mjsdk.image;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Saves images under predictable names, one folder per task:
 *
 * <table>
 *   <caption>File layout under a root folder</caption>
 *   <tr><th>file</th><th>what</th></tr>
 *   <tr><td>{@code <root>/<taskId>/grid.<ext>}</td><td>a grid exactly as downloaded; {@code <ext>} is
 *       {@code png}, {@code jpg} or {@code webp} ({@link ImageFormat#extension()})</td></tr>
 *   <tr><td>{@code <root>/<taskId>/1.png} … {@code 4.png}</td><td>the grid's four images in grid order (1 top
 *       left, 2 top right, 3 bottom left, 4 bottom right), always PNG</td></tr>
 *   <tr><td>{@code <root>/<taskId>/image.<ext>}</td><td>a single image (an upscale) as downloaded</td></tr>
 * </table>
 *
 * <p>Folders are created as needed. Each file is written to a temporary file in the same folder and then moved
 * over its final name, so a reader never sees half a file and saving again replaces the old file. The task id
 * becomes a folder name, so it must be a plain file name: letters, digits, {@code .}, {@code _} and {@code -},
 * at most 128 characters, not starting with a dot or a dash (16-digit proxy ids, {@code task_…} ids and UUIDs
 * all are).
 * Stateless and thread-safe; saving the same task from two threads at once leaves one of the two versions.
 */
public final class ImageFiles {
    /** The base name of a saved grid: {@code grid}, so {@code grid.png}. */
    public static final String GRID_NAME = "grid";
    /** The base name of a saved single image: {@code image}, so {@code image.png}. */
    public static final String IMAGE_NAME = "image";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private ImageFiles() {
    }

    /**
     * The folder of one task: {@code <root>/<taskId>}. Nothing is created.
     *
     * @param root   the root folder, e.g. {@code Path.of("mj-out")}
     * @param taskId the task id
     * @return the folder path
     * @throws IllegalArgumentException if {@code root} is null or {@code taskId} is not a plain file name
     */
    public static Path taskDirectory(Path root, String taskId) {
        if (root == null) {
            throw new IllegalArgumentException("root must not be null");
        }
        if (taskId == null || !SAFE_ID.matcher(taskId).matches()) {
            throw new IllegalArgumentException("taskId must be a plain file name (letters, digits, '.', '_', '-';"
                    + " at most 128; no leading dot or dash), got: " + taskId);
        }
        return root.resolve(taskId);
    }

    /**
     * Saves a grid as downloaded to {@code <root>/<taskId>/grid.<ext>}.
     *
     * @param grid   the grid
     * @param root   the root folder
     * @param taskId the grid task's id
     * @return the file written
     * @throws IllegalArgumentException if an argument is null or {@code taskId} is not a plain file name
     * @throws IOException              if the folder or the file cannot be written
     */
    public static Path saveGrid(DownloadedImage grid, Path root, String taskId) throws IOException {
        return saveAs(grid, root, taskId, GRID_NAME, "grid");
    }

    /**
     * Saves a single image as downloaded to {@code <root>/<taskId>/image.<ext>}.
     *
     * @param image  the image, e.g. an upscale
     * @param root   the root folder
     * @param taskId the task's id
     * @return the file written
     * @throws IllegalArgumentException if an argument is null or {@code taskId} is not a plain file name
     * @throws IOException              if the folder or the file cannot be written
     */
    public static Path saveImage(DownloadedImage image, Path root, String taskId) throws IOException {
        return saveAs(image, root, taskId, IMAGE_NAME, "image");
    }

    /**
     * Saves four images as {@code <root>/<taskId>/1.png} … {@code 4.png}.
     *
     * @param images the four images in grid order, as {@link GridSplitter#split(BufferedImage)} returns them
     * @param root   the root folder
     * @param taskId the grid task's id
     * @return the four files, in the order of {@code images}
     * @throws IllegalArgumentException if an argument is null, {@code images} does not hold four images, or
     *                                  {@code taskId} is not a plain file name
     * @throws IOException              if the folder or a file cannot be written
     */
    public static List<Path> saveQuarters(List<? extends RenderedImage> images, Path root, String taskId)
            throws IOException {
        if (images == null || images.size() != 4 || images.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("images must hold 4 non-null images");
        }
        Path folder = taskDirectory(root, taskId);
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            RenderedImage image = images.get(i);
            Path target = folder.resolve((i + 1) + ".png");
            Path temp = Files.createTempFile(folder, "." + (i + 1), ".part");
            try {
                if (!ImageIO.write(image, "png", temp.toFile()) && !ImageIO.write(toRgb(image), "png", temp.toFile())) {
                    throw new IOException("no PNG writer accepts image " + (i + 1));
                }
                moveOver(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
            written.add(target);
        }
        return List.copyOf(written);
    }

    /**
     * Saves a grid and its four images: {@link #saveGrid}, then {@link GridSplitter#split(DownloadedImage)} and
     * {@link #saveQuarters}.
     *
     * @param grid   the grid
     * @param root   the root folder
     * @param taskId the grid task's id
     * @return the five files
     * @throws IllegalArgumentException if an argument is null or {@code taskId} is not a plain file name
     * @throws ImageDecodeException     if the grid cannot be decoded (the grid file is written anyway)
     * @throws IOException              if a folder or a file cannot be written
     */
    public static SavedGrid saveGridAndImages(DownloadedImage grid, Path root, String taskId) throws IOException {
        Path gridFile = saveGrid(grid, root, taskId);
        List<Path> quarters = saveQuarters(GridSplitter.split(grid), root, taskId);
        return new SavedGrid(taskId, gridFile.getParent(), gridFile, quarters);
    }

    /**
     * Saves one of a grid's four images as downloaded from its own URL to {@code <root>/<taskId>/image-<n>.<ext>},
     * bytes unchanged.
     *
     * @param image the downloaded image
     * @param root  the root folder
     * @param taskId the grid task's id
     * @param index the grid position, 1–4
     * @return the file written
     * @throws IllegalArgumentException if an argument is null, {@code index} is not 1–4, or {@code taskId} is not a
     *                                  plain file name
     * @throws IOException              if a folder or the file cannot be written
     */
    public static Path saveNumberedImage(DownloadedImage image, Path root, String taskId, int index)
            throws IOException {
        if (index < 1 || index > 4) {
            throw new IllegalArgumentException("index must be 1..4, got " + index);
        }
        return saveAs(image, root, taskId, IMAGE_NAME + "-" + index, "image");
    }

    private static Path saveAs(DownloadedImage image, Path root, String taskId, String baseName, String what)
            throws IOException {
        if (image == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return saveBytes(image.bytes(), root, taskId, baseName, image.format().extension(), what);
    }

    /**
     * Writes bytes to {@code <root>/<taskId>/<baseName>.<extension>} through a temporary file moved over the target,
     * so a reader never sees half a file.
     */
    static Path saveBytes(byte[] bytes, Path root, String taskId, String baseName, String extension, String what)
            throws IOException {
        if (bytes == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        Path folder = taskDirectory(root, taskId);
        Files.createDirectories(folder);
        Path target = folder.resolve(baseName + "." + extension);
        Path temp = Files.createTempFile(folder, "." + baseName, ".part");
        try {
            Files.write(temp, bytes);
            moveOver(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    private static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static BufferedImage toRgb(RenderedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawRenderedImage(image, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
