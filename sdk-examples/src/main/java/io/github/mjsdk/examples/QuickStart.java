package io.github.mjsdk.examples;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.image.SavedGrid;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.poll.TaskListener;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The main job: imagine a prompt at TURBO, save the grid and its four images, reroll it at TURBO, save those too,
 * and print a summary table (a provider without speed tiers, JourneyAPI, runs both at its one speed). Without
 * {@code MIDJOURNEY_API_KEY} it runs against the built-in simulator on loopback and says so in its first line; with
 * one it calls the real API ({@code MIDJOURNEY_PROVIDER}, {@code MIDJOURNEY_BASE_URL},
 * {@code MIDJOURNEY_AUTH_SCHEME}, as {@code MidjourneyClient.fromEnv()} reads them).
 *
 * <pre>
 * java -cp sdk-examples/target/mj.jar io.github.mjsdk.examples.QuickStart ["prompt"] [--out DIR]
 * java -jar sdk-examples/target/mj.jar quickstart ["prompt"] [--out DIR]     (the same)
 * </pre>
 *
 * <p>Files: {@code mj-out/<taskId>/grid.png} and {@code mj-out/<taskId>/1.png} … {@code 4.png} for each of the
 * two grids. Progress bars go to stderr; the first line and the table go to stdout. Exit code 0 on success (see
 * {@code mj --help} for the others). Everything it starts is closed before it returns, so the JVM exits at once.
 */
public final class QuickStart {
    /** The prompt used when none is given. */
    static final String DEFAULT_PROMPT = "a red fox in fresh snow, golden hour --ar 3:2";

    private final Connection connection;
    private final Console console;

    QuickStart(Connection connection, Console console) {
        this.connection = connection;
        this.console = console;
    }

    /**
     * Runs the main job and exits with its exit code.
     *
     * @param args an optional prompt, and {@code --out DIR} (default {@code mj-out}); {@code --help} for more
     */
    public static void main(String[] args) {
        String[] command = new String[args.length + 1];
        command[0] = "quickstart";
        System.arraycopy(args, 0, command, 1, args.length);
        Mj.main(command);
    }

    /**
     * Imagines, saves, rerolls, saves and prints the summary.
     *
     * @param prompt the prompt
     * @param root   the folder the task folders go in
     * @return the exit code, 0
     */
    int run(String prompt, Path root) {
        PrintStream out = console.out();
        out.println(connection.description());
        MidjourneyClient client = connection.client();
        Speed tier = connection.provider().capabilities().speedTiers() ? Speed.TURBO : null;
        List<Step> steps = new ArrayList<>();
        Step imagined = step("imagine", root,
                listener -> client.imagine(ImagineRequest.of(prompt).withSpeed(tier), listener));
        steps.add(imagined);
        steps.add(step("reroll", root,
                listener -> client.reroll(RerollRequest.of(imagined.task().id()).withSpeed(tier), listener)));
        printTable(out, steps, tier == null ? "-" : tier.id());
        int files = steps.stream().mapToInt(s -> s.saved().files().size()).sum();
        out.println(files + " image files under " + root + File.separator);
        return ExitCodes.OK;
    }

    private Step step(String name, Path root, Function<TaskListener, CompletableFuture<Task>> call) {
        long started = System.nanoTime();
        Task task;
        try (Progress progress = Progress.start(name, console)) {
            task = call.apply(progress).join();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        SavedGrid saved = connection.client().images().saveGrid(task, root).join();
        return new Step(name, task, took, saved);
    }

    private static void printTable(PrintStream out, List<Step> steps, String tier) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"step", "task id", "tier", "seconds", "files"});
        for (Step step : steps) {
            String names = step.saved().files().stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(" "));
            rows.add(new String[]{step.name(), step.task().id(), tier,
                String.format(Locale.ROOT, "%.1f", step.elapsed().toMillis() / 1000.0),
                step.saved().directory() + File.separator + " " + names});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                line.append(last ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line);
        }
    }

    /**
     * One step of the job.
     *
     * @param name    {@code imagine} or {@code reroll}
     * @param task    the SUCCESS task
     * @param elapsed submit to SUCCESS
     * @param saved   the grid and its four images on disk
     */
    private record Step(String name, Task task, Duration elapsed, SavedGrid saved) {
    }
}
