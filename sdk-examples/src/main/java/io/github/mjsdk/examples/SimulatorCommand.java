package io.github.mjsdk.examples;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mj simulator [--port N] [--job-duration 1s]}: one {@link FakeMidjourneyServer} on 127.0.0.1, on real
 * time, until Ctrl-C or SIGTERM, so that the commands of other shells share its tasks ({@code imagine --no-wait},
 * then {@code wait}, {@code reroll}, {@code upscale} …). What it is and how to stop it go to stderr, then the
 * {@code export} lines that point those shells at it go to stdout.
 */
@Command(name = "simulator", sortOptions = false,
        description = {"Run the built-in simulator on 127.0.0.1, in the --provider's dialect, until Ctrl-C (or"
            + " SIGTERM), so that mj in other shells can use it without a key: imagine --no-wait, then wait,"
            + " reroll, upscale ….",
            "Prints the environment to set in those shells (provider, base URL, a key it accepts)."})
final class SimulatorCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Mj mj;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "the port on 127.0.0.1 (default 0: any free port)")
    private int port;

    @Option(names = "--job-duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "how long every simulated job runs, at any tier, e.g. 500ms, 1s (default: turbo 2s,"
                + " fast 4s, relax 8s)")
    private Duration jobDuration;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, got " + port);
        }
        ConnectionOptions options = mj.connectionOptions();
        if (options.baseUrl() != null || options.apiKey() != null || options.authScheme() != null) {
            throw new ParameterException(spec.commandLine(), "the simulator has its own address and key: it takes"
                    + " no --base-url, --api-key or --auth-scheme");
        }
        Provider provider = Connection.provider(options, mj.console());
        String name = Connection.providerName(options, mj.console()).toLowerCase(Locale.ROOT);
        FakeMidjourneyServer server = start(provider);
        try {
            mj.console().stop().await(() -> printEnvironment(server, provider, name), () -> {
                server.close();
                mj.console().err().println("simulator stopped");
            });
            return ExitCodes.OK;
        } finally {
            server.close();
        }
    }

    private FakeMidjourneyServer start(Provider provider) {
        FakeMidjourneyServer.Builder builder = mj.console().simulator().get().provider(provider).port(port);
        if (jobDuration != null) {
            for (Speed speed : Speed.values()) {
                builder.duration(speed, jobDuration);
            }
        }
        try {
            return builder.start();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                throw new PortUnavailableException(port, e.getCause());
            }
            throw e;
        }
    }

    private void printEnvironment(FakeMidjourneyServer server, Provider provider, String name) {
        PrintStream err = mj.console().err();
        err.println("simulator: " + provider.name() + " at " + server.baseUrl() + ", jobs take "
                + text(server.duration(Speed.TURBO)) + " (turbo), " + text(server.duration(Speed.FAST)) + " (fast), "
                + text(server.duration(Speed.RELAX)) + " (relax); Ctrl-C stops it");
        err.println("In another shell, run these export lines, then e.g.: id=$(mj imagine \"a red fox\" --no-wait);"
                + " mj wait \"$id\"; mj upscale \"$id\" 2");
        err.flush();
        PrintStream out = mj.console().out();
        out.println("export MIDJOURNEY_PROVIDER=" + name);
        out.println("export MIDJOURNEY_BASE_URL=" + server.baseUrl());
        if (server.apiKey() != null) {
            out.println("export MIDJOURNEY_API_KEY=" + server.apiKey());
        }
        out.println("export MIDJOURNEY_AUTH_SCHEME="
                + server.authScheme().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        out.flush();
    }

    private static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /** The port could not be bound: taken by another process, or reserved. */
    static final class PortUnavailableException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortUnavailableException(int port, Throwable cause) {
            super("cannot listen on 127.0.0.1:" + port + " (" + cause.getMessage() + "): choose another --port,"
                    + " or --port 0 for any free one", cause);
        }
    }
}
