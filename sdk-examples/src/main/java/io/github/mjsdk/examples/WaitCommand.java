package io.github.mjsdk.examples;

import io.github.mjsdk.model.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mj wait <taskId> [--timeout 10m] [--out DIR]}. */
@Command(name = "wait", sortOptions = false,
        description = "Wait for a submitted task (e.g. from --no-wait) to finish, then print it.")
final class WaitCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task id")
    private String taskId;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "give up after this long, e.g. 90s, 10m (default 10m)")
    private Duration timeout;

    @Option(names = "--out", paramLabel = "DIR", description = "save the task's images under DIR/<taskId>/")
    private Path out;

    @Override
    public Integer call() {
        try (Connection connection = mj.connect(timeout)) {
            mj.console().err().println("waiting for task " + taskId + " …");
            Task task;
            try (Progress progress = Progress.start("wait " + taskId, mj.console())) {
                task = connection.client().poller().await(taskId, connection.waitOptions(), progress).join();
            }
            mj.printResult(connection, task, out);
            return ExitCodes.OK;
        }
    }
}
