package io.github.mjsdk.examples;

import io.github.mjsdk.model.VariantMode;
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

/**
 * {@code mj upscale <taskId> <1-4> [--speed turbo] [--out DIR] [--timeout 10m]}, and
 * {@code mj upscale <upscaleTaskId> --mode subtle|creative}: Upscale (Subtle) / (Creative) of an upscaled image
 * ({@code MidjourneyClient.variant}, docs/protocols.md §a.10).
 */
@Command(name = "upscale", sortOptions = false,
        description = {"Upscale one image of a finished grid (U1-U4) and wait for it, then print the new task.",
            "With --mode instead of INDEX, upscale an upscaled image again: Upscale (Subtle) or (Creative)."})
final class UpscaleCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the grid (with --mode: the upscaled image);"
            + " it must be SUCCESS")
    private String taskId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "INDEX", description = "which image: 1 top left,"
            + " 2 top right, 3 bottom left, 4 bottom right")
    private Integer index;

    @Option(names = "--mode", paramLabel = "MODE", description = "subtle or creative: the Upscale (Subtle) or"
            + " (Creative) button of an upscaled image, instead of INDEX")
    private Mode mode;

    @Mixin
    private SpeedOption speed;

    @Option(names = "--out", paramLabel = "DIR", description = "save the upscaled image as DIR/<taskId>/image.png")
    private Path out;

    @Mixin
    private TimeoutOption timeout;

    @Override
    public Integer call() {
        if ((index == null) == (mode == null)) {
            throw new ParameterException(spec.commandLine(), "give INDEX (1-4, an image of a grid) or --mode"
                    + " (subtle or creative, on an upscaled image), not " + (mode == null ? "neither" : "both"));
        }
        if (mode != null) {
            return mj.awaitAndPrint(timeout.value(), out,
                    client -> client.variant(taskId, mode.variant, speed.value()));
        }
        if (index < 1 || index > 4) {
            throw new ParameterException(spec.commandLine(), "INDEX must be 1, 2, 3 or 4, got " + index);
        }
        return mj.awaitAndPrint("upscale", timeout.value(), out,
                (client, progress) -> client.upscale(taskId, index, speed.value(), progress));
    }

    /** The {@code --mode} values: the two buttons under an upscaled image. */
    enum Mode {
        /** Upscale (Subtle). */
        SUBTLE(VariantMode.UPSCALE_SUBTLE),
        /** Upscale (Creative). */
        CREATIVE(VariantMode.UPSCALE_CREATIVE);

        private final VariantMode variant;

        Mode(VariantMode variant) {
            this.variant = variant;
        }
    }
}
