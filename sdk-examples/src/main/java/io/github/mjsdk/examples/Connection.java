package io.github.mjsdk.examples;

import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A client, and the simulator it talks to when there is one. Closing it closes both, so that no thread the command
 * started outlives it.
 */
final class Connection implements AutoCloseable {
    /** How often waits poll the simulator, which answers on loopback in microseconds. */
    private static final PollOptions SIMULATOR_POLLS = new PollOptions(Duration.ofMinutes(10), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(500), 0.0);

    private final MidjourneyClient client;
    private final Provider provider;
    private final FakeMidjourneyServer simulator;
    private final String description;
    private final PollOptions waitOptions;

    private Connection(MidjourneyClient client, Provider provider, FakeMidjourneyServer simulator,
                       String description, PollOptions waitOptions) {
        this.client = client;
        this.provider = provider;
        this.simulator = simulator;
        this.description = description;
        this.waitOptions = waitOptions;
    }

    /**
     * Connects as the options and the environment say: the simulator when asked for (or when allowed and no key
     * is configured), speaking the dialect of {@code --provider} / {@code MIDJOURNEY_PROVIDER}; else that
     * provider's API at {@code --base-url} / {@code MIDJOURNEY_BASE_URL} with {@code --api-key} /
     * {@code MIDJOURNEY_API_KEY} and {@code --auth-scheme} / {@code MIDJOURNEY_AUTH_SCHEME}, the same variables
     * and defaults as {@link MidjourneyClient#fromEnv()}.
     *
     * @param options              the command line's connection options
     * @param console              the environment and the simulator factory
     * @param simulatorWithoutKey  whether a missing key means "use the simulator" rather than a usage error
     * @param timeout              the deadline of every wait, or {@code null} for the default (10 min; 30 min relax)
     * @return the connection; close it
     * @throws MissingKeyException      if no key is configured, the simulator is not an option, and the provider is
     *                                  not a self-hosted midjourney-proxy at a given base URL (which may have no
     *                                  secret, and is then used without a key)
     * @throws IllegalArgumentException if the provider, base URL or auth scheme is invalid, or a self-hosted
     *                                  midjourney-proxy has no base URL
     */
    static Connection open(ConnectionOptions options, Console console, boolean simulatorWithoutKey,
                           Duration timeout) {
        return open(options, console, simulatorWithoutKey, timeout, UnaryOperator.identity());
    }

