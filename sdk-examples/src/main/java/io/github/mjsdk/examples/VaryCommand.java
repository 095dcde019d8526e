package io.github.mjsdk.examples;

import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.RegionMask;
import io.github.mjsdk.model.VariantMode;
import io.github.mjsdk.model.VaryRegionRequest;
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
 * {@code mj vary <taskId> <1-4>} (V1–V4 of a grid), {@code mj vary <upscaleTaskId> --mode subtle|strong} (Vary
 * (Subtle) / (Strong) of an upscaled image, {@code MidjourneyClient.variant}) and
 * {@code mj vary <upscaleTaskId> --mask mask.png [--prompt P]} (Vary (Region), {@code MidjourneyClient.varyRegion};
 * docs/protocols.md §a.10, §a.4), each with {@code [--speed turbo] [--out DIR] [--timeout 10m]}.
 */
@Command(name = "vary", sortOptions = false,
        description = {"Make variations of one image of a finished grid (V1-V4) and wait for the new grid, then print"
            + " it.",
            "With --mode instead of INDEX, vary an upscaled image: Vary (Subtle) or (Strong); with --mask, repaint"
                + " the white part of a mask as large as the upscaled image: Vary (Region)."})
final class VaryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the grid (with --mode or --mask: the upscaled"
            + " image); it must be SUCCESS")
    private String taskId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "INDEX", description = "which image: 1 top left,"
            + " 2 top right, 3 bottom left, 4 bottom right")
    private Integer index;

    @Option(names = "--mode", paramLabel = "MODE", description = "subtle or strong: the Vary (Subtle) or (Strong)"
            + " button of an upscaled image, instead of INDEX")
    private Mode mode;

    @Option(names = "--mask", paramLabel = "FILE", description = "a PNG as large as the upscaled image, white where"
            + " it is repainted (Vary (Region)), instead of INDEX")
    private Path mask;

    @Option(names = "--prompt", paramLabel = "PROMPT", description = "with --mask: the prompt for the repainted part"
            + " (default: the image's own)")
    private String prompt;

    @Mixin
    private GridWaitOptions options;

    @Override
    public Integer call() {
        int chosen = (index == null ? 0 : 1) + (mode == null ? 0 : 1) + (mask == null ? 0 : 1);
        if (chosen != 1) {
            throw new ParameterException(spec.commandLine(), "give one of INDEX (1-4, an image of a grid), --mode"
                    + " (subtle or strong) or --mask (a file), on an upscaled image; got " + chosen);
        }
        if (prompt != null && mask == null) {
            throw new ParameterException(spec.commandLine(), "--prompt goes with --mask");
        }
        if (mode != null) {
            return mj.awaitAndPrint(options.timeout(), options.out(),
                    client -> client.variant(taskId, mode.variant, options.speed()));
        }
        if (mask != null) {
            RegionMask region = RegionMask.ofImage(ImageInput.of(mask));
            VaryRegionRequest request = VaryRegionRequest.of(taskId, region).withPrompt(prompt)
                    .withSpeed(options.speed());
            return mj.awaitAndPrint(options.timeout(), options.out(), client -> client.varyRegion(request));
        }
        if (index < 1 || index > 4) {
            throw new ParameterException(spec.commandLine(), "INDEX must be 1, 2, 3 or 4, got " + index);
        }
        return mj.awaitAndPrint("vary", options.timeout(), options.out(),
                (client, progress) -> client.vary(taskId, index, options.speed(), null, progress));
    }

    /** The {@code --mode} values: the two Vary buttons under an upscaled image. */
    enum Mode {
        /** Vary (Subtle). */
        SUBTLE(VariantMode.VARY_SUBTLE),
        /** Vary (Strong). */
        STRONG(VariantMode.VARY_STRONG);

        private final VariantMode variant;

        Mode(VariantMode variant) {
            this.variant = variant;
        }
    }
}
