package io.github.mjsdk.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private GridWaitOptions options;

    @Override
    public Integer call() {
        return mj.awaitAndPrint(options.timeout(), options.out(),
                client -> client.zoomOut(taskId, ratio, options.speed()));
    }
}
