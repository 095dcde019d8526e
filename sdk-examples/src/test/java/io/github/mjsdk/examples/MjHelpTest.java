package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.testkit.FakeMidjourneyServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Each subcommand's help shows its own examples; no help text breaks a URL across lines; the commands that wait share
 * their options' help.
 */
class MjHelpTest {
    private static final Pattern URL = Pattern.compile("https?:[^\\s)',;]*");

    private static CommandLine mj() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Mj.commandLine(new Console(sink, sink, Map.of(), FakeMidjourneyServer::builder,
                UnaryOperator.identity(), false));
    }

    private static List<String> commandNames() {
        List<String> names = new ArrayList<>();
        names.add(null);
        names.addAll(mj().getSubcommands().keySet());
        return names;
    }

    private static String help(CommandLine mj, String name) {
        return (name == null ? mj : mj.getSubcommands().get(name)).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static Set<String> urls(String text) {
        Set<String> urls = new TreeSet<>();
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            urls.add(matcher.group().replaceAll("[.:]+$", ""));
        }
        return urls;
    }

    @Test
    void eachSubcommandShowsItsOwnExamples() {
        CommandLine mj = mj();
        for (String name : mj.getSubcommands().keySet()) {
            Cli.Result result = new Cli(Map.of(), FakeMidjourneyServer::builder, UnaryOperator.identity())
                    .run(name, "--help");

            assertThat(result.exitCode()).as(name).isZero();
            assertThat(result.out()).as(name).contains("Examples:").contains("\n  mj " + name)
                    .doesNotContain("--provider apimart imagine").contains("Exit codes:");
        }
        assertThat(help(mj, null)).contains("--provider apimart imagine");
    }

    @Test
    void theCommandsThatWaitShareSpeedOutAndTimeoutWithOneHelpText() {
        CommandLine mj = mj();
        for (String name : List.of("imagine", "reroll", "upscale", "vary", "action", "pan", "zoom", "blend",
                "describe", "video")) {
            CommandLine.Model.CommandSpec spec = mj.getSubcommands().get(name).getCommandSpec();
            for (String option : List.of("--speed", "--timeout")) {
                assertThat(spec.findOption(option)).as(name + " " + option).isNotNull();
                assertThat(spec.findOption(option).description())
                        .isEqualTo(mj.getSubcommands().get("imagine").getCommandSpec().findOption(option)
                                .description());
            }
            assertThat(spec.findOption("--out") != null).as(name + " --out").isEqualTo(!name.equals("describe"));
        }
    }

    @Test
    void helpTextDoesNotWrapInsideAUrl() {
        for (String name : commandNames()) {
            CommandLine wide = mj().setUsageHelpWidth(400);
            Set<String> whole = urls(help(wide, name));
            String narrow = help(mj(), name);

            assertThat(urls(narrow)).as("mj " + (name == null ? "" : name) + " --help:\n" + narrow)
                    .isEqualTo(whole);
        }
        assertThat(urls(help(mj(), null))).contains("https://api.cometapi.com", "http://service:8080");
    }
}
