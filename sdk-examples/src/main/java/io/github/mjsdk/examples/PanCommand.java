package io.github.mjsdk.examples;

import io.github.mjsdk.model.PanDirection;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mj pan <taskId> <left|right|up|down>}: pan an upscaled image. */
@Command(name = "pan", sortOptions = false,
        description = "Pan an upscaled image (from 'mj upscale') and wait for the new grid.")
final class PanCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the upscaled image; it must be SUCCESS")
    private String taskId;

    @Parameters(index = "1", paramLabel = "DIRECTION", description = "left, right, up or down")
    private PanDirection direction;

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
            Task task = connection.client().pan(taskId, direction, speed).join();
            mj.printResult(connection, task, out);
            return ExitCodes.OK;
        }
    }
}
