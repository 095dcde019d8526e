package io.github.mjsdk;

import io.github.mjsdk.image.Images;
import io.github.mjsdk.internal.admission.Admission;
import io.github.mjsdk.internal.dialect.Dialect;
import io.github.mjsdk.internal.dialect.Dialects;
import io.github.mjsdk.internal.flow.FollowUps;
import io.github.mjsdk.internal.flow.Flows;
import io.github.mjsdk.internal.flow.TaskQueries;
import io.github.mjsdk.internal.flow.VaryRegion;
import io.github.mjsdk.internal.http.AuthInterceptor;
import io.github.mjsdk.internal.http.RetryPolicy;
import io.github.mjsdk.internal.http.Transport;
import io.github.mjsdk.internal.poll.DefaultTaskPoller;
import io.github.mjsdk.internal.util.DaemonThreads;
import io.github.mjsdk.internal.util.HandoffExecutor;
import io.github.mjsdk.internal.util.Redact;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.poll.PollOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The running parts of one client, wired in one place: {@link #start} reads top to bottom, each part built from
 * the ones before it, nothing set after construction.
 *
 * @param settings         what the builder resolved
 * @param closed           the client's closed flag, shared by its views and its poller
 * @param scheduler        the poll and retry timers
 * @param callbackExecutor where user futures complete
 * @param http             the derived OkHttp client (timeouts, auth interceptor)
 * @param poller           the client's poller
 * @param queries          task queries
 * @param admission        the gate of paid submits (off unless the builder set it)
 * @param flows            the Midjourney verbs
 * @param images           the image helper
 * @param followUps        the follow-ups on a finished image by its button (pan, zoom, variant, remix)
 * @param varyRegion       the Vary (Region) flow
 * @param owned            shutdown actions for what the client created
 */
record ClientRuntime(ClientSettings settings, AtomicBoolean closed, ScheduledExecutorService scheduler,
                     Executor callbackExecutor, OkHttpClient http, DefaultTaskPoller poller, TaskQueries queries,
                     Admission admission, Flows flows, Images images, FollowUps followUps, VaryRegion varyRegion,
                     List<Runnable> owned) {

    /** How long an idle HTTP dispatcher thread stays. */
    private static final Duration HTTP_KEEP_ALIVE = Duration.ofSeconds(60);
    /** How long a request handed to a busy dispatcher thread waits for it before going to another thread. */
    private static final Duration HANDOFF_GRACE = Duration.ofMillis(200);

    /** What the poller and the admission queue tell when the builder set no observer. */
    private static final ClientObserver NO_OBSERVER = new ClientObserver() { };

    static ClientRuntime start(ClientSettings s) {
        List<Runnable> owned = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        ScheduledExecutorService scheduler = s.scheduler() != null ? s.scheduler() : ownScheduler(owned);
        Executor callbacks = s.callbackExecutor() != null ? s.callbackExecutor() : ownCallbacks(owned);
        OkHttpClient http = http(s, scheduler, owned);
        // without an observer, HTTP attempts are not described at all: no event per request on the hot path
        ClientObserver listening = s.observer() == null ? null : new SafeObserver(s.observer());
        ClientObserver observer = listening == null ? NO_OBSERVER : listening;
        Transport transport = new Transport(http, s.baseUrl(), secrets(s),
                new RetryPolicy(() -> ThreadLocalRandom.current().nextDouble()), s.requestDefaults().resolved(),
                scheduler, s.clock(), s.maxResponseBytes(), listening);
        Dialect dialect = Dialects.of(s.provider(), s.webhookSecret(), s.accountBaseUrl());
        TaskQueries queries = new TaskQueries(dialect, transport, s.clock(), s.provider().capabilities().batchQuery());
        PollOptions awaitDefaults = dialect.serverDefaultTier() != null
                ? s.pollOptions().apply(dialect.serverDefaultTier()) : PollOptions.defaults();
        DefaultTaskPoller poller = new DefaultTaskPoller(queries, scheduler, s.clock(), callbacks, closed::get,
                s.pollBatchSize(), () -> ThreadLocalRandom.current().nextDouble(), s.pollConcurrency(),
                s.provider().capabilities().batchQuery(), observer, awaitDefaults);
        Admission admission = s.admission() == null ? Admission.off()
                : Admission.queue(s.admission(), scheduler, s.clock(), observer);
        Flows flows = new Flows(dialect, transport, queries, admission, poller, s.clock(), s.defaultSpeed(),
                s.notifyHook(), s.pollOptions());
        Images images = Images.create(http, callbacks, s.maxImageBytes(), s.allowLinkLocalImages());
        FollowUps followUps = new FollowUps(flows, dialect);
        VaryRegion varyRegion = new VaryRegion(flows, dialect, images);
        return new ClientRuntime(s, closed, scheduler, callbacks, http, poller, queries, admission, flows, images,
                followUps, varyRegion, List.copyOf(owned));
    }

    void shutdownOwned() {
        owned.forEach(Runnable::run);
    }

    private static ScheduledExecutorService ownScheduler(List<Runnable> owned) {
        ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, new DaemonThreads("mjsdk-scheduler"));
        own.setRemoveOnCancelPolicy(true);
        owned.add(own::shutdownNow);
        return own;
    }

    private static Executor ownCallbacks(List<Runnable> owned) {
        ExecutorService own = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DaemonThreads("mjsdk-callback"));
        owned.add(own::shutdown);
        return own;
    }

    /**
     * The OkHttp client: the injected one's settings, or a dispatcher of our own whose threads are reused by the
     * request each of them starts ({@link HandoffExecutor}): the poller starts its next request from the callback
     * of the one that just answered, and a plain cached pool would start a thread for it every so often.
     */
    private static OkHttpClient http(ClientSettings s, ScheduledExecutorService scheduler, List<Runnable> owned) {
        OkHttpClient.Builder builder;
        if (s.okHttpClient() != null) {
            builder = s.okHttpClient().newBuilder();
        } else {
            ExecutorService pool = new HandoffExecutor(new DaemonThreads("mjsdk-http"), HTTP_KEEP_ALIVE, scheduler,
                    HANDOFF_GRACE);
            Dispatcher dispatcher = new Dispatcher(pool);
            dispatcher.setMaxRequests(128);
            dispatcher.setMaxRequestsPerHost(64);
            ConnectionPool connections = new ConnectionPool(16, 5, TimeUnit.MINUTES);
            builder = new OkHttpClient.Builder().dispatcher(dispatcher).connectionPool(connections);
            owned.add(() -> {
                pool.shutdown();
                connections.evictAll();
            });
        }
        builder.connectTimeout(s.connectTimeout()).readTimeout(s.readTimeout()).writeTimeout(s.readTimeout())
                .callTimeout(s.callTimeout()).retryOnConnectionFailure(false);
        builder.addNetworkInterceptor(s.apiKey() == null ? new AuthInterceptor(s.baseUrl(), null, null)
                : new AuthInterceptor(s.baseUrl(), s.authScheme().headerName(),
                        s.authScheme().headerValue(s.apiKey()), s.apiKey()));
        return builder.build();
    }

    /** The key, the webhook secret, long extra header values and the notifyHook's query tokens. */
    private static List<String> secrets(ClientSettings s) {
        List<String> secrets = new ArrayList<>();
        s.requestDefaults().headers().values().stream().filter(value -> value.length() >= Redact.MIN_GUESSED_SECRET)
                .forEach(secrets::add);
        secrets.add(s.apiKey());
        secrets.add(s.webhookSecret());
        return Redact.secretsOf(secrets, s.notifyHook());
    }
}
