package io.github.mjsdk.examples;

import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What a command runs with: where results go (stdout), where progress and messages go (stderr), the environment it
 * reads {@code MIDJOURNEY_*} from, and how it configures the built-in simulator. {@link Mj#main} uses the real
 * ones; tests pass their own.
 *
 * @param out       results: task ids, task summaries, JSON, the QuickStart's report
 * @param err       progress bars, messages and errors
 * @param env       the environment variables
 * @param simulator a new simulator builder for {@code --simulator} (and the QuickStart without a key); the
 *                  connection sets its provider and starts it on loopback
 * @param clients   applied to every client builder before it builds: nothing in {@link Mj#main}; tests wire the
 *                  testkit's virtual time in with it
 * @param terminal  whether stderr is a terminal: progress bars are redrawn in place with {@code \r} only then;
 *                  otherwise (a pipe, a file, a CI log) progress is printed as plain status lines
 * @param in        standard input, for {@code mj batch -}
 * @param stop      how a command that runs until stopped ({@code mj simulator}) learns it should stop: Ctrl-C or
 *                  SIGTERM in {@link Mj#main}
 */
record Console(PrintStream out, PrintStream err, Map<String, String> env,
               Supplier<FakeMidjourneyServer.Builder> simulator, UnaryOperator<MidjourneyClientBuilder> clients,
               boolean terminal, InputStream in, StopSignal stop) {

    /**
     * A console whose standard input is empty and whose commands stop on Ctrl-C or SIGTERM.
     *
     * @param out       see {@link #out()}
     * @param err       see {@link #err()}
     * @param env       see {@link #env()}
     * @param simulator see {@link #simulator()}
     * @param clients   see {@link #clients()}
     * @param terminal  see {@link #terminal()}
     */
    Console(PrintStream out, PrintStream err, Map<String, String> env, Supplier<FakeMidjourneyServer.Builder> simulator,
            UnaryOperator<MidjourneyClientBuilder> clients, boolean terminal) {
        this(out, err, env, simulator, clients, terminal, InputStream.nullInputStream());
    }

    /**
     * A console whose commands stop on Ctrl-C or SIGTERM ({@link StopSignal#shutdown()}).
     *
     * @param out       see {@link #out()}
     * @param err       see {@link #err()}
     * @param env       see {@link #env()}
     * @param simulator see {@link #simulator()}
     * @param clients   see {@link #clients()}
     * @param terminal  see {@link #terminal()}
     * @param in        see {@link #in()}
     */
    Console(PrintStream out, PrintStream err, Map<String, String> env, Supplier<FakeMidjourneyServer.Builder> simulator,
            UnaryOperator<MidjourneyClientBuilder> clients, boolean terminal, InputStream in) {
        this(out, err, env, simulator, clients, terminal, in, StopSignal.shutdown());
    }

    /**
     * The process's own streams and environment, and a simulator with its default timings; stderr counts as a
     * terminal when the JVM has a console (neither stdin nor stdout nor stderr redirected).
     *
     * @return the console of this process
     */
    static Console system() {
        return new Console(System.out, System.err, System.getenv(), FakeMidjourneyServer::builder,
                UnaryOperator.identity(), System.console() != null, System.in);
    }

    /**
     * An environment variable, treating blank as unset.
     *
     * @param name the variable name
     * @return the value, or {@code null} when unset or blank
     */
    String variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