    /**
     * {@link #open(ConnectionOptions, Console, boolean, Duration)} with the command's own client settings (e.g. the
     * admission queue of {@code mj batch}), applied before the console's.
     *
     * @param options             the command line's connection options
     * @param console             the environment and the simulator factory
     * @param simulatorWithoutKey whether a missing key means "use the simulator" rather than a usage error
     * @param timeout             the deadline of every wait, or {@code null} for the default
     * @param settings            applied to the client builder before it builds
     * @return the connection; close it
     */
    static Connection open(ConnectionOptions options, Console console, boolean simulatorWithoutKey,
                           Duration timeout, UnaryOperator<MidjourneyClientBuilder> settings) {
        Provider provider = provider(options, console);
        String key = options.apiKey() != null ? options.apiKey() : console.variable("MIDJOURNEY_API_KEY");
        String url = options.baseUrl() != null ? options.baseUrl() : console.variable("MIDJOURNEY_BASE_URL");
        // a self-hosted proxy at a given URL may have no secret (mj.api-secret unset): no key is then no error
        boolean keyless = key == null && url != null && provider.defaultBaseUrl().isEmpty();
        if (options.simulator() || (key == null && !keyless && simulatorWithoutKey)) {
            FakeMidjourneyServer server = console.simulator().get().provider(provider).start();
            try {
                MidjourneyClientBuilder builder = server.newClientBuilder();
                if (timeout != null) {
                    builder.pollOptions(tier -> SIMULATOR_POLLS.withTimeout(timeout));
                }
                String why = options.simulator() ? "--simulator" : "no MIDJOURNEY_API_KEY set";
                String description = why + ": running against the built-in simulator at " + server.baseUrl()
                        + " (" + provider.name() + ", generated images, no cost)";
                return new Connection(console.clients().apply(settings.apply(builder)).build(), provider, server,
                        description,
                        withTimeout(SIMULATOR_POLLS, timeout));
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
        if (key == null && !keyless) {
            throw new MissingKeyException();
        }
        MidjourneyClientBuilder builder = MidjourneyClient.builder().provider(provider).apiKey(key);
        if (url != null) {
            builder.baseUrl(url);
        } else if (provider.defaultBaseUrl().isEmpty()) {
            throw new IllegalArgumentException(provider.name() + " has no default base URL: pass --base-url or set"
                    + " MIDJOURNEY_BASE_URL to your server's");
        }
        String scheme = options.authScheme() != null ? options.authScheme()
                : console.variable("MIDJOURNEY_AUTH_SCHEME");
        if (scheme != null) {
            builder.authScheme(AuthScheme.parse(scheme));
        }
        String insecure = console.variable("MIDJOURNEY_ALLOW_INSECURE_HTTP");
        if (options.allowInsecureHttp() || (insecure != null && insecure.strip().equalsIgnoreCase("true"))) {
            builder.allowInsecureHttp(true);
        }
        if (timeout != null) {
            builder.pollOptions(tier -> PollOptions.forSpeed(tier).withTimeout(timeout));
        }
        MidjourneyClient client = console.clients().apply(settings.apply(builder)).build();
        String base = url != null ? url : provider.defaultBaseUrl().orElseThrow();
        return new Connection(client, provider, null, (keyless ? "without an API key" : "using "
                + (options.apiKey() != null ? "--api-key" : "MIDJOURNEY_API_KEY")) + " against " + base + " (" + provider.name() + ")",
                withTimeout(PollOptions.defaults(), timeout));
    }

    /**
     * The provider the command line (or else {@code MIDJOURNEY_PROVIDER}) names.
     *
     * @param options the command line's connection options
     * @param console the environment
     * @return the provider; {@link Providers#cometApi()} when none is named
     * @throws IllegalArgumentException if the name is none of {@link Providers#named(String)}'s
     */
    static Provider provider(ConnectionOptions options, Console console) {
        return Providers.named(providerName(options, console));
    }

    /**
     * The provider's configuration name as the command line (or else {@code MIDJOURNEY_PROVIDER}) gives it.
     *
     * @param options the command line's connection options
     * @param console the environment
     * @return the name as given, e.g. {@code "apimart"}; {@code "cometapi"} when none is given
     */
    static String providerName(ConnectionOptions options, Console console) {
        String name = options.provider() != null ? options.provider() : console.variable("MIDJOURNEY_PROVIDER");
        return name == null ? "cometapi" : name.strip();
    }

    private static PollOptions withTimeout(PollOptions options, Duration timeout) {
        return timeout == null ? options : options.withTimeout(timeout);
    }

    /**
     * The client.
     *
     * @return the client, open until {@link #close()}
     */
    MidjourneyClient client() {
        return client;
    }

    /**
     * The provider the client speaks to (and the simulator, if any, speaks as).
     *
     * @return the provider, {@link Providers#cometApi()} unless the command line or environment chose another
     */
    Provider provider() {
        return provider;
    }

    /**
     * Where the connection goes, for a first line of output.
     *
     * @return e.g. {@code "no MIDJOURNEY_API_KEY set: running against the built-in simulator at http://… (CometAPI,
     *     generated images, no cost)"}
     */
    String description() {
        return description;
    }

    /**
     * The options for waiting on a task id ({@code mj wait}): the simulator's quick schedule or the SDK defaults,
     * with the deadline the command line gave.
     *
     * @return the poll options
     */
    PollOptions waitOptions() {
        return waitOptions;
    }

    /** Closes the client, then the simulator. */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    /** No API key is configured and the simulator was not asked for: a usage error. */
    static final class MissingKeyException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MissingKeyException() {
            super("no API key: pass --api-key, set MIDJOURNEY_API_KEY, or add --simulator to use the built-in"
                    + " simulator");
        }
    }
}
