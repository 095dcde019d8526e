package io.github.mjsdk.examples;

import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mj action <taskId> <customId> [--prompt TEXT] [--speed turbo] [--out DIR] [--timeout 10m]}. */
@Command(name = "action", sortOptions = false,
        description = {"Click any button of a finished task by its customId and wait for the new task, then print"
            + " it.",
            "The customIds are in 'mj fetch TASK_ID --json' (buttons[].customId)."})
final class ActionCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "TASK_ID", description = "the task that has the button; it must be SUCCESS")
    private String taskId;

    @Parameters(index = "1", paramLabel = "CUSTOM_ID", description = "the button's customId, e.g."
            + " MJ::JOB::variation::2::<hash>")
    private String customId;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "the prompt for a button that asks for one"
            + " (Remix, Custom Zoom); default: the parent's prompt where the button allows it")
    private String prompt;

    @Option(names = "--speed", paramLabel = "TIER", description = "relax, fast or turbo (default: the server's)")
    private Speed speed;

    @Option(names = "--out", paramLabel = "DIR", description = "save the new task's images under DIR/<taskId>/")
    private Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "give up waiting after this long, e.g. 90s, 10m (default 10m; relax 30m)")
    private Duration timeout;

    @Override
    public Integer call() {
        ActionRequest request = new ActionRequest(taskId, customId, speed, null, null, null, null, prompt, null);
        try (Connection connection = mj.connect(timeout)) {
            Task task;
            try (Progress progress = Progress.start("action", mj.console())) {
                task = connection.client().action(request, progress).join();
            }
            mj.printResult(connection, task, out);
            return ExitCodes.OK;
        }
    }
}
