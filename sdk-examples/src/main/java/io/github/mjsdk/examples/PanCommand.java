package io.github.mjsdk.examples;

import io.github.mjsdk.model.PanDirection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private GridWaitOptions options;

    @Override
    public Integer call() {
        return mj.awaitAndPrint(options.timeout(), options.out(),
                client -> client.pan(taskId, direction, options.speed()));
    }
}
