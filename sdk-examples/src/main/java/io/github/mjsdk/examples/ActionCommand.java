package io.github.mjsdk.examples;

import io.github.mjsdk.model.ActionRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private SpeedOption speed;

    @Option(names = "--out", paramLabel = "DIR", description = "save the new task's images under DIR/<taskId>/")
    private Path out;

    @Mixin
    private TimeoutOption timeout;

    @Override
    public Integer call() {
        ActionRequest request = new ActionRequest(taskId, customId, speed.value(), null, null, null, null, prompt,
                null);
        return mj.awaitAndPrint("action", timeout.value(), out,
                (client, progress) -> client.action(request, progress));
    }
}
