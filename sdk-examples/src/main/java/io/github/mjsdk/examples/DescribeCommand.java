package io.github.mjsdk.examples;

import io.github.mjsdk.model.DescribeRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mj describe <image file or URL> [--speed fast] [--timeout 10m]}: prints the four suggested prompts. */
@Command(name = "describe", sortOptions = false,
        description = "Describe an image (a file or an http(s) URL): wait and print the four suggested prompts"
                + " as 'suggestion' lines.")
final class DescribeCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "a PNG, JPEG, WebP or GIF file, or an http(s) URL")
    private String image;

    @Option(names = "--speed", paramLabel = "TIER", description = "relax, fast or turbo (default: the server's)")
    private Speed speed;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "give up waiting after this long, e.g. 90s, 10m (default 10m; relax 30m)")
    private Duration timeout;

    @Override
    public Integer call() {
        DescribeRequest request = DescribeRequest.of(ImageArgs.of(image)).withSpeed(speed);
        try (Connection connection = mj.connect(timeout)) {
            Task task = connection.client().describe(request).join();
            TaskOutput.summary(mj.console().out(), task);
            List<String> prompts = task.describePrompts();
            for (String prompt : prompts) {
                TaskOutput.line(mj.console().out(), "suggestion", prompt);
            }
            return ExitCodes.OK;
        }
    }
}
