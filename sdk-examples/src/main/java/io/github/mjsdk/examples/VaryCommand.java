package io.github.mjsdk.examples;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mj vary <taskId> <1-4> [--speed turbo] [--out DIR] [--timeout 10m]}. */
@Command(name = "vary", sortOptions = false,
        description = "Make variations of one image of a finished grid (V1-V4) and wait for the new grid, then print"
            + " it.")
final class VaryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the grid; it must be SUCCESS")
    private String taskId;

    @Parameters(index = "1", paramLabel = "INDEX", description = "which image: 1 top left, 2 top right,"
            + " 3 bottom left, 4 bottom right")
    private int index;

    @Option(names = "--speed", paramLabel = "TIER", description = "relax, fast or turbo (default: the server's)")
    private Speed speed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "save the new grid and its four images under DIR/<taskId>/")
    private Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "give up waiting after this long, e.g. 90s, 10m (default 10m; relax 30m)")
    private Duration timeout;

    @Override
    public Integer call() {
        if (index < 1 || index > 4) {
            throw new ParameterException(spec.commandLine(), "INDEX must be 1, 2, 3 or 4, got " + index);
        }
        try (Connection connection = mj.connect(timeout)) {
            Task task;
            try (Progress progress = Progress.start("vary", mj.console())) {
                task = connection.client().vary(taskId, index, speed, null, progress).join();
            }
            mj.printResult(connection, task, out);
            return ExitCodes.OK;
        }
    }
}
