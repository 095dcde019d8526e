package io.github.mjsdk.testkit.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.RequestOptions;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Fault;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.slf4j.LoggerFactory;

/**
 * The mixed-fault soak (docs/reliability.md, "Soak"): imagine → wait → reroll → wait flows against the
 * {@link FakeMidjourneyServer} on {@link VirtualTime}, with faults injected at random (seeded) into a share of all
 * requests: HTML 500/502 pages, 429 and 503 with {@code Retry-After}, connections reset before the answer, redirects
 * (followed by queries, a typed failure for submits), connections closed after the answer (so that the next request
 * on that pooled connection meets a stale connection), and drip bodies whose gaps are on the virtual clock. Some
 * flows are cut short on purpose: a user cancels one of their waits, their wait has a deadline shorter than the job,
 * or their submits carry a 3 s per-call deadline (and draw extra drip bodies and long {@code Retry-After}s, so that
 * the deadline does expire on some of them). Nothing depends on real time: the client keeps its default 30 s read
 * timeout, which no healthy answer comes near, and every deadline is counted on the virtual clock.
 *
 * <p>Checked per wave, against the server's journal:
 * <ul>
 *   <li>every future (submit, wait, flow) completes, within its deadline plus 1 s of virtual time;</li>
 *   <li>no submit processed twice: at most one processed imagine per flow and one processed reroll per grid, exactly
 *       one when the client was told the submit succeeded, none when it was told it failed, unless the failure said
 *       the request may have been processed;</li>
 *   <li>every flow whose submits were accepted and whose wait was neither cancelled nor timed out ends in SUCCESS;</li>
 *   <li>every failure is a typed {@link MidjourneyException} ({@link TaskTimeoutException} for a wait deadline), or
 *       a {@link CancellationException} for a cancelled wait;</li>
 *   <li>a submit fails only where a fault hit that submit (or every attempt of the reroll's parent fetch), or, on a
 *       flow with a per-call deadline, where that deadline passed;</li>
 * </ul>
 * and at the end: every fault kind was played, no HTTP call is left in the dispatcher, and after closing no
 * {@code mjsdk-*}, {@code fake-midjourney*} or {@code MockWebServer*} thread more than before.
 *
 * <p>2,000 flows by default, in waves of 50; {@code -Dmjsdk.soak.flows=20000} runs the long soak (figures in
 * docs/reliability.md). {@code -Dmjsdk.soak.faultRate} (default 0.03) and {@code -Dmjsdk.soak.seed} change the
 * share of faulted requests and the seed.
 */
class SoakTest {
    private static final int WAVE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(400);
    private static final PollOptions POLLS = new PollOptions(WAIT_TIMEOUT, POLL, POLL);
    /** The client's own request deadline (the SDK's default), and the one of the per-call-deadline flows. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CALL_DEADLINE = Duration.ofSeconds(3);
    private static final Duration GRACE = Duration.ofSeconds(1);

    private static final Fault DRIP = Fault.dripBody(Duration.ofSeconds(4));
    private static final Fault LONG_DRIP = Fault.dripBody(Duration.ofSeconds(8));
    private static final Fault STALE = Fault.closeAfterAnswer();
    /** The faults after which the server has processed the request. */
    private static final Set<Fault> PROCESSING = Set.of(DRIP, LONG_DRIP, STALE);
    /** Drawn for any request. */
    private static final List<Fault> FAULTS = List.of(Fault.htmlError(500), Fault.htmlError(502),
            Fault.rateLimited(Duration.ofSeconds(1)), Fault.rateLimited(Duration.ofSeconds(2)),
            Fault.unavailable(Duration.ofSeconds(1)), Fault.unavailable(Duration.ofSeconds(2)),
            Fault.resetConnection(), Fault.redirect(307), Fault.redirect(302), STALE, DRIP);
    /** Drawn, more often, for the submits of the per-call-deadline flows: each outlasts {@link #CALL_DEADLINE}. */
    private static final List<Fault> HOT_FAULTS = List.of(LONG_DRIP, Fault.rateLimited(Duration.ofSeconds(5)),
            Fault.unavailable(Duration.ofSeconds(5)));
    private static final double HOT_RATE = 0.4;

