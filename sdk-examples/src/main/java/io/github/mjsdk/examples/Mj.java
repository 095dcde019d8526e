package io.github.mjsdk.examples;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.poll.TaskListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code mj}, Midjourney from the command line: {@code imagine}, {@code reroll}, {@code upscale}, {@code vary},
 * {@code action}, {@code fetch}, {@code wait}, {@code quickstart}, {@code simulator} and more (see
 * {@code mj --help}). Results go to stdout, progress bars and messages to stderr; the exit code says what happened
 * (0 ok, 2 usage, 3 task failed, 4 API error, 5 timeout; see {@code mj --help}).
 *
 * <pre>
 * java -jar sdk-examples/target/mj.jar --simulator imagine "a red fox in fresh snow" --speed turbo --out mj-out
 * </pre>
 */
@Command(name = "mj", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, sortOptions = false,
        version = "mj (mjsdk) 0.1.0-SNAPSHOT",
        description = {"Midjourney from the command line, through mjsdk.",
            "Results go to stdout; progress bars and messages go to stderr."},
        footerHeading = "%nEnvironment (read when the option is not given):%n",
        footer = {"  MIDJOURNEY_API_KEY      the API key",
            "  MIDJOURNEY_PROVIDER     cometapi (default), midjourney-proxy, trueai, apimart or journeyapi",
            "  MIDJOURNEY_BASE_URL     the API base (default: the provider's,",
            "                          e.g. https://api.cometapi.com)",
            "  MIDJOURNEY_AUTH_SCHEME  bearer, mj-api-secret or raw (default: the provider's)",
            "",
            "Examples:",
            "  mj --simulator imagine \"a red fox in fresh snow\" --speed turbo --out mj-out",
            "  mj --simulator --provider apimart imagine \"a red fox\" --speed fast"})
public final class Mj implements Callable<Integer> {
    /** Keeps the simulator's request log quiet; a strong reference, since JUL holds loggers weakly. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("mockwebserver3.MockWebServer");

    @Spec
    private CommandSpec spec;

    @Option(names = "--provider", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = {"cometapi, midjourney-proxy (open-source), trueai, apimart or journeyapi: the API's dialect,"
                + " with its own base URL and auth scheme; with --simulator, the dialect the simulator speaks",
                "(default: $MIDJOURNEY_PROVIDER, else cometapi)"})
    private String provider;

    @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "the API base (default: $MIDJOURNEY_BASE_URL, else the provider's, e.g."
                + " https://api.cometapi.com; midjourney-proxy has none)")
    private String baseUrl;

    @Option(names = "--allow-insecure-http", scope = ScopeType.INHERIT,
            description = "allow an http:// base URL on a host that is not loopback, e.g. a proxy at"
                + " http://service:8080: the key then travels in clear text (default: $MIDJOURNEY_ALLOW_INSECURE_HTTP)")
    private boolean allowInsecureHttp;

    @Option(names = "--api-key", paramLabel = "KEY", scope = ScopeType.INHERIT,
            description = "the API key (default: $MIDJOURNEY_API_KEY, which keeps it out of the process list)")
    private String apiKey;

    @Option(names = "--auth-scheme", paramLabel = "SCHEME", scope = ScopeType.INHERIT,
            description = "bearer, mj-api-secret or raw (default: $MIDJOURNEY_AUTH_SCHEME, else the provider's)")
    private String authScheme;

    @Option(names = "--simulator", scope = ScopeType.INHERIT,
            description = "run against the built-in simulator on 127.0.0.1 (in the --provider's dialect): no key,"
                + " no cost, generated images")
    private boolean simulator;

    private final Console console;

    Mj(Console console) {
        this.console = console;
    }

    /**
     * Runs {@code mj} and exits with its exit code.
     *
     * @param args the command line, e.g. {@code imagine "a red fox" --speed turbo}
     */
    public static void main(String[] args) {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        System.exit(run(Console.system(), args));
    }

    /**
     * Runs {@code mj} in this JVM.
     *
     * @param console the streams, environment and simulator to use
     * @param args    the command line
     * @return the exit code
     */
    static int run(Console console, String... args) {
        return commandLine(console).execute(args);
    }

