package io.github.mjsdk.examples;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mj upscale <taskId> <1-4> [--speed turbo] [--out DIR] [--timeout 10m]}. */
@Command(name = "upscale", sortOptions = false,
        description = "Upscale one image of a finished grid (U1-U4) and wait for it, then print the new task.")
final class UpscaleCommand implements Callable<Integer> {
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
    private SpeedOption speed;

    @Option(names = "--out", paramLabel = "DIR", description = "save the upscaled image as DIR/<taskId>/image.png")
    private Path out;

    @Mixin
    private TimeoutOption timeout;

    @Override
    public Integer call() {
        if (index < 1 || index > 4) {
            throw new ParameterException(spec.commandLine(), "INDEX must be 1, 2, 3 or 4, got " + index);
        }
        return mj.awaitAndPrint("upscale", timeout.value(), out,
                (client, progress) -> client.upscale(taskId, index, speed.value(), progress));
    }
}
