package io.github.mjsdk.testkit;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.provider.MidjourneyOperation;
import io.github.mjsdk.provider.Protocol;
import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.internal.Dialect;
import io.github.mjsdk.testkit.internal.NoDelaySockets;
import io.github.mjsdk.testkit.internal.ServerConfig;
import io.github.mjsdk.testkit.internal.Simulator;
import io.github.mjsdk.testkit.internal.TierLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Midjourney server on loopback that speaks the midjourney-proxy protocol (docs/protocols.md §a, §b,
 * §c), or the apimart (§d) or JourneyAPI (§e) dialect, well enough that the SDK cannot tell it from a real one. Use
 * it to test code that uses {@link MidjourneyClient} without network, money or waiting, and to run demos offline.
 *
 * <pre>{@code
 * try (FakeMidjourneyServer server = FakeMidjourneyServer.start();
 *      MidjourneyClient client = server.newClient()) {
 *     Task grid = client.imagine("a red fox in fresh snow --ar 3:2", Speed.TURBO).join();   // about 2 s
 *     Task fresh = client.reroll(grid.id(), Speed.TURBO).join();
 * }
 * }</pre>
 *
 * <h2>What it simulates</h2>
 * The midjourney-proxy protocol by default; {@link Builder#provider(Provider)} picks the dialect of one of the
 * SDK's {@link Providers} presets instead (see "Other dialects" below).
 * <ul>
 *   <li><b>Routes</b>, under {@code /mj} and the tier prefixes {@code /mj-fast/mj}, {@code /mj-turbo/mj},
 *       {@code /mj-relax/mj}: {@code POST submit/imagine}, {@code submit/action}, {@code submit/modal},
 *       {@code submit/change}, {@code GET task/{id}/fetch}, {@code POST task/list-by-condition}, and the images at
 *       {@code GET /mj/image/{id}}. Submit answers are HTTP 200 {@code {code, description, result, properties}};
 *       tasks are the JSON of §a.6 with the trueai-org extras ({@code mode}, {@code imageUrls}, {@code seed} …).</li>
 *   <li><b>Speed.</b> The tier prefix (else {@code accountFilter.modes}, else a {@code --fast/--relax/--turbo} flag
 *       in the prompt; plain {@code /mj} runs as FAST) is the task's {@code mode} and sets its duration: by
 *       default TURBO 2 s, FAST 4 s, RELAX 8 s ({@link Builder#duration(Speed, Duration)}).</li>
 *   <li><b>Lifecycle</b>, computed from the server's clock: NOT_START, SUBMITTED ({@code "0%"}, at 5 % of the
 *       duration), IN_PROGRESS with progress rising in six steps ({@code "15%"} … {@code "93%"}, from 15 %) and a
 *       preview {@code imageUrl}, then SUCCESS ({@code "100%"}, {@code finishTime}, buttons, image URLs).</li>
 *   <li><b>Buttons</b> with real customIds: a grid has U1–U4, 🔄 and V1–V4; an upscale has Upscale
 *       (Subtle/Creative), Vary (Subtle/Strong/Region), Zoom Out, Custom Zoom and the pans, but no reroll.
 *       Reroll and variation make new grids (new hash and seed, the parent's prompt). Acting on a parent that is
 *       not SUCCESS, or with a customId it does not have (a reroll of an upscale), answers code 4; an unknown
 *       parent answers HTTP 404 with code 3 ({@code /submit/change}: HTTP 200, code 3, like the open-source
 *       proxy).</li>
 *   <li><b>Remix</b> ({@link Builder#remix(boolean)}, or {@code enableRemix} on the request): reroll, variation,
 *       Vary and pan answer code 21 and park a MODAL task until {@code /submit/modal}; Vary (Region) (needs
 *       {@code maskBase64}) and Custom Zoom (needs {@code --zoom 1-2}) always do.</li>
 *   <li><b>Limits</b>, per tier ({@link Builder#accountLimits(Speed, AccountLimits)}): jobs at once (default 3),
 *       then a queue (code 22 with {@code numberOfQueues}, the task's place in line) of 10 by default, then
 *       code 23 and no task; a queued job starts the instant a slot of its tier frees. {@link #tasks()} lists
 *       what was created. Banned words answer code 24 ({@link Builder#bannedWords(Collection)}, default
 *       {@code nsfw} and {@code gore}); an unknown or invalid prompt parameter ({@code --foo},
 *       {@code --ar 0:1}) is accepted and the task ends in FAILURE with {@code failReason}
 *       {@code [Invalid parameter] …} and progress {@code ""}.</li>
 *   <li><b>Queries</b>: fetch of an unknown id answers HTTP 200 with an empty body; list-by-condition leaves
 *       unknown ids out.</li>
 *   <li><b>Callbacks</b>: a {@code notifyHook} receives the full task JSON at each change (§a.12).</li>
 *   <li><b>Auth</b>: {@link Builder#authScheme(AuthScheme)} with {@link Builder#apiKey(String)}; a mismatch is
 *       HTTP 401 with an empty body. Image URLs need no key, like CometAPI's public {@code /mj/image/{id}}.</li>
 *   <li><b>Legacy open-source mode</b> ({@link Builder#legacyOpenSource(boolean)}): tasks without buttons;
 *       {@code /mj/submit/action} and {@code /mj/submit/modal} answer 404 with Spring's JSON error, and every path
 *       outside {@code /mj} (the tier prefixes {@code /mj-turbo}, {@code /mj-fast}, {@code /mj-relax} included)
 *       answers Tomcat's HTML 404 page, as novicezk/midjourney-proxy 2.6 does with its servlet context path
 *       {@code /mj}; clients fall back to {@code /submit/change}. {@link #newClientBuilder()} then presets
 *       {@code Providers.midjourneyProxy(baseUrl)}, which has no speed tiers.</li>
 *   <li><b>Images</b>: real PNGs drawn from the prompt and seed; see {@code /mj/image/{id}} above.</li>
 * </ul>
 *
 * <h2>Other dialects</h2>
 * Built with {@code provider(Providers.apimart())} or {@code provider(Providers.journeyApi())}, a server answers
 * only that dialect's routes (and the images at {@code /mj/image/{id}}, which every dialect's task URLs point to);
 * the task store, lifecycle, buttons, images, limits, faults and journal are the same. {@link #newClientBuilder()}
 * presets the client's provider.
 * <ul>
 *   <li><b>apimart</b> (§d), at {@link #baseUrl()}: {@code POST /v1/midjourney/generations} (imagine, {@code speed}
 *       relax (default) | fast | turbo), {@code /generations/reroll} ({@code task_id}, optional {@code custom_id};
 *       the parent's {@code ::reroll::} / 🔄 button otherwise; only an imagine or reroll grid in SUCCESS state),
 *       {@code /generations/upscale} and {@code /variation} ({@code task_id} + {@code index} or {@code custom_id}),
 *       {@code /high-variation}, {@code /low-variation}, {@code /pan}, {@code /zoom}, {@code /inpaint} (by
 *       {@code custom_id}; inpaint and custom zoom park the task in {@code modal}), {@code /generations/modal}
 *       ({@code task_id}, {@code prompt}, {@code mask_url}); queries {@code GET /v1/midjourney/{id}} (flat, with
 *       buttons, progress {@code "45%"}) and {@code GET /v1/tasks/{id}} ({@code {code:200, data:{…}}}, status
 *       pending|processing|completed|failed, int progress, unix-second times). Ids are {@code task_} + a ULID.
 *       Submits answer {@code {"code":200,"data":[{"status":"submitted","task_id":…}]}}; refusals are HTTP 400 +
 *       code 4, 404 + code 3 (unknown task), 502 + code 9 (full queue). {@code Authorization: Bearer} by
 *       default. Tasks run at their tier's duration.</li>
 *   <li><b>JourneyAPI</b> (§e), at {@link #baseUrl()} = {@code http://127.0.0.1:PORT/api/v1}: {@code POST /imagine}
 *       ({@code prompt}, {@code model}, {@code webhook_url}, {@code webhook_secret}) answering
 *       {@code {"task_id": <uuid>}}, {@code /reroll} ({@code parent_task_id}, optional {@code prompt}; the parent
 *       must be a completed imagine task, else HTTP 400 {@code {"error": …}}), {@code /upscale-1x} and
 *       {@code /variations} ({@code parent_task_id}, {@code index} "1"–"4"), {@code POST /fetch {task_id}}
 *       (status staged|pending|starting|processing|finished|failed, {@code percentage} "45",
 *       {@code original_image_url}, {@code image_urls}, {@code image_url}, {@code error}). Raw
 *       {@code Authorization: <key>} by default; a bad key gets HTTP 401 {@code {}}. When a task finishes or
 *       fails, its {@code webhook_url} receives the {@code /fetch} JSON with its {@code webhook_secret} in the
 *       {@code x-webhook-secret} header. No tiers: every job takes the FAST duration.</li>
 *   <li>In both, a banned word is accepted and the task fails (the moderation happens at Midjourney); Remix and
 *       legacy open-source mode are midjourney-proxy settings and cannot be combined with them.</li>
 * </ul>
 *
 * <h2>Testing tools</h2>
 * {@link #failNext(Route, int, Fault)} injects faults (HTML 500 pages, 429 and 503 with {@code Retry-After}, reset
 * connections, redirects, slow and drip bodies, connections closed after the answer); {@link #journal()} records every request. Time comes from {@link Builder#clock(Clock)}:
 * real time by default, a {@link SimulatedClock} you advance by hand, or {@link VirtualTime} for whole client flows
 * in milliseconds. {@link FakeMidjourneyExtension} does all of it for JUnit 5 tests.
 *
 * <p>Thread-safe. Listens on {@code 127.0.0.1} only. {@link #close()} stops it; its threads stop with it.
 */
public final class FakeMidjourneyServer implements AutoCloseable {
    /** The key a server expects unless told otherwise: {@code sk-fake-midjourney-test-key}. */
    public static final String DEFAULT_API_KEY = "sk-fake-midjourney-test-key";
    private static final Duration CALLBACK_TICK = Duration.ofMillis(50);
    private static final Logger LOG = LoggerFactory.getLogger(FakeMidjourneyServer.class);

    private final ServerConfig config;
    private final VirtualTime virtualTime;
    private final MockWebServer http;
    private final String baseUrl;
    private final Faults faults = new Faults();
    private final RecordingDispatcher dispatcher;
    private final Journal journal = new Journal();
    private final Simulator simulator;
    private final Runnable clockListener;
    private final ScheduledExecutorService ticker;

    private FakeMidjourneyServer(ServerConfig config, VirtualTime virtualTime) throws IOException {
        this.config = config;
        this.virtualTime = virtualTime;
        this.http = new MockWebServer();
        http.setServerSocketFactory(new NoDelaySockets());
        http.start(InetAddress.getByName("127.0.0.1"), config.port());
        String root = "http://127.0.0.1:" + http.getPort();
        this.baseUrl = root + config.dialect().basePath();
        this.simulator = new Simulator(config, root);
        this.dispatcher = new RecordingDispatcher(simulator, faults, journal, this::forgetRecorded,
                config.clock(), virtualTime);
        http.setDispatcher(dispatcher);
        if (config.clock() instanceof SimulatedClock) {
            this.clockListener = simulator::catchUp;
            ((SimulatedClock) config.clock()).addListener(clockListener);
            this.ticker = null;
        } else {
            this.clockListener = null;
            this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "fake-midjourney-ticker");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleWithFixedDelay(this::tick, CALLBACK_TICK.toMillis(), CALLBACK_TICK.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A server with the defaults: the midjourney-proxy protocol as CometAPI speaks it, real time,
     * {@link #DEFAULT_API_KEY} as a Bearer token, TURBO 2 s, FAST 4 s, RELAX 8 s, no Remix, a random port on
     * {@code 127.0.0.1}.
     *
     * @return the running server; close it when done
     * @throws UncheckedIOException if no port could be bound
     */
    public static FakeMidjourneyServer start() {
        return builder().start();
    }

    /**
     * A builder with the defaults of {@link #start()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URL to give a client.
     *
     * @return {@code "http://127.0.0.1:PORT"}, without a trailing slash; for JourneyAPI
     *     {@code "http://127.0.0.1:PORT/api/v1"}, as JourneyAPI's own base ends in {@code /api/v1}
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The provider whose dialect the server speaks.
     *
     * @return the provider given to the builder, {@link Providers#cometApi()} by default
     */
    public Provider provider() {
        return config.provider();
    }

    /**
     * The key the server expects.
     *
     * @return the key, or {@code null} when the server accepts any request
     */
    public String apiKey() {
        return config.apiKey();
    }

    /**
     * How the server expects the key.
     *
     * @return the scheme
     */
    public AuthScheme authScheme() {
        return config.authScheme();
    }

    /**
     * The clock the lifecycle runs on.
     *
     * @return the clock given to the builder, or the system clock
     */
    public Clock clock() {
        return config.clock();
    }

    /**
     * How long a job runs at a tier ({@link AccountLimits#jobDuration()}).
     *
     * @param speed the tier, or {@code null} for plain {@code /mj} (runs as FAST; also every JourneyAPI job)
     * @return the duration
     */
    public Duration duration(Speed speed) {
        return config.duration(speed);
    }

    /**
     * The account's limits at a tier.
     *
     * @param speed the tier, or {@code null} for plain {@code /mj} (counts as FAST; also every JourneyAPI job)
     * @return the limits the server was built with
     */
    public AccountLimits accountLimits(Speed speed) {
        TierLimits tier = config.limits(speed);
        return new AccountLimits(tier.jobsAtOnce(), tier.queueLength(), tier.jobDuration());
    }

    /**
     * The account's task list: every task the server created so far, oldest first, whoever asked for it. A submit
     * refused for a full queue, a banned prompt or a bad request created none; one that was accepted did, even if
     * its answer never reached the client. Use it with {@link #journal(Route)} to tell a job paid twice from a
     * refusal retried.
     *
     * @return an immutable snapshot, with job slots as of the server's clock now
     */
    public List<ServerTask> tasks() {
        return List.copyOf(simulator.tasks(ServerTask::new));
    }

    /**
     * A client builder preset for this server: provider, base URL, key and scheme, and a poll schedule suited to
     * the simulated durations: for a tier whose {@link Builder#duration(Speed, Duration) job duration} is {@code d},
     * the first poll and the interval are {@code d / 10} (at least 10 ms) and the deadline is
     * {@code max(10 minutes, 60 × d)}, measured on the client's clock, so the deadline grows with the configured
     * duration. When the server runs on {@link Builder#virtualTime(VirtualTime) virtual time}, the client is
     * wired to it too (clock, scheduler, OkHttp client).
     *
     * @return a new builder; change anything before {@code build()}
     */
    public MidjourneyClientBuilder newClientBuilder() {
        MidjourneyClientBuilder builder = MidjourneyClient.builder()
                .provider(config.legacy() ? Providers.midjourneyProxy(baseUrl) : config.provider())
                .baseUrl(baseUrl)
                .authScheme(config.authScheme())
                .pollOptions(this::pollOptions);
        if (config.apiKey() != null) {
            builder.apiKey(config.apiKey());
        }
        if (!config.legacy() && config.provider().protocol() == Protocol.MIDJOURNEY_PROXY
                && config.provider().supports(MidjourneyOperation.BALANCE)) {
            builder.accountBaseUrl(baseUrl);
        }
        if (virtualTime != null) {
            virtualTime.configure(builder);
        }
        return builder;
    }

    /**
     * A client for this server, as {@link #newClientBuilder()} presets it.
     *
     * @return a new client; close it when done (before the server, or its pending calls fail)
     */
    public MidjourneyClient newClient() {
        return newClientBuilder().build();
    }

    private PollOptions pollOptions(SpeedTier tier) {
        Duration duration = config.duration(tier instanceof Speed ? (Speed) tier : null);
        Duration step = duration.dividedBy(10);
        if (step.compareTo(Duration.ofMillis(10)) < 0) {
            step = Duration.ofMillis(10);
        }
        Duration timeout = duration.multipliedBy(60);
        return new PollOptions(timeout.compareTo(Duration.ofMinutes(10)) < 0 ? Duration.ofMinutes(10) : timeout,
                step, step);
    }

    /**
     * Makes the next {@code times} requests on a route answer with a fault instead of (or, for
     * {@link Fault#slowBody}, {@link Fault#dripBody} and {@link Fault#closeAfterAnswer}, on top of) their normal answer. Faults on a route are used before those on
     * {@link Route#ANY}; they are consumed in the order added.
     *
     * @param route the route, or {@link Route#ANY} for whatever request comes next
     * @param times how many requests, at least 1; any count costs the same small memory, so
     *              {@code Integer.MAX_VALUE} means "until {@link #clearFaults()}"
     * @param fault the fault
     * @throws IllegalArgumentException if {@code route} or {@code fault} is null or {@code times} is under 1
     */
    public void failNext(Route route, int times, Fault fault) {
        if (route == null) {
            throw new IllegalArgumentException("route must not be null");
        }
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null");
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        faults.add(route, times, fault);
    }

    /**
     * Takes the simulated service down until {@link #resume()}: the listener stays open (the port is kept, so a
     * client can come back to it), and every request, on any route, is answered with HTTP 503, an HTML page and
     * {@code Retry-After: 1}, as a gateway in front of a stopped server answers. Requests are not processed (no task
     * is created, none is found) and are journaled with {@link Fault#unavailable(Duration) Fault.unavailable(1 s)}
     * as their fault; queued {@link #failNext faults} are kept for later. Tasks already submitted go on running on
     * the server's clock, as jobs do on Discord while a proxy restarts. Idempotent.
     */
    public void pause() {
        dispatcher.down(true);
    }

    /** Brings the service back after {@link #pause()}: requests are processed again from the next one. Idempotent. */
    public void resume() {
        dispatcher.down(false);
    }

    /**
     * Makes a task that has not finished fail now: from this instant on it is {@code FAILURE} with {@code reason}
     * as its fail reason, so a client waiting on it fails with
     * {@link io.github.mjsdk.error.TaskFailedException}. Callbacks to its notify hook are sent as for any change.
     *
     * @param taskId the id the server gave the task
     * @param reason the fail reason the task reports; not blank
     * @throws IllegalArgumentException if {@code reason} is null or blank, or no task has that id
     * @throws IllegalStateException    if the task already finished (SUCCESS or FAILURE) or waits in MODAL
     */
    public void failTask(String taskId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        simulator.endTask(taskId, reason);
    }

    /**
     * Cancels a task that has not finished: from this instant on it shows what each server shows for a cancelled
     * job. Same as the cancel route, without a request.
     * <ul>
     *   <li>midjourney-proxy modes: {@code FAILURE} with fail reason {@code "取消任务"}, as trueai's cancel route
     *       leaves it (docs/protocols.md §g.15, §h.2.6);</li>
     *   <li>apimart (no public cancel route): the unified {@code GET /v1/tasks/{id}} says {@code cancelled} with no
     *       {@code error}, as apimart's task status page lists it; the MJ-style {@code GET /v1/midjourney/{id}},
     *       for which apimart documents no cancel status, says {@code CANCEL} (the midjourney-proxy family's, §a.7)
     *       with no {@code fail_reason}. A client's wait fails with status {@code CANCEL};</li>
     *   <li>JourneyAPI (no cancel route, no cancelled status): {@code failed} with {@code error} the cancel text of
     *       the midjourney-proxy the job runs on, {@code "取消任务"} (§e).</li>
     * </ul>
     *
     * @param taskId the id the server gave the task
     * @throws IllegalArgumentException if no task has that id
     * @throws IllegalStateException    if the task already finished (SUCCESS or FAILURE) or waits in MODAL
     */
    public void cancelTask(String taskId) {
        simulator.endTask(taskId, null);
    }

    /**
     * Freezes a task that has not finished as it is now: its status, progress and times stop changing however far
     * the server's clock moves, and it keeps its job slot (tasks queued behind it wait), as a job stuck on
     * Discord does. Only {@link #failTask} or {@link #cancelTask} end it. Idempotent.
     *
     * @param taskId the id the server gave the task
     * @throws IllegalArgumentException if no task has that id
     * @throws IllegalStateException    if the task already finished (SUCCESS or FAILURE) or waits in MODAL
     */
    public void stallTask(String taskId) {
        simulator.stallTask(taskId);
    }

    /** Drops every fault not used yet. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Every request received so far (the last 10,000), oldest first.
     *
     * @return an immutable snapshot
     */
    public List<RecordedCall> journal() {
        return journal.all();
    }

    /**
     * The requests received on one route, oldest first.
     *
     * @param route the route; {@link Route#ANY} for all
     * @return an immutable snapshot
     * @throws IllegalArgumentException if {@code route} is null
     */
    public List<RecordedCall> journal(Route route) {
        if (route == null) {
            throw new IllegalArgumentException("route must not be null");
        }
        return journal.of(route);
    }

    /** Empties the journal. */
    public void clearJournal() {
        journal.clear();
    }

    /** Stops listening and stops the server's threads. Idempotent. */
    @Override
    public void close() {
        if (clockListener != null) {
            ((SimulatedClock) config.clock()).removeListener(clockListener);
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        simulator.close();
        http.close();
    }

    /**
     * A summary.
     *
     * @return e.g.
     *     {@code FakeMidjourneyServer[http://127.0.0.1:40123, provider=CometAPI, auth=BEARER, remix=false]}
     */
    @Override
    public String toString() {
        return "FakeMidjourneyServer[" + baseUrl + ", provider=" + config.provider().name() + ", auth="
                + (config.apiKey() == null ? "none" : config.authScheme()) + ", remix=" + config.remix()
                + (config.legacy() ? ", legacy open-source" : "") + "]";
    }

    private void tick() {
        try {
            simulator.catchUp();
        } catch (RuntimeException e) {
            LOG.warn("notifyHook callbacks failed", e);
        }
    }

    private void forgetRecorded() {
        try {
            RecordedRequest old;
            do {
                old = http.takeRequest(0, TimeUnit.NANOSECONDS);
            } while (old != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Configures a {@link FakeMidjourneyServer}. Not thread-safe. Every setter validates its argument at once and
     * throws {@link IllegalArgumentException} naming it.
     */
    public static final class Builder {
        private String apiKey = DEFAULT_API_KEY;
        private Provider provider = Providers.cometApi();
        private AuthScheme authScheme;
        private final Map<Speed, AccountLimits> limits = new EnumMap<>(Speed.class);
        private Clock clock = Clock.systemUTC();
        private VirtualTime virtualTime;
        private boolean remix;
        private boolean legacy;
        private Set<String> bannedWords = Set.of("nsfw", "gore");
        private Long randomSeed;
        private int port;
        private String notifyHook;

        private Builder() {
            limits.put(Speed.TURBO, new AccountLimits(3, 10, Duration.ofSeconds(2)));
            limits.put(Speed.FAST, new AccountLimits(3, 10, Duration.ofSeconds(4)));
            limits.put(Speed.RELAX, new AccountLimits(3, 10, Duration.ofSeconds(8)));
        }

        /**
         * The key requests must carry. Default {@link FakeMidjourneyServer#DEFAULT_API_KEY}.
         *
         * @param key the key, or {@code null} to accept every request (a proxy without {@code mj.api-secret})
         * @return this builder
         * @throws IllegalArgumentException if {@code key} is blank or holds a line break
         */
        public Builder apiKey(String key) {
            if (key != null && (key.isBlank() || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0)) {
                throw new IllegalArgumentException("apiKey must be null or a non-blank single line");
            }
            this.apiKey = key == null ? null : key.trim();
            return this;
        }

        /**
         * The dialect to speak, as the SDK's preset for that provider speaks it: {@link Providers#cometApi()} and
         * {@link Providers#midjourneyProxy(String)} (midjourney-proxy; the preset's URL is ignored),
         * {@link Providers#apimart()}, {@link Providers#journeyApi()}. Also sets the default
         * {@link #authScheme(AuthScheme)} to the provider's. Default {@link Providers#cometApi()}.
         *
         * @param preset one of {@link Providers}, e.g. from {@link Providers#named(String)}
         * @return this builder
         * @throws IllegalArgumentException if {@code preset} is null or not one of {@link Providers}
         */
        public Builder provider(Provider preset) {
            if (preset == null) {
                throw new IllegalArgumentException("provider must not be null");
            }
            Dialect.of(preset);
            this.provider = preset;
            return this;
        }

        /**
         * How requests must carry the key: {@code Authorization: Bearer <key>}, {@code mj-api-secret: <key>} or
         * {@code Authorization: <key>}. Default: the provider's ({@link AuthScheme#BEARER} for CometAPI and
         * apimart, {@link AuthScheme#MJ_API_SECRET} for a self-hosted midjourney-proxy, {@link AuthScheme#RAW} for
         * JourneyAPI).
         *
         * @param scheme the scheme
         * @return this builder
         * @throws IllegalArgumentException if {@code scheme} is null
         */
        public Builder authScheme(AuthScheme scheme) {
            if (scheme == null) {
                throw new IllegalArgumentException("authScheme must not be null");
            }
            this.authScheme = scheme;
            return this;
        }

        /**
         * How long a job runs at a tier, from getting a job slot to SUCCESS. Defaults: TURBO 2 s, FAST 4 s,
         * RELAX 8 s. Plain {@code /mj} runs as FAST. The preset client's deadline for the tier follows it:
         * {@code max(10 minutes, 60 × duration)} (see {@link FakeMidjourneyServer#newClientBuilder()}).
         *
         * @param speed    the tier
         * @param duration positive
         * @return this builder
         * @throws IllegalArgumentException if {@code speed} is null or {@code duration} is null, zero or negative
         */
        public Builder duration(Speed speed, Duration duration) {
            if (speed == null) {
                throw new IllegalArgumentException("speed must not be null");
            }
            if (duration == null || duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("duration must be positive, got " + duration);
            }
            limits.put(speed, limits.get(speed).withJobDuration(duration));
            return this;
        }

        /**
         * The account's limits at one tier: jobs at once, queue length and job duration (see
         * {@link AccountLimits} for how queued and refused submits are answered in each dialect). Each tier has its
         * own slots and line. Defaults: 3 at once and 10 queued at every tier; TURBO 2 s, FAST 4 s, RELAX 8 s. Plain
         * {@code /mj}, the open-source legacy mode and every JourneyAPI job count as FAST. Replaces what
         * {@link #concurrency(int)}, {@link #queueSize(int)} and {@link #duration(Speed, Duration)} set for that
         * tier, and they in turn change it.
         *
         * <pre>{@code
         * FakeMidjourneyServer.builder()
         *         .accountLimits(Speed.FAST, new AccountLimits(3, 10, Duration.ofSeconds(2)))
         *         .accountLimits(Speed.RELAX, new AccountLimits(1, 100, Duration.ofSeconds(30)))
         * }</pre>
         *
         * @param speed       the tier
         * @param tierLimits  its limits
         * @return this builder
         * @throws IllegalArgumentException if {@code speed} or {@code tierLimits} is null
         */
        public Builder accountLimits(Speed speed, AccountLimits tierLimits) {
            if (speed == null) {
                throw new IllegalArgumentException("speed must not be null");
            }
            if (tierLimits == null) {
                throw new IllegalArgumentException("accountLimits must not be null");
            }
            limits.put(speed, tierLimits);
            return this;
        }

        /**
         * The clock the lifecycle runs on. Default the system clock (real time). With a {@link SimulatedClock},
         * tasks progress as you advance it, and callbacks are sent when it moves.
         *
         * @param source the clock
         * @return this builder
         * @throws IllegalArgumentException if {@code source} is null
         */
        public Builder clock(Clock source) {
            if (source == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = source;
            this.virtualTime = null;
            return this;
        }

        /**
         * Runs the server on virtual time: its clock is {@code time.clock()}, and
         * {@link FakeMidjourneyServer#newClientBuilder()} wires clients to {@code time} as well. Replaces
         * {@link #clock(Clock)}.
         *
         * @param time the virtual time
         * @return this builder
         * @throws IllegalArgumentException if {@code time} is null
         */
        public Builder virtualTime(VirtualTime time) {
            if (time == null) {
                throw new IllegalArgumentException("virtualTime must not be null");
            }
            this.virtualTime = time;
            this.clock = time.clock();
            return this;
        }

        /**
         * Remix mode for every request: reroll, variation, Vary and pan stop in MODAL (code 21) until
         * {@code /submit/modal}. Default off; a request can still ask for it with {@code enableRemix: true}.
         * midjourney-proxy only: {@link #start()} refuses it with another provider.
         *
         * @param on whether Remix is on
         * @return this builder
         */
        public Builder remix(boolean on) {
            this.remix = on;
            return this;
        }

        /**
         * Behave like the open-source novicezk/midjourney-proxy 2.6: tasks have no buttons and no trueai-org
         * fields, {@code /submit/action}, {@code /submit/modal} and every path under a tier prefix answer 404 with
         * Spring's JSON error, and U/V/reroll go through {@code /submit/change} (a reroll's action is
         * {@code REROLL}). Default off. Clients must use no speed tier against such a server. midjourney-proxy only:
         * {@link #start()} refuses it with another provider.
         *
         * @param on whether to behave like the open-source proxy
         * @return this builder
         */
        public Builder legacyOpenSource(boolean on) {
            this.legacy = on;
            return this;
        }

        /**
         * How many jobs run at once at every tier; more wait in the queue. Default 3 (the proxy's
         * {@code core-size}). Same as {@link #accountLimits(Speed, AccountLimits)} with
         * {@link AccountLimits#withJobsAtOnce(int)} for each tier.
         *
         * @param jobs 1 to 100
         * @return this builder
         * @throws IllegalArgumentException if {@code jobs} is outside 1–100
         */
        public Builder concurrency(int jobs) {
            if (jobs < 1 || jobs > 100) {
                throw new IllegalArgumentException("concurrency must be 1..100, got " + jobs);
            }
            limits.replaceAll((speed, tier) -> tier.withJobsAtOnce(jobs));
            return this;
        }

        /**
         * How many jobs may wait for a slot at every tier; one more is refused (code 23 in the midjourney-proxy
         * dialect, see {@link AccountLimits}). Default 10 (the proxy's {@code queue-size}). Same as
         * {@link #accountLimits(Speed, AccountLimits)} with {@link AccountLimits#withQueueLength(int)} for each
         * tier.
         *
         * @param jobs 0 to 10,000
         * @return this builder
         * @throws IllegalArgumentException if {@code jobs} is outside 0–10,000
         */
        public Builder queueSize(int jobs) {
            if (jobs < 0 || jobs > 10_000) {
                throw new IllegalArgumentException("queueSize must be 0..10000, got " + jobs);
            }
            limits.replaceAll((speed, tier) -> tier.withQueueLength(jobs));
            return this;
        }

        /**
         * Words that make a prompt refused with code 24 (whole words, any case). Default {@code nsfw},
         * {@code gore}.
         *
         * @param words the words; empty for none
         * @return this builder
         * @throws IllegalArgumentException if {@code words} is null or holds a null or blank word
         */
        public Builder bannedWords(Collection<String> words) {
            if (words == null) {
                throw new IllegalArgumentException("bannedWords must not be null");
            }
            Set<String> normal = new LinkedHashSet<>();
            for (String word : words) {
                if (word == null || word.isBlank()) {
                    throw new IllegalArgumentException("bannedWords must not hold null or blank words");
                }
                normal.add(word.trim().toLowerCase(Locale.ROOT));
            }
            this.bannedWords = Set.copyOf(normal);
            return this;
        }

        /**
         * The seed of the server's random source (the three random digits of task ids, image hashes, job seeds).
         * Default: a random seed. With a fixed seed and a {@link SimulatedClock}, a run is reproducible.
         *
         * @param seed any value
         * @return this builder
         */
        public Builder randomSeed(long seed) {
            this.randomSeed = seed;
            return this;
        }

        /**
         * The port to listen on. Default 0: any free port.
         *
         * @param number 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if {@code number} is outside 0–65535
         */
        public Builder port(int number) {
            if (number < 0 || number > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + number);
            }
            this.port = number;
            return this;
        }

        /**
         * A callback URL for tasks whose submit names none (the proxy's global {@code mj.notify-hook}). Default
         * none. midjourney-proxy only: apimart has no callbacks, and JourneyAPI tasks call only their own
         * {@code webhook_url}.
         *
         * @param url an http(s) URL, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException if {@code url} is not an http(s) URL
         */
        public Builder notifyHook(String url) {
            if (url != null && HttpUrl.parse(url) == null) {
                throw new IllegalArgumentException("notifyHook must be an http(s) URL, got " + url);
            }
            this.notifyHook = url;
            return this;
        }

        /**
         * Starts the server.
         *
         * @return the running server; close it when done
         * @throws IllegalArgumentException if {@link #remix(boolean)} or {@link #legacyOpenSource(boolean)} is on
         *                                  with a provider that is not midjourney-proxy
         * @throws UncheckedIOException     if the port could not be bound
         */
        public FakeMidjourneyServer start() {
            Dialect dialect = Dialect.of(provider);
            if (dialect != Dialect.PROXY && (remix || legacy)) {
                throw new IllegalArgumentException((remix ? "remix" : "legacyOpenSource") + " is a midjourney-proxy"
                        + " setting: " + provider.name() + " has no such mode");
            }
            long seed = randomSeed != null ? randomSeed : ThreadLocalRandom.current().nextLong();
            AuthScheme scheme = authScheme != null ? authScheme : provider.defaultAuthScheme();
            Map<Speed, TierLimits> tiers = new EnumMap<>(Speed.class);
            limits.forEach((speed, tier) -> tiers.put(speed,
                    new TierLimits(tier.jobsAtOnce(), tier.queueLength(), tier.jobDuration())));
            ServerConfig config = new ServerConfig(apiKey, scheme, Map.copyOf(tiers), clock, remix, legacy,
                    bannedWords, seed, port, notifyHook, provider, dialect);
            try {
                return new FakeMidjourneyServer(config, virtualTime);
            } catch (IOException e) {
                throw new UncheckedIOException("FakeMidjourneyServer could not listen on 127.0.0.1:" + port, e);
            }
        }
    }
}
