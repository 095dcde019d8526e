package io.github.mjsdk.examples;

import io.github.mjsdk.model.DescribeRequest;
import io.github.mjsdk.model.Task;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private SpeedOption speed;

    @Mixin
    private TimeoutOption timeout;

    @Override
    public Integer call() {
        DescribeRequest request = DescribeRequest.of(ImageArgs.of(image)).withSpeed(speed.value());
        try (Connection connection = mj.connect(timeout.value())) {
            Task task = connection.client().describe(request).join();
            TaskOutput.summary(mj.console().out(), task);
            for (String prompt : task.describePrompts()) {
                TaskOutput.line(mj.console().out(), "suggestion", prompt);
            }
            return ExitCodes.OK;
        }
    }
}
