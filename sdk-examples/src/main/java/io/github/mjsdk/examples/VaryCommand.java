package io.github.mjsdk.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    private GridWaitOptions options;

    @Override
    public Integer call() {
        if (index < 1 || index > 4) {
            throw new ParameterException(spec.commandLine(), "INDEX must be 1, 2, 3 or 4, got " + index);
        }
        return mj.awaitAndPrint("vary", options.timeout(), options.out(),
                (client, progress) -> client.vary(taskId, index, options.speed(), null, progress));
    }
}
