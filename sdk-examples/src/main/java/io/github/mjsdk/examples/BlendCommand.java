package io.github.mjsdk.examples;

import io.github.mjsdk.model.BlendDimensions;
import io.github.mjsdk.model.BlendRequest;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--speed", paramLabel = "TIER", description = "relax, fast or turbo (default: the server's)")
    private Speed speed;

    @Option(names = "--out", paramLabel = "DIR", description = "save the grid and its four images under DIR/<taskId>/")
    private Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "give up waiting after this long, e.g. 90s, 10m (default 10m; relax 30m)")
    private Duration timeout;

    @Override
    public Integer call() {
        List<ImageInput> inputs = new ArrayList<>();
        for (String image : images) {
            inputs.add(ImageArgs.of(image));
        }
        BlendRequest request = BlendRequest.of(inputs).withDimensions(dimensions).withSpeed(speed);
        try (Connection connection = mj.connect(timeout)) {
            Task task = connection.client().blend(request).join();
            mj.printResult(connection, task, out);
            return ExitCodes.OK;
        }
    }
}
