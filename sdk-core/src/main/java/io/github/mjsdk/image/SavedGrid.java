package io.github.mjsdk.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a saved grid was written to, as laid out by {@link ImageFiles}.
 *
 * @param taskId    the grid task's id
 * @param directory the task's folder, {@code <root>/<taskId>}
 * @param grid      the grid as downloaded, {@code <root>/<taskId>/grid.png} (or {@code .jpg}, {@code .webp})
 * @param images    the four images in grid order, {@code <root>/<taskId>/1.png} … {@code 4.png}
 */
public record SavedGrid(String taskId, Path directory, Path grid, List<Path> images) {

    /**
     * Validates and copies the components.
     *
     * @param taskId    see {@link #taskId()}
     * @param directory see {@link #directory()}
     * @param grid      see {@link #grid()}
     * @param images    see {@link #images()}
     * @throws IllegalArgumentException if a component is null or {@code images} does not hold four paths
     */
    public SavedGrid {
        if (taskId == null || directory == null || grid == null || images == null) {
            throw new IllegalArgumentException("taskId, directory, grid and images must not be null");
        }
        images = List.copyOf(images);
        if (images.size() != 4) {
            throw new IllegalArgumentException("images must hold 4 paths, got " + images.size());
        }
    }

    /**
     * All five files: the grid, then the four images.
     *
     * @return an unmodifiable list of five paths
     */
    public List<Path> files() {
        List<Path> all = new ArrayList<>(5);
        all.add(grid);
        all.addAll(images);
        return List.copyOf(all);
    }
}
