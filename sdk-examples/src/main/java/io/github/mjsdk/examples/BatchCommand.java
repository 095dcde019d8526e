package io.github.mjsdk.examples;

import io.github.mjsdk.admission.AdmissionOptions;
import io.github.mjsdk.admission.AdmissionStats;
import io.github.mjsdk.admission.Batch;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mj batch FILE|- [--speed turbo] [--out DIR] [--max-in-flight N] [--timeout 10m]}: imagines every prompt of
 * a file or of stdin through the client's admission queue, saves each grid as it finishes, and ends with a summary.
 */
@Command(name = "batch", sortOptions = false,
        description = {"Imagine every prompt of FILE (one a line; blank lines and # comments skipped), or of stdin"
            + " with -, as one batch: the client holds the submits while the account is full and sends again a"
            + " submit the server refused without creating a job (code 23, HTTP 429).",
            "Prints a line per finished prompt, one progress bar for the batch on stderr, and a summary; exits 0 when"
            + " every prompt succeeded, else with the code of the first failure."})
final class BatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Mj mj;

    @Parameters(index = "0", paramLabel = "FILE", description = "the prompts, one a line; - for stdin")
    private String source;

    @Option(names = "--speed", paramLabel = "TIER", description = "relax, fast or turbo (default: the server's)")
    private Speed speed;

    @Option(names = "--out", paramLabel = "DIR", description = "save each grid and its four images under"
            + " DIR/<taskId>/ as soon as it is finished")
    private Path out;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "0",
            description = "the most jobs running on the account at once, 1-1000; 0 (the default) learns it from"
                + " the server's refusals")
    private int maxInFlight;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "give up waiting for one job after this long once it is sent, e.g. 90s, 10m (default"
                + " 10m; relax 30m)")
    private Duration timeout;

    @Override
    public Integer call() {
        List<String> prompts = prompts();
        if (prompts.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no prompts in " + source + ": one prompt a line;"
                    + " blank lines and # comments are skipped");
        }
        AdmissionOptions admission;
        try {
            AdmissionOptions defaults = AdmissionOptions.defaults();
            admission = defaults.withMaxInFlight(maxInFlight)
                    .withQueueCapacity(Math.max(defaults.queueCapacity(), prompts.size()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--max-in-flight: " + e.getMessage());
        }
        try (Connection connection = mj.connect(timeout, builder -> builder.admission(admission))) {
            List<ImagineRequest> requests = prompts.stream()
                    .map(prompt -> ImagineRequest.of(prompt).withSpeed(speed)).toList();
            List<Throwable> failures = new ArrayList<>();
            try (Progress progress = Progress.batch("batch", prompts.size(), mj.console())) {
                Batch batch = connection.client().batch(requests).onProgress(progress::onBatch);
                List<CompletableFuture<Throwable>> reported = new ArrayList<>();
                for (int i = 0; i < prompts.size(); i++) {
                    int number = i + 1;
                    reported.add(batch.futures().get(i).handle((task, error) ->
                            report(connection, number, task, error)));
                }
                for (CompletableFuture<Throwable> outcome : reported) {
                    failures.add(outcome.join());
                }
                batch.whenDone().join();
            }
            return summary(prompts.size(), failures, connection.client().admission());
        }
    }

    /** The prompts of the file or stdin: trimmed, without blank lines and {@code #} comments. */
    private List<String> prompts() {
        try (BufferedReader reader = "-".equals(source)
                ? new BufferedReader(new InputStreamReader(mj.console().in(), StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8)) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such file: " + source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot read " + source, e.getCause());
        }
    }

    /**
     * Reports one finished prompt: its task (and saved files) on stdout, or its failure on stderr.
     *
     * @return the failure, or null when it succeeded and was saved
     */
    private Throwable report(Connection connection, int number, Task task, Throwable error) {
        Throwable failure = error == null ? null : ExitCodes.unwrap(error);
        List<Path> files = List.of();
        if (failure == null && out != null) {
            try {
                files = Saver.save(connection.client(), task, out);
            } catch (RuntimeException e) {
                failure = ExitCodes.unwrap(e);
            }
        }
        synchronized (this) {
            if (failure != null) {
                mj.console().err().println("mj: prompt " + number + " failed: " + failure.getMessage());
                return failure;
            }
            PrintStream stdout = mj.console().out();
            TaskOutput.line(stdout, "done", number + " " + task.id() + " " + task.prompt());
            files.forEach(file -> TaskOutput.line(stdout, "file", file));
        }
        return null;
    }

    /** The summary on stdout; the exit code is the first failure's, else 0. */
    private int summary(int total, List<Throwable> failures, AdmissionStats stats) {
        long failed = failures.stream().filter(failure -> failure != null).count();
        PrintStream stdout = mj.console().out();
        TaskOutput.line(stdout, "prompts", total);
        TaskOutput.line(stdout, "succeeded", total - failed);
        TaskOutput.line(stdout, "failed", failed);
        TaskOutput.line(stdout, "requeued", stats.refused());
        return failures.stream().filter(failure -> failure != null).findFirst().map(ExitCodes::of)
                .orElse(ExitCodes.OK);
    }
}
