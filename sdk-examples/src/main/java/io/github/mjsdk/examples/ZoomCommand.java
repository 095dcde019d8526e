package io.github.mjsdk.examples;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mj zoom <taskId> [--ratio 2]}: zoom out of an upscaled image. */
@Command(name = "zoom", sortOptions = false,
        description = "Zoom out of an upscaled image (from 'mj upscale') and wait for the new grid: 2 or 1.5 are the"
                + " Zoom Out buttons, any other ratio in (1, 2] goes through Custom Zoom.")
final class ZoomCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the upscaled image; it must be SUCCESS")
    private String taskId;

    @Option(names = "--ratio", paramLabel = "RATIO", defaultValue = "2",
            description = "the zoom-out factor in (1, 2] (default 2)")
    private double ratio;

    @Option(names = "--speed", paramLabel = "TIER", description = "relax, fast or turbo (default: the server's)")
    private Speed speed;

    @Option(names = "--out", paramLabel = "DIR", description = "save the grid and its four images under DIR/<taskId>/")
    private Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "give up waiting after this long, e.g. 90s, 10m (default 10m; relax 30m)")
    private Duration timeout;

    @Override
    public Integer call() {
        try (Connection connection = mj.connect(timeout)) {
            Task task = connection.client().zoomOut(taskId, ratio, speed).join();
            mj.printResult(connection, task, out);
            return ExitCodes.OK;
        }
    }
}
