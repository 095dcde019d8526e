package io.github.mjsdk.examples;

import io.github.mjsdk.model.BlendDimensions;
import io.github.mjsdk.model.BlendRequest;
import io.github.mjsdk.model.ImageInput;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mj blend <image> <image> [...] [--dimensions landscape] [--out DIR]}: 2 to 5 images into one grid. */
@Command(name = "blend", sortOptions = false,
        description = "Blend 2 to 5 images (files or http(s) URLs) into a grid, wait, then print the new task.")
final class BlendCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "2 to 5 image files or URLs")
    private List<String> images;

    @Option(names = "--dimensions", paramLabel = "SHAPE", description = "portrait, square (default) or landscape")
    private BlendDimensions dimensions;

    @Mixin
    private GridWaitOptions options;

    @Override
    public Integer call() {
        List<ImageInput> inputs = new ArrayList<>();
        for (String image : images) {
            inputs.add(ImageArgs.of(image));
        }
        BlendRequest request = BlendRequest.of(inputs).withDimensions(dimensions).withSpeed(options.speed());
        return mj.awaitAndPrint(options.timeout(), options.out(), client -> client.blend(request));
    }
}
