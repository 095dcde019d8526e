package io.github.mjsdk.examples;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mj quickstart ["<prompt>"] [--out DIR]}: the main job, {@link QuickStart}. */
@Command(name = "quickstart", sortOptions = false,
        description = {"The main job: imagine PROMPT at turbo, save the grid and its four images under"
            + " DIR/<taskId>/, reroll it at turbo, save again, and print a summary table.",
            "Without an API key (--api-key or MIDJOURNEY_API_KEY) it runs against the built-in simulator."})
final class QuickstartCommand implements Callable<Integer> {
    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROMPT", defaultValue = QuickStart.DEFAULT_PROMPT,
            description = "the prompt (default: \"${DEFAULT-VALUE}\")")
    private String prompt;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "mj-out",
            description = "where the task folders go (default: ${DEFAULT-VALUE})")
    private Path out;

    @Override
    public Integer call() {
        try (Connection connection = Connection.open(mj.connectionOptions(), mj.console(), true, null)) {
            return new QuickStart(connection, mj.console()).run(prompt, out);
        }
    }
}
