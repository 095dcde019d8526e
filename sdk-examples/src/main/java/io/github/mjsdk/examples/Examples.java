package io.github.mjsdk.examples;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Each subcommand's own examples, shown at the end of its help in place of the examples of {@code mj --help} (which
 * picocli would otherwise copy into every subcommand).
 */
final class Examples {
    private static final String ENVIRONMENT = "The MIDJOURNEY_* environment variables: see 'mj --help'.";

    private static final Map<String, List<String>> BY_COMMAND = Map.ofEntries(
            Map.entry("imagine", List.of(
                    "mj --simulator imagine \"a red fox in fresh snow --ar 3:2\" --speed turbo --out mj-out",
                    "mj imagine \"a red fox\" --no-wait")),
            Map.entry("reroll", List.of(
                    "mj reroll TASK_ID --speed fast")),
            Map.entry("upscale", List.of(
                    "mj upscale TASK_ID 1 --out mj-out",
                    "mj upscale TASK_ID 4 --speed turbo --timeout 90s",
                    "mj upscale UPSCALE_TASK_ID --mode creative --out mj-out")),
            Map.entry("vary", List.of(
                    "mj vary TASK_ID 2",
                    "mj vary TASK_ID 3 --speed turbo --out mj-out",
                    "mj vary UPSCALE_TASK_ID --mode strong",
                    "mj vary UPSCALE_TASK_ID --mask mask.png --prompt \"a red roof\"")),
            Map.entry("describe", List.of(
                    "mj describe cat.png",
                    "mj describe https://example.com/cat.png --speed fast")),
            Map.entry("blend", List.of(
                    "mj blend a.png b.png --dimensions landscape --out mj-out")),
            Map.entry("pan", List.of(
                    "mj pan UPSCALE_TASK_ID left")),
            Map.entry("zoom", List.of(
                    "mj zoom UPSCALE_TASK_ID --ratio 1.5",
                    "mj zoom UPSCALE_TASK_ID --ratio 1.25 --out mj-out")),
            Map.entry("video", List.of(
                    "mj --simulator video cat.png --prompt \"the cat yawns\" --motion high --out mj-out",
                    "mj video https://example.com/cat.png --prompt \"it rains\" --batch-size 2",
                    "mj video --extend VIDEO_TASK_ID --index 2 --prompt \"the sun sets\"")),
            Map.entry("action", List.of(
                    "mj fetch TASK_ID --json     (the buttons' customIds)",
                    "mj action TASK_ID MJ::JOB::variation::2::HASH --speed turbo")),
            Map.entry("fetch", List.of(
                    "mj fetch TASK_ID",
                    "mj fetch TASK_ID --json")),
            Map.entry("wait", List.of(
                    "mj wait TASK_ID --timeout 10m --out mj-out")),
            Map.entry("seed", List.of(
                    "mj seed TASK_ID")),
            Map.entry("cancel", List.of(
                    "mj cancel TASK_ID",
                    "mj wait TASK_ID     (then exits with 3: the task ended in FAILURE)")),
            Map.entry("balance", List.of(
                    "mj balance     (not on a self-hosted midjourney-proxy)",
                    "mj --simulator --provider journeyapi balance")),
            Map.entry("batch", List.of(
                    "mj batch prompts.txt --speed fast --out mj-out",
                    "mj --simulator batch prompts.txt --max-in-flight 3",
                    "grep -v '^#' prompts.txt | mj batch - --speed turbo")),
            Map.entry("quickstart", List.of(
                    "mj quickstart",
                    "mj --simulator quickstart \"a lighthouse at dusk\" --out mj-out")),
            Map.entry("simulator", List.of(
                    "mj simulator --port 8080     (then, in another shell, its export lines)",
                    "mj --provider apimart simulator --port 8080 --job-duration 1s")));

    private Examples() {
    }

    /**
     * Sets each subcommand's footer to its own examples.
     *
     * @param mj the {@code mj} command line with its subcommands added
     * @throws IllegalStateException if a subcommand has no examples
     */
    static void addTo(CommandLine mj) {
        mj.getSubcommands().forEach((name, command) -> {
            List<String> examples = BY_COMMAND.get(name);
            if (examples == null) {
                throw new IllegalStateException("no examples for mj " + name);
            }
            String[] footer = new String[examples.size() + 2];
            for (int i = 0; i < examples.size(); i++) {
                footer[i] = "  " + examples.get(i);
            }
            footer[examples.size()] = "";
            footer[examples.size() + 1] = ENVIRONMENT;
            command.getCommandSpec().usageMessage().footerHeading("%nExamples:%n").footer(footer);
        });
    }
}
