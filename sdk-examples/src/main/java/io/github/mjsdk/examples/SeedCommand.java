package io.github.mjsdk.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mj seed <taskId>}: prints the seed of a finished image task ({@code MidjourneyClient.imageSeed}). */
@Command(name = "seed", sortOptions = false,
        description = "Print the seed of a finished image task, a number to reuse with --seed in a prompt.")
final class SeedCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task; it must be SUCCESS")
    private String taskId;

    @Override
    public Integer call() {
        try (Connection connection = mj.connect(null)) {
            mj.console().out().println(connection.client().imageSeed(taskId).join());
            return ExitCodes.OK;
        }
    }
}
