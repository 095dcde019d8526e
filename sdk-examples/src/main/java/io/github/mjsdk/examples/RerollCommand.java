package io.github.mjsdk.examples;

import io.github.mjsdk.Speed;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--speed", paramLabel = "TIER", description = "relax, fast or turbo (default: the server's)")
    private Speed speed;

    @Option(names = "--no-wait", description = "submit only: print the new task id and exit")
    private boolean noWait;

    @Option(names = "--out", paramLabel = "DIR", description = "save the grid and its four images under DIR/<taskId>/")
    private Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "give up waiting after this long, e.g. 90s, 10m (default 10m; relax 30m)")
    private Duration timeout;

    @Override
    public Integer call() {
        Mj.refuseWithNoWait(spec.commandLine(), noWait, out, timeout);
        RerollRequest request = RerollRequest.of(taskId).withSpeed(speed);
        try (Connection connection = mj.connect(timeout)) {
            if (noWait) {
                SubmitResult submitted = connection.client().submitReroll(request).join();
                mj.console().out().println(submitted.taskId());
                return ExitCodes.OK;
            }
            Task task;
            try (Progress progress = Progress.start("reroll", mj.console().err())) {
                task = connection.client().reroll(request, progress).join();
            }
            mj.printResult(connection, task, out);
            return ExitCodes.OK;
        }
    }
}
