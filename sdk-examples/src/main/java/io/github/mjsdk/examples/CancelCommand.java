package io.github.mjsdk.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mj cancel <taskId>}: cancels a waiting or running task on the server ({@code MidjourneyClient.cancel}). */
@Command(name = "cancel", sortOptions = false,
        description = "Cancel a waiting or running task on the server; it then ends in FAILURE, and 'mj wait' on it"
            + " exits with 3.")
final class CancelCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task; it must not be finished")
    private String taskId;

    @Override
    public Integer call() {
        try (Connection connection = mj.connect(null)) {
            connection.client().cancel(taskId).join();
            mj.console().err().println("task " + taskId + ": cancel accepted");
            return ExitCodes.OK;
        }
    }
}
