package io.github.mjsdk;

import io.github.mjsdk.admission.AdmissionOptions;
import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.image.Images;
import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.provider.Protocol;
import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.provider.Providers;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Configures a {@link MidjourneyClient}. Not thread-safe; {@link #build()} may be called more than once, each call
 * making an independent client. Every setter validates its argument at once and throws
 * {@link IllegalArgumentException} naming it.
 */
public final class MidjourneyClientBuilder {
    /** CometAPI's API base, the default {@link #baseUrl(String)}. */
    public static final String DEFAULT_BASE_URL = "https://api.cometapi.com";
    /** The default cap on a JSON response body: 8 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

    private HttpUrl baseUrl;
    private String apiKey;
    private AuthScheme authScheme;
    private Provider provider = Providers.cometApi();
    private String webhookSecret;
    private SpeedTier defaultSpeed;
    private String notifyHook;
    private OkHttpClient okHttpClient;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private RequestOptions requestDefaults = RequestOptions.builder()
            .timeout(Duration.ofSeconds(RequestOptions.DEFAULT_TIMEOUT_SECONDS))
            .maxRetries(RequestOptions.DEFAULT_MAX_RETRIES).build();
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private long maxImageBytes = Images.DEFAULT_MAX_BYTES;
    private boolean allowInsecureHttp;
    private HttpUrl accountBaseUrl;
    private boolean allowLinkLocalImageHosts;
    /** Null when none was set: then nothing describes what the client does for it (no event is built). */
    private ClientObserver observer;
    private Executor callbackExecutor;
    private ScheduledExecutorService scheduler;
    private Clock clock = Clock.systemUTC();
    private Function<? super SpeedTier, PollOptions> pollOptions = PollOptions::forSpeed;
    private int pollBatchSize = 100;
    private int pollConcurrency = 2;
    private AdmissionOptions admission;

    MidjourneyClientBuilder() {
    }

    /**
     * The API base URL; paths such as {@code /mj/submit/imagine} are appended to it. Default: the provider's
     * ({@value #DEFAULT_BASE_URL} for CometAPI).
     *
     * @param url an {@code https://} URL, e.g. {@code "https://api.cometapi.com"} or
     *            {@code "https://proxy.example.com/api"}; {@code http://} only for loopback hosts or with
     *            {@link #allowInsecureHttp(boolean)}
     * @return this builder
     * @throws IllegalArgumentException if {@code url} is null, not an http(s) URL, or has a query, a fragment, a
     *                                  user name or a password
     */
    public MidjourneyClientBuilder baseUrl(String url) {
        if (url == null) {
            throw new IllegalArgumentException("baseUrl must not be null");
        }
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, got: " + url);
        }
        if (parsed.query() != null || parsed.fragment() != null) {
            throw new IllegalArgumentException("baseUrl must not have a query or fragment");
        }
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            throw new IllegalArgumentException("baseUrl must not carry a user name or password (they would show in"
                    + " toString() and are never sent): pass the credential with apiKey(..)");
        }
        this.baseUrl = parsed;
        return this;
    }

    /**
     * The base URL of the provider's account service when it lives on another host than the API: CometAPI's balance
     * query, {@code GET {url}/user/quota?key=<key>} (docs/protocols.md §h.2.10). Default:
     * {@value io.github.mjsdk.provider.Providers#COMETAPI_QUOTA_BASE_URL} for a midjourney-proxy provider that
     * offers the balance (CometAPI); other providers have none. Set it to a test server, or to a gateway that
     * serves the same route. The key goes there as a query parameter, so the same transport rules as for
     * {@link #baseUrl(String)} apply.
     *
     * @param url an {@code https://} URL without a query, e.g. {@code "https://query.cometapi.com"};
     *            {@code http://} only for loopback hosts or with {@link #allowInsecureHttp(boolean)}
     * @return this builder
     * @throws IllegalArgumentException if {@code url} is null, not an http(s) URL, or has a query, a fragment, a user
     *                                  name or a password
     */
    public MidjourneyClientBuilder accountBaseUrl(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new IllegalArgumentException("accountBaseUrl must be an http(s) URL, got: " + url);
        }
        if (parsed.query() != null || parsed.fragment() != null || !parsed.username().isEmpty()
                || !parsed.password().isEmpty()) {
            throw new IllegalArgumentException("accountBaseUrl must not have a query, a fragment, a user name or a"
                    + " password");
        }
        this.accountBaseUrl = parsed;
        return this;
    }

    /**
     * The account service's base for the client, without a trailing slash: the one set, else CometAPI's for a
     * midjourney-proxy provider that offers the balance; null otherwise.
     */
    private String accountBaseUrl() {
        HttpUrl account = accountBaseUrl;
        if (account == null) {
            if (provider.protocol() != Protocol.MIDJOURNEY_PROXY
                    || !provider.supports(io.github.mjsdk.provider.MidjourneyOperation.BALANCE)) {
                return null;
            }
            account = HttpUrl.get(io.github.mjsdk.provider.Providers.COMETAPI_QUOTA_BASE_URL);
        }
        if (!account.isHttps() && !allowInsecureHttp && !isLoopback(account.host())) {
            throw new IllegalArgumentException("accountBaseUrl " + account + " is http:// on a non-loopback host: use"
                    + " https, or allowInsecureHttp(true) if you accept sending the key in clear text");
        }
        String text = account.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * The API base URL, as a URI.
     *
     * @param url an {@code https://} URI
     * @return this builder
     * @throws IllegalArgumentException if {@code url} is null or not an http(s) URL
     * @see #baseUrl(String)
     */
    public MidjourneyClientBuilder baseUrl(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("baseUrl must not be null");
        }
        return baseUrl(url.toString());
    }

    /**
     * The API key. Never logged, never put in a message or a {@code toString()}, and only sent to the base URL's
     * own scheme, host and port. Default none: no credential header (a self-hosted proxy without
     * {@code mj.api-secret}).
     *
     * @param key the key as the provider issued it, e.g. {@code "sk-…"}: printable ASCII without spaces; a key
     *            pasted with surrounding white space or a no-break space is refused rather than trimmed, so that
     *            what is sent is what you gave
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is empty or holds white space, a control character or a
     *                                  non-ASCII character; the message names the position and never the key
     */
    public MidjourneyClientBuilder apiKey(String key) {
        if (key != null) {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("apiKey must not be empty (null for no key)");
            }
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c <= 0x20 || c >= 0x7f) {
                    throw new IllegalArgumentException("apiKey has " + describe(c) + " at position " + (i + 1)
                            + " of " + key.length() + ": a key is printable ASCII without spaces (check what was"
                            + " pasted)");
                }
            }
        }
        this.apiKey = key;
        return this;
    }

    private static String describe(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "white space (U+" + String.format("%04X", (int) c) + ")";
        }
        if (Character.isISOControl(c)) {
            return "a control character (U+" + String.format("%04X", (int) c) + ")";
        }
        return "a non-ASCII character (U+" + String.format("%04X", (int) c) + ")";
    }

    /**
     * The provider: which API dialect the client speaks, and the base URL and auth scheme to use when
     * {@link #baseUrl(String)} and {@link #authScheme(AuthScheme)} are not set. Default
     * {@link Providers#cometApi()}.
     *
     * @param preset one of {@link Providers}, or a {@link Provider} of your own
     * @return this builder
     * @throws IllegalArgumentException if {@code preset} is null
     */
    public MidjourneyClientBuilder provider(Provider preset) {
        this.provider = Args.notNull(preset, "provider");
        return this;
    }

    /**
     * The shared secret for callbacks, where the provider sends it back to you: JourneyAPI's
     * {@code webhook_secret}, which it returns as the {@code x-webhook-secret} header that
     * {@link io.github.mjsdk.webhook.WebhookReceiver} checks. Midjourney-proxy servers have no such field: put a
     * {@code ?token=} in your {@code notifyHook} instead. Default none.
     *
     * @param secret the secret, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException if {@code secret} is blank
     */
    public MidjourneyClientBuilder webhookSecret(String secret) {
        if (secret != null && secret.isBlank()) {
            throw new IllegalArgumentException("webhookSecret must be null or non-blank");
        }
        this.webhookSecret = secret;
        return this;
    }

    /**
     * How the key is sent. Default: the provider's ({@link AuthScheme#BEARER} for CometAPI).
     *
     * @param scheme the scheme
     * @return this builder
     * @throws IllegalArgumentException if {@code scheme} is null
     */
    public MidjourneyClientBuilder authScheme(AuthScheme scheme) {
        if (scheme == null) {
            throw new IllegalArgumentException("authScheme must not be null");
        }
        this.authScheme = scheme;
        return this;
    }

    /**
     * The tier used when a call gives none. Default none: plain {@code /mj} paths, the server's default speed.
     *
     * @param speed the tier, or {@code null} for none
     * @return this builder
     */
    public MidjourneyClientBuilder defaultSpeed(SpeedTier speed) {
        this.defaultSpeed = speed;
        return this;
    }

    /**
     * A callback URL every submit carries unless its request sets its own ({@code notifyHook},
     * docs/protocols.md §a.12). Default none.
     *
     * @param url the URL, or {@code null} for none
     * @return this builder
     * @throws IllegalArgumentException if {@code url} is not an http(s) URL
     */
    public MidjourneyClientBuilder notifyHook(String url) {
        if (url != null && HttpUrl.parse(url) == null) {
            throw new IllegalArgumentException("notifyHook must be an http(s) URL");
        }
        this.notifyHook = url;
        return this;
    }

    /**
     * An OkHttp client to share connection pool and dispatcher with. The client derives its own with
     * {@code newBuilder()} (adding its timeouts, its auth interceptor and {@code retryOnConnectionFailure(false)},
     * since OkHttp's own silent retries could re-send a submit) and never shuts it down. Default: a client of its
     * own, with daemon threads, shut down on {@link MidjourneyClient#close()}.
     *
     * @param client the client to derive from
     * @return this builder
     * @throws IllegalArgumentException if {@code client} is null
     */
    public MidjourneyClientBuilder okHttpClient(OkHttpClient client) {
        if (client == null) {
            throw new IllegalArgumentException("okHttpClient must not be null");
        }
        this.okHttpClient = client;
        return this;
    }

    /**
     * The TCP connect timeout of one attempt. Default 10 s.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public MidjourneyClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /**
     * The longest silence while reading an answer. Default 30 s.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public MidjourneyClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    /**
     * The limit on one whole HTTP attempt, connect to last byte. Default 60 s. The overall deadline of a request,
     * retries and the waits between them included, is {@link RequestOptions#timeout()} (default
     * {@value RequestOptions#DEFAULT_TIMEOUT_SECONDS} s); an attempt never runs past it.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public MidjourneyClientBuilder callTimeout(Duration timeout) {
        this.callTimeout = positive(timeout, "callTimeout");
        return this;
    }

    /**
     * How many times a failed request is tried again (queries on I/O errors, 408, 425, 429, 500, 502, 503, 504;
     * submits only when they provably never reached the server, or on 429/503), within the request's deadline.
     * Default {@value RequestOptions#DEFAULT_MAX_RETRIES}. The same setting as
     * {@code requestOptions(RequestOptions.builder().maxRetries(retries).build())}; per call, see
     * {@link MidjourneyClient#withOptions(RequestOptions)}.
     *
     * @param retries 0 to {@value RequestOptions#MAX_RETRIES_LIMIT}
     * @return this builder
     * @throws IllegalArgumentException if {@code retries} is outside 0–10
     */
    public MidjourneyClientBuilder maxRetries(int retries) {
        requestDefaults = requestDefaults.overriddenBy(RequestOptions.builder().maxRetries(retries).build());
        return this;
    }

    /**
     * The request options of every call, unless a call overrides them through
     * {@link MidjourneyClient#withOptions(RequestOptions)}: the overall deadline of one request (default
     * {@value RequestOptions#DEFAULT_TIMEOUT_SECONDS} s), its retries (default
     * {@value RequestOptions#DEFAULT_MAX_RETRIES}) and extra headers (default none). The fields set in
     * {@code options} replace the builder's; headers are added to those given before. See {@link RequestOptions}.
     *
     * @param options the options, e.g. {@code RequestOptions.builder().timeout(Duration.ofSeconds(30)).build()}
     * @return this builder
     * @throws IllegalArgumentException if {@code options} is null
     */
    public MidjourneyClientBuilder requestOptions(RequestOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("requestOptions must not be null");
        }
        requestDefaults = requestDefaults.overriddenBy(options);
        return this;
    }

    /**
     * The cap on a JSON response body, in bytes; a larger body fails with
     * {@link io.github.mjsdk.error.ProtocolException}. Default 8 MiB.
     *
     * @param bytes at least 1024
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is under 1024
     */
    public MidjourneyClientBuilder maxResponseBytes(long bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024, got " + bytes);
        }
        this.maxResponseBytes = bytes;
        return this;
    }

    /**
     * The cap on one image downloaded through {@link MidjourneyClient#images()}, in bytes; a larger image fails
     * with {@link io.github.mjsdk.error.ProtocolException}. Default {@link Images#DEFAULT_MAX_BYTES} (64 MiB).
     *
     * @param bytes at least 1024
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is under 1024
     */
    public MidjourneyClientBuilder maxImageBytes(long bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("maxImageBytes must be at least 1024, got " + bytes);
        }
        this.maxImageBytes = bytes;
        return this;
    }

    /**
     * Allows an {@code http://} base URL on a host that is not loopback (the key would travel in clear text).
     * Default {@code false}.
     *
     * @param allow {@code true} to allow
     * @return this builder
     */
    public MidjourneyClientBuilder allowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return this;
    }

    /**
     * Allows {@link MidjourneyClient#images()} to download from link-local addresses (169.254.0.0/16, fe80::/10)
     * and fd00:ec2::254, where cloud metadata services answer. Default {@code false}: an image URL a server supplies,
     * or a redirect, that leads there fails with {@link io.github.mjsdk.error.TransportException} before any byte of
     * the request is written.
     *
     * @param allow {@code true} to allow
     * @return this builder
     */
    public MidjourneyClientBuilder allowLinkLocalImageHosts(boolean allow) {
        this.allowLinkLocalImageHosts = allow;
        return this;
    }

    /**
     * An observer of what the client does: each HTTP attempt, each poll round, the start and end of each wait, each
     * change of the admission queue; for
     * metrics and tracing (the Spring Boot starter's Micrometer meters use it). Called on the client's own threads
     * and required to be fast; an exception it throws is logged at WARN and never changes a call's outcome. Default:
     * none.
     *
     * @param observer the observer
     * @return this builder
     * @throws IllegalArgumentException if {@code observer} is null
     */
    public MidjourneyClientBuilder observer(ClientObserver observer) {
        this.observer = Args.notNull(observer, "observer");
        return this;
    }

    /**
     * Turns on the client-side admission queue: every paid submit (imagine and every follow-up that starts a job)
     * takes one of at most {@link AdmissionOptions#maxInFlight()} slots (set, or learned from the server's
     * refusals) and waits in the client while none is free; a refusal that created no job (code 23, HTTP 429) puts
     * the submit back in the queue instead of failing the call, and a submit whose outcome is unknown is never sent
     * again. Queries (fetches, polls) do not queue. Default: off, every submit is sent at once. See
     * docs/admission.md.
     *
     * <pre>{@code
     * MidjourneyClient client = MidjourneyClient.builder().apiKey(key)
     *         .admission(AdmissionOptions.defaults().withMaxInFlight(3)).build();
     * }</pre>
     *
     * @param options the settings; {@link AdmissionOptions#defaults()} learns the limit
     * @return this builder
     * @throws IllegalArgumentException if {@code options} is null
     */
    public MidjourneyClientBuilder admission(AdmissionOptions options) {
        this.admission = Args.notNull(options, "admission");
        return this;
    }

    /**
     * Where returned futures complete, and so where non-async continuations run. Default: a cached pool of daemon
     * threads named {@code mjsdk-callback-N}, shut down on close. An injected executor is never shut down.
     *
     * @param executor the executor
     * @return this builder
     * @throws IllegalArgumentException if {@code executor} is null
     */
    public MidjourneyClientBuilder callbackExecutor(Executor executor) {
        if (executor == null) {
            throw new IllegalArgumentException("callbackExecutor must not be null");
        }
        this.callbackExecutor = executor;
        return this;
    }

    /**
     * The scheduler that runs poll and retry timers. Default: one daemon thread named {@code mjsdk-scheduler-1},
     * shut down on close. An injected scheduler is never shut down; tests inject one they drive by hand.
     *
     * @param executor the scheduler
     * @return this builder
     * @throws IllegalArgumentException if {@code executor} is null
     */
    public MidjourneyClientBuilder scheduler(ScheduledExecutorService executor) {
        if (executor == null) {
            throw new IllegalArgumentException("scheduler must not be null");
        }
        this.scheduler = executor;
        return this;
    }

    /**
     * The clock for deadlines and elapsed times. Default {@link Clock#systemUTC()}.
     *
     * @param source the clock
     * @return this builder
     * @throws IllegalArgumentException if {@code source} is null
     */
    public MidjourneyClientBuilder clock(Clock source) {
        if (source == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        this.clock = source;
        return this;
    }

    /**
     * The poll schedule the waiting calls use, per tier. Default {@link PollOptions#forSpeed(SpeedTier)}.
     *
     * @param options a function from the tier (possibly {@code null}) to non-null options
     * @return this builder
     * @throws IllegalArgumentException if {@code options} is null
     */
    public MidjourneyClientBuilder pollOptions(Function<? super SpeedTier, PollOptions> options) {
        if (options == null) {
            throw new IllegalArgumentException("pollOptions must not be null");
        }
        this.pollOptions = options;
        return this;
    }

    /**
     * How many task ids one batched poll ({@code POST /mj/task/list-by-condition}) carries. Default 100.
     *
     * @param ids 1 to 1000
     * @return this builder
     * @throws IllegalArgumentException if {@code ids} is outside 1–1000
     */
    public MidjourneyClientBuilder pollBatchSize(int ids) {
        if (ids < 1 || ids > 1000) {
            throw new IllegalArgumentException("pollBatchSize must be 1..1000, got " + ids);
        }
        this.pollBatchSize = ids;
        return this;
    }

    /**
     * How many scheduled poll requests (batched or single) the poller runs at once; the others of a round wait
     * for a free slot. A webhook wake-up is never held back. Default 2, which keeps the SDK's threads to a handful
     * even with 10,000 pending waits; raise it when round trips are slow and waits many (a round of N waits takes
     * about N / pollBatchSize / pollConcurrency round trips).
     *
     * @param requests 1 to 64
     * @return this builder
     * @throws IllegalArgumentException if {@code requests} is outside 1–64
     */
    public MidjourneyClientBuilder pollConcurrency(int requests) {
        if (requests < 1 || requests > 64) {
            throw new IllegalArgumentException("pollConcurrency must be 1..64, got " + requests);
        }
        this.pollConcurrency = requests;
        return this;
    }

    MidjourneyClientBuilder fromEnvironment(Function<String, String> env) {
        String key = env.apply("MIDJOURNEY_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("MIDJOURNEY_API_KEY is not set: set it to your provider's API key");
        }
        variable("MIDJOURNEY_API_KEY", () -> apiKey(key.strip()));
        String name = env.apply("MIDJOURNEY_PROVIDER");
        if (name != null && !name.isBlank()) {
            variable("MIDJOURNEY_PROVIDER", () -> provider(Providers.named(name)));
        }
        String url = env.apply("MIDJOURNEY_BASE_URL");
        if (url != null && !url.isBlank()) {
            variable("MIDJOURNEY_BASE_URL", () -> baseUrl(url));
        } else if (provider.defaultBaseUrl().isEmpty()) {
            throw new IllegalArgumentException("MIDJOURNEY_BASE_URL is not set: provider " + provider.name()
                    + " (MIDJOURNEY_PROVIDER) has no default base URL, so set it to your server's, e.g."
                    + " https://mj.example.com");
        }
        String scheme = env.apply("MIDJOURNEY_AUTH_SCHEME");
        if (scheme != null && !scheme.isBlank()) {
            variable("MIDJOURNEY_AUTH_SCHEME", () -> authScheme(AuthScheme.parse(scheme)));
        }
        String insecure = env.apply("MIDJOURNEY_ALLOW_INSECURE_HTTP");
        if (insecure != null && !insecure.isBlank()) {
            switch (insecure.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> allowInsecureHttp(true);
                case "false", "0", "no" -> allowInsecureHttp(false);
                default -> throw new IllegalArgumentException("MIDJOURNEY_ALLOW_INSECURE_HTTP must be true or false,"
                        + " got: " + insecure.strip());
            }
        }
        return this;
    }

    /** Applies one environment variable, naming it in the message of an IllegalArgumentException. */
    private static void variable(String name, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds the client.
     *
     * @return a new client; close it when done
     * @throws IllegalArgumentException if the base URL is {@code http://} on a host that is not loopback and
     *                                  {@link #allowInsecureHttp(boolean)} was not set
     */
    public MidjourneyClient build() {
        HttpUrl base = baseUrl;
        if (base == null) {
            String preset = provider.defaultBaseUrl().orElseThrow(() -> new IllegalArgumentException(
                    "baseUrl must be set for provider " + provider.name()));
            base = HttpUrl.parse(preset);
            if (base == null) {
                throw new IllegalArgumentException("baseUrl of provider " + provider.name()
                        + " is not an http(s) URL: " + preset);
            }
        }
        AuthScheme scheme = authScheme != null ? authScheme : provider.defaultAuthScheme();
        if (!base.isHttps() && !allowInsecureHttp && !isLoopback(base.host())) {
            throw new IllegalArgumentException("baseUrl " + base + " is http:// on a non-loopback host: use https,"
                    + " or allowInsecureHttp(true) (MIDJOURNEY_ALLOW_INSECURE_HTTP=true for fromEnv(),"
                    + " mj --allow-insecure-http) if you accept sending the key in clear text");
        }
        if (defaultSpeed != null && !provider.capabilities().speedTiers()) {
            throw new IllegalArgumentException("defaultSpeed: " + provider.name() + " cannot choose a speed tier"
                    + (provider.protocol() == Protocol.MIDJOURNEY_PROXY ? " (this server has no "
                    + defaultSpeed.pathPrefix() + " route; if your proxy has the prefixes, use"
                    + " Providers.trueAi(url) for trueai-org's, or Providers.midjourneyProxy(url).withSpeedTiers(true))"
                    : ""));
        }
        base = withoutMjSuffix(base);
        if (notifyHook != null && !provider.capabilities().webhooks()) {
            throw new IllegalArgumentException("notifyHook: " + provider.name() + " has no callbacks");
        }
        return new MidjourneyClient(ClientRuntime.start(new ClientSettings(provider, base, scheme, apiKey,
                webhookSecret, defaultSpeed, notifyHook, okHttpClient, connectTimeout, readTimeout, callTimeout,
                requestDefaults, maxResponseBytes, maxImageBytes, allowLinkLocalImageHosts, callbackExecutor, scheduler,
                clock, pollOptions, pollBatchSize, pollConcurrency, observer, admission, accountBaseUrl())));
    }

    /**
     * The open-source proxy documents its base as {@code http://host:8080/mj}, while this SDK appends
     * {@code /mj/...} itself: for the midjourney-proxy protocol a final {@code /mj} path segment is dropped, so
     * that both spellings reach {@code /mj/submit/...}.
     */
    private HttpUrl withoutMjSuffix(HttpUrl base) {
        if (provider.protocol() != Protocol.MIDJOURNEY_PROXY) {
            return base;
        }
        List<String> segments = new ArrayList<>(base.pathSegments());
        while (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        if (segments.isEmpty() || !segments.get(segments.size() - 1).equals("mj")) {
            return base;
        }
        segments.remove(segments.size() - 1);
        HttpUrl.Builder stripped = base.newBuilder().encodedPath("/");
        for (String segment : segments) {
            stripped.addPathSegment(segment);
        }
        return stripped.build();
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    /**
     * A summary without the API key.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "MidjourneyClientBuilder[provider=" + provider.name() + ", baseUrl="
                + (baseUrl == null ? provider.defaultBaseUrl().orElse("unset") : baseUrl)
                + ", auth=" + (authScheme == null ? provider.defaultAuthScheme() : authScheme) + ", apiKey="
                + (apiKey == null ? "none" : "***") + "]";
    }
}
