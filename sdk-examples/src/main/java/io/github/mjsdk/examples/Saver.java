package io.github.mjsdk.examples;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.image.SavedGrid;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import java.nio.file.Path;
import java.util.List;

/** Saves a finished task's images with the SDK's file layout. */
final class Saver {
    private Saver() {
    }

    /**
     * Saves a task's images under {@code root}: a grid as {@code <root>/<id>/grid.png} and {@code 1.png} …
     * {@code 4.png}, an upscale as {@code <root>/<id>/image.png}, a video's clips as {@code <root>/<id>/video-1.mp4}
     * … (or {@code .gif} from the simulator).
     *
     * @param client the client to download with
     * @param task   a SUCCESS task
     * @param root   the root folder
     * @return the files written
     */
    static List<Path> save(MidjourneyClient client, Task task, Path root) {
        if (!task.videoUrls().isEmpty()) {
            return client.images().saveVideos(task, root).join();
        }
        if (isSingleImage(task)) {
            return List.of(client.images().saveImage(task, root).join());
        }
        SavedGrid grid = client.images().saveGrid(task, root).join();
        return grid.files();
    }

    private static boolean isSingleImage(Task task) {
        return !io.github.mjsdk.image.Images.isGrid(task);
    }
}
