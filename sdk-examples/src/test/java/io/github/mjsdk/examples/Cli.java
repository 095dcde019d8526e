package io.github.mjsdk.examples;

import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Runs {@code mj} in this JVM with captured stdout and stderr, a given environment and a given simulator builder
 * (the command sets its provider and starts it). Its stderr is not a terminal, as in a pipe or a CI log.
 */
final class Cli {
    private final Map<String, String> env;
    private final Supplier<FakeMidjourneyServer.Builder> simulator;
    private final UnaryOperator<MidjourneyClientBuilder> clients;
    private final StopSignal stop;

    /** A command line on which {@code mj simulator} stops as soon as it has started. */
    Cli(Map<String, String> env, Supplier<FakeMidjourneyServer.Builder> simulator,
        UnaryOperator<MidjourneyClientBuilder> clients) {
        this(env, simulator, clients, (listening, cleanup) -> {
            listening.run();
            cleanup.run();
        });
    }

    /** A command line on which {@code mj simulator} runs until {@code stop} says so. */
    Cli(Map<String, String> env, Supplier<FakeMidjourneyServer.Builder> simulator,
        UnaryOperator<MidjourneyClientBuilder> clients, StopSignal stop) {
        this.env = env;
        this.simulator = simulator;
        this.clients = clients;
        this.stop = stop;
    }

    /** Runs one command line. */
    Result run(String... args) {
        return run(new ByteArrayOutputStream(), new ByteArrayOutputStream(), args);
    }

    /**
     * Runs one command line against a running simulator: its provider, base URL, key and auth scheme are added as
     * options.
     *
     * @param server the simulator
     * @param args   the command line
     * @return the exit code and everything printed
     */
    Result against(FakeMidjourneyServer server, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        String provider = Stream.of("cometapi", "midjourney-proxy", "trueai", "apimart", "journeyapi")
                .filter(name -> Providers.named(name).name().equals(server.provider().name())).findFirst()
                .orElseThrow();
        all.addAll(List.of("--provider", provider, "--base-url",
                server.baseUrl(), "--api-key", server.apiKey(), "--auth-scheme",
                server.authScheme().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        return run(all.toArray(String[]::new));
    }

    /**
     * Runs one command line, printing into the given buffers, which another thread may read while it runs.
     *
     * @param out  receives stdout
     * @param err  receives stderr
     * @param args the command line
     * @return the exit code and everything printed
     */
    Result run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Mj.run(new Console(outStream, errStream, env, simulator, clients, false,
                    InputStream.nullInputStream(), stop), args);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * What a run printed and returned.
     *
     * @param exitCode the exit code
     * @param out      everything printed on stdout
     * @param err      everything printed on stderr
     */
    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }

        /** The value of a {@code name value} summary line on stdout. */
        String value(String name) {
            return out.lines().filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length()).trim())
                    .findFirst().orElseThrow(() -> new AssertionError("no '" + name + "' line in:\n" + out));
        }

        /** All values of {@code name value} lines on stdout. */
        List<String> values(String name) {
            return out.lines().filter(l -> l.startsWith(name + " ")).map(l -> l.substring(name.length()).trim())
                    .toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
