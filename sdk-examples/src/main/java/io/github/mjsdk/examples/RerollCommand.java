package io.github.mjsdk.examples;

import io.github.mjsdk.model.RerollRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mj reroll <taskId> [--speed turbo] [--no-wait] [--out DIR] [--timeout 10m]}. */
@Command(name = "reroll", sortOptions = false,
        description = {"Reroll a finished grid: a new 2x2 grid from the same prompt. Waits (progress on stderr),"
            + " then prints the new task.", "With --no-wait, print only the new task id."})
final class RerollCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the grid to reroll; it must be SUCCESS")
    private String taskId;

    @Mixin
    private JobOptions job;

    @Override
    public Integer call() {
        RerollRequest request = RerollRequest.of(taskId).withSpeed(job.speed());
        return job.run(mj, spec, "reroll", client -> client.submitReroll(request),
                (client, progress) -> client.reroll(request, progress));
    }
}
