package io.github.mjsdk.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a saved grid was written to, as laid out by {@link ImageFiles}.
 *
 * @param taskId    the grid task's id
 * @param directory the task's folder
 * @param grid      the grid file as downloaded
 * @param images    the four image files in grid order
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
     * The id of the grid task, also the name of its folder.
     *
     * @return a 16-digit task id such as {@code "1712345678901123"} on midjourney-proxy servers ({@code task_…} on
     *         apimart, a UUID on JourneyAPI); never null
     */
    @Override
    public String taskId() {
        return taskId;
    }

    /**
     * The task's folder, {@code <root>/<taskId>}, holding the grid and its four images.
     *
     * @return the folder, e.g. {@code images/1712345678901123} for the root {@code images}; never null
     */
    @Override
    public Path directory() {
        return directory;
    }

    /**
     * The grid as downloaded, with the extension of its format.
     *
     * @return {@code <root>/<taskId>/grid.png} (or {@code grid.jpg}, {@code grid.webp}); never null
     */
    @Override
    public Path grid() {
        return grid;
    }

    /**
     * The four images cut from the grid, always written as PNG, in grid order: top left, top right, bottom left,
     * bottom right, as U1–U4 number them.
     *
     * @return an unmodifiable list of exactly four paths, {@code <root>/<taskId>/1.png} … {@code 4.png}
     */
    @Override
    public List<Path> images() {
        return images;
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
