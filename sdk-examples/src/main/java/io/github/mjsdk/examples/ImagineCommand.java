package io.github.mjsdk.examples;

import io.github.mjsdk.model.ImagineRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mj imagine "<prompt>" [--speed turbo] [--no-wait] [--out DIR] [--timeout 10m]}. */
@Command(name = "imagine", sortOptions = false,
        description = {"Imagine a prompt and wait for its 2x2 grid (progress on stderr), then print the task.",
            "With --no-wait, print only the new task id."})
final class ImagineCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "the prompt, with Midjourney flags (--ar 3:2 …)")
    private String prompt;

    @Mixin
    private JobOptions job;

    @Override
    public Integer call() {
        ImagineRequest request = ImagineRequest.of(prompt).withSpeed(job.speed());
        return job.run(mj, spec, "imagine", client -> client.submitImagine(request),
                (client, progress) -> client.imagine(request, progress));
    }
}