    /** What a flow does besides the plain imagine → wait → reroll → wait. */
    enum Kind {
        /** Nothing else. */
        PLAIN,
        /** A user cancels one of its two waits, at a random virtual instant. */
        CANCEL_WAIT,
        /** One of its waits has a deadline of 1–3 s, while a TURBO job takes 2 s. */
        WAIT_DEADLINE,
        /** Its submits (and the reroll's parent fetch) carry a per-call deadline of {@link #CALL_DEADLINE}. */
        CALL_DEADLINE
    }

    @Test
    void mixedFaultsCancelsAndDeadlinesNeitherHangNorDoubleNorLoseWork(TestReporter reporter) throws Exception {
        int flows = Integer.getInteger("mjsdk.soak.flows", 2000);
        double faultRate = Double.parseDouble(System.getProperty("mjsdk.soak.faultRate", "0.03"));
        long seed = Long.getLong("mjsdk.soak.seed", 20261126L);
        Random random = new Random(seed);
        // the plan of the flows (kinds, cancel instants, wait deadlines) comes from a source of its own, drawn in
        // launch order on the scheduler thread: the same for a seed; the faults depend on thread timing as well
        Random plan = new Random(seed ^ 0x5EEDL);
        Tally tally = new Tally();
        FaultInjector injector;
        long threadsBefore = ourThreads();
        long started = System.nanoTime();

        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).concurrency(100)
                     .queueSize(10_000).randomSeed(random.nextLong()).start();
             MidjourneyClient client = server.newClientBuilder().callbackExecutor(Runnable::run)
                     .okHttpClient(time.okHttpClient().newBuilder()
                             .addInterceptor(injector = new FaultInjector(server, faultRate, random)).build())
                     .build()) {
            MidjourneyClient hurried = client.withOptions(RequestOptions.builder().timeout(CALL_DEADLINE).build());
            Instant virtualStart = time.clock().instant();
            for (int first = 0; first < flows; first += WAVE) {
                List<Flow> wave = runWave(time, client, hurried, injector, plan, first,
                        Math.min(WAVE, flows - first));
                List<RecordedCall> calls = server.journal();
                server.clearJournal();
                server.clearFaults();
                injector.hotGrids.clear();
                tally.check(wave, calls);
            }
            tally.virtual = Duration.between(virtualStart, time.clock().instant());
            tally.armed = injector.armed.get();
            Dispatcher dispatcher = time.okHttpClient().dispatcher();
            tally.callsLeft = awaitQuiet(dispatcher);
        }
        tally.real = Duration.ofNanos(System.nanoTime() - started);
        tally.threadsLeft = awaitThreads(threadsBefore) - threadsBefore;

        reporter.publishEntry("soak", tally.toString());
        LoggerFactory.getLogger(SoakTest.class).info("soak (seed {}): {}", seed, tally);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(tally.flows).isEqualTo(flows);
        soft.assertThat(tally.pending).as("futures still pending (seed " + seed + ")").isEmpty();
        soft.assertThat(tally.late).as("futures completed later than their deadline + 1 s of virtual time (seed "
                + seed + ")").isEmpty();
        soft.assertThat(tally.lostWaits).as("waits neither cancelled nor timed out by design that did not end in"
                + " SUCCESS (seed " + seed + ")").isEmpty();
        soft.assertThat(tally.duplicates).as("submits the server processed twice (seed " + seed + ")").isZero();
        soft.assertThat(tally.unexplained).as("failures not explained by a fault, a cancel or a deadline (seed "
                + seed + ")").isEmpty();
        soft.assertThat(tally.healthyNotSucceeded).as("healthy flows that did not end in SUCCESS (seed " + seed
                + ")").isEmpty();
        soft.assertThat(tally.succeeded).as("flows that ended with a rerolled grid").isGreaterThan(flows * 7 / 10);
        soft.assertThat(tally.cancelled).as("flows whose wait a user cancelled").isPositive();
        soft.assertThat(tally.waitTimeouts).as("flows whose wait deadline expired").isPositive();
        soft.assertThat(tally.callTimeouts).as("flows whose per-call deadline expired").isPositive();
        for (Fault fault : FAULTS) {
            soft.assertThat(tally.faultsByKind).as("faults played").containsKey(fault.toString());
        }
        soft.assertThat(tally.faulted).as("faults played (at most those armed)").isLessThanOrEqualTo(tally.armed);
        soft.assertThat(tally.callsLeft).as("HTTP calls left in the dispatcher").isZero();
        soft.assertThat(tally.threadsLeft).as("mjsdk-*, fake-midjourney* and MockWebServer* threads more than"
                + " before").isLessThanOrEqualTo(0);
        soft.assertAll();
    }

    /**
     * Starts a wave of flows from the scheduler's own thread, so that virtual time cannot move while they start, and
     * waits (real time, bounded) until every one has completed.
     */
    private static List<Flow> runWave(VirtualTime time, MidjourneyClient client, MidjourneyClient hurried,
                                      FaultInjector injector, Random random, int first, int count) throws Exception {
        List<Flow> wave = new ArrayList<>();
        CompletableFuture<Void> launched = new CompletableFuture<>();
        time.scheduler().execute(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    wave.add(new Flow(first + i, time, client, hurried, injector, random));
                }
                launched.complete(null);
            } catch (RuntimeException | Error e) {
                launched.completeExceptionally(e);
            }
        });
        launched.get(30, TimeUnit.SECONDS);
        for (Flow flow : wave) {
            try {
                flow.done.get(120, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("flow " + flow.index + " did not complete in 120 s of real time: " + flow
                        + "; pending: " + flow.pending(), e);
            } catch (Exception e) {
                // the flow's own outcome is checked by the tally
            }
        }
        return wave;
    }

    /** Waits (real time, bounded) until the dispatcher has no call queued or running; returns how many are left. */
    private static int awaitQuiet(Dispatcher dispatcher) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (dispatcher.runningCallsCount() + dispatcher.queuedCallsCount() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return dispatcher.runningCallsCount() + dispatcher.queuedCallsCount();
    }

    private static long awaitThreads(long before) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        long now = ourThreads();
        while (now > before && System.nanoTime() < until) {
            Thread.sleep(50);
            now = ourThreads();
        }
        return now;
    }

    private static long ourThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("mjsdk-") || name.startsWith("fake-midjourney")
                        || name.startsWith("MockWebServer"))
                .count();
    }

    /**
     * Before a request leaves the client, with probability {@code rate}, arms the server to answer the next request
     * it receives with a fault drawn from {@link #FAULTS}; a submit of a per-call-deadline flow draws from
     * {@link #HOT_FAULTS} with probability {@link #HOT_RATE} instead. With several requests in flight the fault may
     * land on another request; the journal says where each fault landed, and the checks use the journal.
     */
    static final class FaultInjector implements Interceptor {
        private final FakeMidjourneyServer server;
        private final double rate;
        private final Random random;
        final AtomicLong armed = new AtomicLong();
        /** The grids whose reroll is a per-call-deadline flow's. */
        final Set<String> hotGrids = ConcurrentHashMap.newKeySet();

        FaultInjector(FakeMidjourneyServer server, double rate, Random random) {
            this.server = server;
            this.rate = rate;
            this.random = random;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            boolean hot = isHot(request);
            Fault fault = null;
            synchronized (random) {
                if (hot && random.nextDouble() < HOT_RATE) {
                    fault = HOT_FAULTS.get(random.nextInt(HOT_FAULTS.size()));
                } else if (random.nextDouble() < rate) {
                    fault = FAULTS.get(random.nextInt(FAULTS.size()));
                }
            }
            if (fault != null) {
                armed.incrementAndGet();
                server.failNext(Route.ANY, 1, fault);
            }
            return chain.proceed(request);
        }

        private boolean isHot(Request request) throws IOException {
            String path = request.url().encodedPath();
            if (request.body() == null || !path.contains("/submit/")) {
                return false;
            }
            Buffer body = new Buffer();
            request.body().writeTo(body);
            String text = body.readUtf8();
            if (path.endsWith("/submit/imagine")) {
                return text.contains(Kind.CALL_DEADLINE.name());
            }
            JsonNode taskId = json(text).path("taskId");
            return taskId.isTextual() && hotGrids.contains(taskId.asText());
        }
    }

    /** One imagine → wait → reroll → wait flow, recording where it got to and when each of its futures ended. */
    static final class Flow {
        final int index;
        final Kind kind;
        final String prompt;
        final Duration callTimeout;
        /** Which wait (1 or 2) is cancelled or has a short deadline; 0 for none. */
        final int specialWait;
        /** When, after the special wait starts, the user cancels it; or that wait's deadline. */
        final Duration special;
        final CompletableFuture<Void> done;
        final List<CompletableFuture<?>> futures = Collections.synchronizedList(new ArrayList<>());
        final List<String> late = Collections.synchronizedList(new ArrayList<>());
        private final VirtualTime time;
        volatile String gridId;
        volatile String rerollId;
        volatile Throwable submitFailure;
        volatile Throwable waitFailure;
        volatile int failedWait;
        volatile boolean cancelIssued;
        volatile boolean succeeded;

        Flow(int index, VirtualTime time, MidjourneyClient client, MidjourneyClient hurried, FaultInjector injector,
             Random random) {
            this.index = index;
            this.time = time;
            double draw = random.nextDouble();
            this.kind = draw < 0.80 ? Kind.PLAIN : draw < 0.87 ? Kind.CANCEL_WAIT : draw < 0.92 ? Kind.WAIT_DEADLINE
                    : Kind.CALL_DEADLINE;
            this.specialWait = kind == Kind.CANCEL_WAIT || kind == Kind.WAIT_DEADLINE ? 1 + random.nextInt(2) : 0;
            this.special = kind == Kind.CANCEL_WAIT ? Duration.ofMillis(random.nextInt(2500))
                    : kind == Kind.WAIT_DEADLINE ? Duration.ofMillis(1000 + random.nextInt(2000)) : Duration.ZERO;
            this.prompt = String.format("soak flow %06d %s a lighthouse at dusk", index, kind.name());
            this.callTimeout = kind == Kind.CALL_DEADLINE ? CALL_DEADLINE : CLIENT_TIMEOUT;
            MidjourneyClient api = kind == Kind.CALL_DEADLINE ? hurried : client;
            CompletableFuture<Void> flow = track("imagine submit", api.submitImagine(
                    ImagineRequest.of(prompt).withSpeed(Speed.TURBO)), callTimeout)
                    .thenCompose(submitted -> {
                        gridId = submitted.taskId();
                        if (kind == Kind.CALL_DEADLINE) {
                            injector.hotGrids.add(gridId);
                        }
                        return waitFor(client, submitted.taskId(), 1);
                    })
                    // a reroll is a fetch of the parent, then the submit: two requests, each with the deadline
                    .thenCompose(grid -> track("reroll submit", api.submitReroll(
                            RerollRequest.of(grid.id()).withSpeed(Speed.TURBO)), callTimeout.multipliedBy(2)))
                    .thenCompose(submitted -> {
                        rerollId = submitted.taskId();
                        return waitFor(client, submitted.taskId(), 2);
                    })
                    .handle((task, error) -> {
                        if (error == null) {
                            succeeded = task.status() == TaskStatus.SUCCESS;
                        } else if (waitFailure == null) {
                            submitFailure = unwrap(error);
                        }
                        return null;
                    });
            this.done = track("flow", flow, callTimeout.multipliedBy(3).plus(WAIT_TIMEOUT.multipliedBy(2)));
        }

        private CompletableFuture<Task> waitFor(MidjourneyClient client, String taskId, int which) {
            boolean shortWait = kind == Kind.WAIT_DEADLINE && specialWait == which;
            PollOptions options = shortWait ? new PollOptions(special, POLL, POLL) : POLLS;
            CompletableFuture<Task> wait = track("wait " + which, client.poller().await(taskId, options),
                    options.timeout());
            if (kind == Kind.CANCEL_WAIT && specialWait == which) {
                time.scheduler().schedule(() -> {
                    cancelIssued = true;
                    wait.cancel(true);
                }, special.toMillis(), TimeUnit.MILLISECONDS);
            }
            return wait.whenComplete((task, error) -> {
                if (error != null) {
                    waitFailure = unwrap(error);
                    failedWait = which;
                }
            });
        }

        /** Records the future and checks, when it ends, that it ended within {@code deadline} + 1 s. */
        private <T> CompletableFuture<T> track(String what, CompletableFuture<T> future, Duration deadline) {
            Instant start = time.clock().instant();
            futures.add(future);
            future.whenComplete((value, error) -> {
                Duration took = Duration.between(start, time.clock().instant());
                if (took.compareTo(deadline.plus(GRACE)) > 0) {
                    late.add(what + " of flow " + index + " took " + took + " (deadline " + deadline + "), ended on "
                            + Thread.currentThread().getName() + " with " + (error == null ? "success"
                            : unwrap(error).toString()));
                }
            });
            return future;
        }

        List<String> pending() {
            List<String> open = new ArrayList<>();
            synchronized (futures) {
                for (int i = 0; i < futures.size(); i++) {
                    if (!futures.get(i).isDone()) {
                        open.add("future " + i + " of flow " + index + ": " + this);
                    }
                }
            }
            return open;
        }

        private static Throwable unwrap(Throwable error) {
            Throwable cause = error;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }

        @Override
        public String toString() {
            return "Flow[" + index + " " + kind + (specialWait == 0 ? "" : " wait " + specialWait + " at " + special)
                    + ", grid=" + gridId + ", reroll=" + rerollId + ", submitFailure=" + submitFailure
                    + ", waitFailure=" + waitFailure + ", succeeded=" + succeeded + "]";
        }
    }

    /** Running totals over all waves, and the checks of each wave against the server's journal. */
    static final class Tally {
        int flows;
        int succeeded;
        int cancelled;
        int waitTimeouts;
        int callTimeouts;
        int reportedOrphans;
        int reportedNotProcessed;
        int duplicates;
        long requests;
        long faulted;
        long armed;
        long processedSubmits;
        int callsLeft;
        long threadsLeft;
        final Map<Kind, Integer> flowsByKind = new EnumMap<>(Kind.class);
        final Map<Route, Long> requestsByRoute = new EnumMap<>(Route.class);
        final Map<String, Long> faultsByKind = new TreeMap<>();
        final Map<String, Integer> submitFailuresByType = new TreeMap<>();
        final List<String> pending = new ArrayList<>();
        final List<String> late = new ArrayList<>();
        final List<String> lostWaits = new ArrayList<>();
        final List<String> unexplained = new ArrayList<>();
        final List<String> healthyNotSucceeded = new ArrayList<>();
        Duration virtual = Duration.ZERO;
        Duration real = Duration.ZERO;

        void check(List<Flow> wave, List<RecordedCall> calls) {
            Map<String, Integer> imagines = new HashMap<>();
            Map<String, Integer> rerolls = new HashMap<>();
            Map<String, Integer> faultedSubmits = new HashMap<>();
            Map<String, Integer> faultedFetches = new HashMap<>();
            for (RecordedCall call : calls) {
                requests++;
                requestsByRoute.merge(call.route(), 1L, Long::sum);
                String key = key(call);
                if (call.fault() != null) {
                    faulted++;
                    faultsByKind.merge(call.fault().toString(), 1L, Long::sum);
                    if (key != null) {
                        (call.route() == Route.FETCH ? faultedFetches : faultedSubmits).merge(key, 1, Integer::sum);
                    }
                }
                boolean processed = call.status() == 200 && (call.fault() == null || PROCESSING.contains(call.fault()));
                if (!processed) {
                    continue;
                }
                if (call.route() == Route.IMAGINE) {
                    processedSubmits++;
                    imagines.merge(key, 1, Integer::sum);
                } else if (call.route() == Route.ACTION) {
                    processedSubmits++;
                    rerolls.merge(key, 1, Integer::sum);
                }
            }
            for (Flow flow : wave) {
                flows++;
                flowsByKind.merge(flow.kind, 1, Integer::sum);
                pending.addAll(flow.pending());
                late.addAll(flow.late);
                succeeded += flow.succeeded ? 1 : 0;
                checkWait(flow);
                int processedImagines = imagines.getOrDefault(flow.prompt, 0);
                int processedRerolls = flow.gridId == null ? 0 : rerolls.getOrDefault(flow.gridId, 0);
                if (processedImagines > 1 || processedRerolls > 1) {
                    duplicates++;
                    unexplained.add("submit processed " + Math.max(processedImagines, processedRerolls)
                            + " times: " + flow);
                }
                if (flow.gridId != null && processedImagines != 1 || flow.rerollId != null && processedRerolls != 1) {
                    unexplained.add("accepted submit not processed exactly once: " + flow);
                }
                if (flow.submitFailure != null) {
                    checkSubmitFailure(flow, faultedSubmits, faultedFetches,
                            flow.gridId == null ? processedImagines : processedRerolls);
                } else if (flow.waitFailure == null && !flow.succeeded) {
                    healthyNotSucceeded.add(flow.toString());
                }
            }
        }

        /** A wait may fail only by design: cancelled by the user, or its short deadline. */
        private void checkWait(Flow flow) {
            Throwable failure = flow.waitFailure;
            if (failure == null) {
                return;
            }
            boolean special = flow.failedWait == flow.specialWait;
            if (flow.kind == Kind.CANCEL_WAIT && special && flow.cancelIssued
                    && failure instanceof CancellationException) {
                cancelled++;
            } else if (flow.kind == Kind.WAIT_DEADLINE && special && failure instanceof TaskTimeoutException) {
                waitTimeouts++;
            } else {
                lostWaits.add(flow.toString());
            }
        }

        /**
         * A failed submit must be typed and must have met a fault: its imagine or its reroll (keyed by prompt and by
         * parent id), every attempt of the reroll's parent fetch (1 + 2 retries), or, with a per-call deadline, a
         * fault on the parent fetch or the deadline itself. It must not have been processed unless the client was
         * told that it may have been.
         */
        private void checkSubmitFailure(Flow flow, Map<String, Integer> faultedSubmits,
                                        Map<String, Integer> faultedFetches, int processed) {
            Throwable failure = flow.submitFailure;
            submitFailuresByType.merge(failure.getClass().getSimpleName(), 1, Integer::sum);
            boolean typed = failure instanceof MidjourneyException;
            boolean deadline = failure instanceof TransportException
                    && String.valueOf(failure.getMessage()).contains("deadline passed");
            boolean hurried = flow.kind == Kind.CALL_DEADLINE;
            if (hurried && deadline) {
                callTimeouts++;
            }
            String key = flow.gridId == null ? flow.prompt : flow.gridId;
            int fetchFaults = flow.gridId == null ? 0 : faultedFetches.getOrDefault(flow.gridId, 0);
            boolean explained = faultedSubmits.containsKey(key) || fetchFaults >= 3
                    || hurried && (deadline || fetchFaults >= 1);
            if (!typed || !explained) {
                unexplained.add("submit failure " + (typed ? "" : "(untyped) ") + "without a fault on that submit: "
                        + flow);
            }
            boolean maybe = failure instanceof TransportException
                    && ((TransportException) failure).requestMayHaveBeenProcessed();
            if (processed == 1 && maybe) {
                reportedOrphans++;
            } else if (processed == 0 && maybe) {
                reportedNotProcessed++;
            } else if (processed != 0) {
                unexplained.add("failed submit processed " + processed + " times, not reported as possibly"
                        + " processed: " + flow);
            }
        }

        /** The prompt of an imagine, the parent of a reroll or of a fetch, else null. */
        private static String key(RecordedCall call) {
            if (call.route() == Route.IMAGINE) {
                return json(call.body()).path("prompt").asText(null);
            }
            if (call.route() == Route.ACTION) {
                return json(call.body()).path("taskId").asText(null);
            }
            if (call.route() == Route.FETCH) {
                String[] parts = call.path().split("\\?")[0].split("/");
                return parts.length >= 2 ? parts[parts.length - 2] : null;
            }
            return null;
        }

        @Override
        public String toString() {
            return String.format("flows=%d %s succeeded=%d cancelled=%d waitTimeouts=%d callTimeouts=%d"
                            + " failedSubmits=%s (reported as possibly processed: processed %d, not processed %d)"
                            + " lostWaits=%d duplicates=%d pending=%d late=%d requests=%d %s processedSubmits=%d"
                            + " faulted=%d of %d armed (%.2f%%) faultsByKind=%s callsLeft=%d threadsLeft=%d"
                            + " virtual=%s real=%s",
                    flows, flowsByKind, succeeded, cancelled, waitTimeouts, callTimeouts, submitFailuresByType,
                    reportedOrphans, reportedNotProcessed, lostWaits.size(), duplicates, pending.size(), late.size(),
                    requests, requestsByRoute, processedSubmits, faulted, armed,
                    100.0 * faulted / Math.max(1, requests), faultsByKind, callsLeft, threadsLeft, virtual, real);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