    /**
     * The command line with its subcommands, streams, exit-code table and exception mapping.
     *
     * @param console the streams, environment and simulator to use
     * @return the command line, ready to {@code execute}
     */
    static CommandLine commandLine(Console console) {
        CommandLine commandLine = new CommandLine(new Mj(console))
                .addSubcommand(new ImagineCommand())
                .addSubcommand(new RerollCommand())
                .addSubcommand(new UpscaleCommand())
                .addSubcommand(new VaryCommand())
                .addSubcommand(new DescribeCommand())
                .addSubcommand(new BlendCommand())
                .addSubcommand(new PanCommand())
                .addSubcommand(new ZoomCommand())
                .addSubcommand(new VideoCommand())
                .addSubcommand(new ActionCommand())
                .addSubcommand(new FetchCommand())
                .addSubcommand(new WaitCommand())
                .addSubcommand(new SeedCommand())
                .addSubcommand(new CancelCommand())
                .addSubcommand(new BalanceCommand())
                .addSubcommand(new BatchCommand())
                .addSubcommand(new QuickstartCommand())
                .addSubcommand(new SimulatorCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(console.out(), true))
                .setErr(new PrintWriter(console.err(), true))
                .setExecutionExceptionHandler((failure, command, parsed) -> {
                    Throwable cause = ExitCodes.unwrap(failure);
                    int code = ExitCodes.of(cause);
                    command.getErr().println("mj: " + describe(cause));
                    if (code == ExitCodes.USAGE) {
                        command.getErr().println("Try 'mj " + command.getCommandName() + " --help'.");
                    }
                    return code;
                });
        addExitCodes(commandLine);
        Examples.addTo(commandLine);
        return commandLine;
    }

    private static void addExitCodes(CommandLine commandLine) {
        commandLine.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.help());
        commandLine.getSubcommands().values().forEach(Mj::addExitCodes);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        if (cause instanceof RuntimeException && message != null) {
            return message;
        }
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** {@code mj} without a command: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing a command: imagine, reroll, upscale, vary, action,"
                + " fetch, wait, batch, quickstart, simulator … (see mj --help)");
    }

    Console console() {
        return console;
    }

    ConnectionOptions connectionOptions() {
        return new ConnectionOptions(apiKey, baseUrl, authScheme, provider, simulator, allowInsecureHttp);
    }

    /** Connects as the options say; a missing key is a usage error. */
    Connection connect(Duration timeout) {
        return connect(timeout, UnaryOperator.identity());
    }

    /** Connects as the options say, with the command's own client settings; a missing key is a usage error. */
    Connection connect(Duration timeout, UnaryOperator<MidjourneyClientBuilder> settings) {
        return Connection.open(connectionOptions(), console, false, timeout, settings);
    }

    /**
     * Connects, runs a waiting call with a progress display on stderr, then prints (and with {@code out} saves) the
     * task it ends with.
     *
     * @param label   what the progress display calls the wait, e.g. {@code "upscale"}
     * @param timeout the wait's deadline, or {@code null} for the default
     * @param out     where to save the task's images, or {@code null}
     * @param call    the waiting call, given the client and the listener to report progress to
     * @return {@link ExitCodes#OK}; failures are thrown, for the exit-code mapping
     */
    int awaitAndPrint(String label, Duration timeout, Path out,
                      BiFunction<MidjourneyClient, TaskListener, CompletableFuture<Task>> call) {
        try (Connection connection = connect(timeout)) {
            Task task;
            try (Progress progress = Progress.start(label, console)) {
                task = call.apply(connection.client(), progress).join();
            }
            printResult(connection, task, out);
            return ExitCodes.OK;
        }
    }

    /**
     * Connects, runs a waiting call that reports no progress, then prints (and with {@code out} saves) the task it
     * ends with.
     *
     * @param timeout the wait's deadline, or {@code null} for the default
     * @param out     where to save the task's images, or {@code null}
     * @param call    the waiting call, given the client
     * @return {@link ExitCodes#OK}; failures are thrown, for the exit-code mapping
     */
    int awaitAndPrint(Duration timeout, Path out, Function<MidjourneyClient, CompletableFuture<Task>> call) {
        try (Connection connection = connect(timeout)) {
            printResult(connection, call.apply(connection.client()).join(), out);
            return ExitCodes.OK;
        }
    }

    /** Prints a finished task on stdout and, with {@code --out}, saves its images and prints their paths. */
    void printResult(Connection connection, Task task, Path out) {
        TaskOutput.summary(console.out(), task);
        if (out != null) {
            for (Path file : Saver.save(connection.client(), task, out)) {
                TaskOutput.line(console.out(), "file", file);
            }
        }
    }

    /**
     * Refuses {@code --out} and {@code --timeout} with {@code --no-wait}: they are about waiting.
     *
     * @param command the subcommand, for the usage message
     * @throws ParameterException when they are combined
     */
    static void refuseWithNoWait(CommandLine command, boolean noWait, Path out, Duration timeout) {
        if (noWait && (out != null || timeout != null)) {
            throw new ParameterException(command, "--no-wait does not wait: it cannot take --out or --timeout");
        }
    }
}
