package io.github.mjsdk.examples;

import io.github.mjsdk.model.Task;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mj fetch <taskId> [--json]}. */
@Command(name = "fetch", sortOptions = false,
        description = "Fetch a task once and print it, as a summary or as JSON.")
final class FetchCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task id")
    private String taskId;

    @Option(names = "--json", description = "print the whole task as JSON")
    private boolean json;

    @Override
    public Integer call() {
        try (Connection connection = mj.connect(null)) {
            Task task = connection.client().fetchTask(taskId);
            if (json) {
                TaskOutput.json(mj.console().out(), task);
            } else {
                TaskOutput.summary(mj.console().out(), task);
            }
            return ExitCodes.OK;
        }
    }
}
