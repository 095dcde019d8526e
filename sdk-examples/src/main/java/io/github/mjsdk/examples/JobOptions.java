package io.github.mjsdk.examples;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.poll.TaskListener;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * What the commands that start a job ({@code imagine}, {@code reroll}, {@code video}) share: their options, and the run
 * itself — submit only with {@code --no-wait}, else wait with a progress bar and print (and save) the result.
 */
final class JobOptions {
    @Mixin
    private SpeedOption speed;

    @Option(names = "--no-wait", description = "submit only: print the new task id and exit")
    private boolean noWait;

    @Option(names = "--out", paramLabel = "DIR", description = "save the result under DIR/<taskId>/: a grid and its"
            + " four images, or a video's clips")
    private Path out;

    @Mixin
    private TimeoutOption timeout;

    Speed speed() {
        return speed.value();
    }

    /** Runs the job: {@code submit} with --no-wait, else {@code await} with a progress bar labelled {@code label}. */
    int run(Mj mj, CommandSpec spec, String label,
            Function<MidjourneyClient, CompletableFuture<SubmitResult>> submit,
            BiFunction<MidjourneyClient, TaskListener, CompletableFuture<Task>> await) {
        Mj.refuseWithNoWait(spec.commandLine(), noWait, out, timeout.value());
        if (!noWait) {
            return mj.awaitAndPrint(label, timeout.value(), out, await);
        }
        try (Connection connection = mj.connect(null)) {
            mj.console().out().println(submit.apply(connection.client()).join().taskId());
            return ExitCodes.OK;
        }
    }
}
