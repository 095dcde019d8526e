package io.github.mjsdk.testkit.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.testkit.Fault;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.slf4j.LoggerFactory;

/**
 * The soak (docs/reliability.md): imagine → wait → reroll → wait flows against the {@link FakeMidjourneyServer} on
 * virtual time, with a share of all requests answered by an injected fault (HTML 500/502/503 pages, 429 with
 * Retry-After, connections reset before the answer, and answers so slow that the client times out after the server
 * did the work). Checked against the server's journal:
 * <ul>
 *   <li>every future completes;</li>
 *   <li>no lost wait: every wait on a task the server accepted ends in SUCCESS, whatever faults its polls met;</li>
 *   <li>no duplicate submit: the server processed at most one imagine per flow and one reroll per grid, exactly one
 *       when the client was told the submit succeeded, and none when the client was told it failed, unless the
 *       failure said the request may have been processed;</li>
 *   <li>a submit fails only with a typed exception, and only when a fault hit that very submit (or the reroll's
 *       parent fetch).</li>
 * </ul>
 *
 * <p>500 flows by default, in waves of 50; {@code -Dmjsdk.soak.flows=10000} runs the full soak (figures in
 * docs/reliability.md), {@code -Dmjsdk.soak.faultRate} and {@code -Dmjsdk.soak.seed} change the fault share (default
 * 0.02) and the seed of the fault schedule.
 */
class SoakTest {
    private static final int WAVE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PollOptions POLLS = new PollOptions(Duration.ofMinutes(10), Duration.ofMillis(400),
            Duration.ofMillis(400));
    /** A body so slow that the client's read timeout ({@link #READ_TIMEOUT}) fires after the server did the work. */
    private static final Fault SLOW = Fault.slowBody(Duration.ofSeconds(16));
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final List<Fault> FAULTS = List.of(Fault.htmlError(500), Fault.htmlError(502), Fault.htmlError(503),
            Fault.rateLimited(Duration.ofSeconds(1)), Fault.resetConnection(), SLOW);

    @Test
    void flowsSurviveInjectedFaultsWithoutLosingOrDoublingWork(TestReporter reporter) throws Exception {
        int flows = Integer.getInteger("mjsdk.soak.flows", 500);
        double faultRate = Double.parseDouble(System.getProperty("mjsdk.soak.faultRate", "0.02"));
        Random random = new Random(Long.getLong("mjsdk.soak.seed", 20261121L));
        Tally tally = new Tally();
        FaultInjector injector;
        long started = System.nanoTime();

        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).concurrency(100)
                     .queueSize(10_000).randomSeed(random.nextLong()).start();
             MidjourneyClient client = server.newClientBuilder().callbackExecutor(Runnable::run).readTimeout(READ_TIMEOUT)
                     .okHttpClient(time.okHttpClient().newBuilder()
                             .addInterceptor(injector = new FaultInjector(server, faultRate, random)).build())
                     .build()) {
            Instant virtualStart = time.clock().instant();
            for (int first = 0; first < flows; first += WAVE) {
                List<Flow> wave = runWave(time, client, first, Math.min(WAVE, flows - first));
                List<RecordedCall> calls = server.journal();
                server.clearJournal();
                server.clearFaults();
                tally.check(wave, calls);
            }
            tally.virtual = Duration.between(virtualStart, time.clock().instant());
        }
        tally.real = Duration.ofNanos(System.nanoTime() - started);

        reporter.publishEntry("soak", tally.toString());
        LoggerFactory.getLogger(SoakTest.class).info("soak: {}", tally);
        assertThat(tally.flows).isEqualTo(flows);
        assertThat(tally.completed).as("flows completed").isEqualTo(flows);
        assertThat(tally.lostWaits).as("waits that did not end in SUCCESS").isZero();
        assertThat(tally.duplicates).as("submits the server processed twice").isZero();
        assertThat(tally.unexplainedFailures).as("submit failures without a fault on that submit").isEmpty();
        assertThat(tally.succeeded).as("flows that ended with a rerolled grid").isGreaterThan(flows * 8 / 10);
        double share = (double) tally.faulted / tally.requests;
        double spread = 4 * Math.sqrt(faultRate * (1 - faultRate) / tally.requests);
        assertThat(share).as("share of requests answered by a fault (the rate ± 4 standard deviations)")
                .isBetween(faultRate - spread, faultRate + spread);
        assertThat(tally.faulted).as("faults the server played").isEqualTo(injector.armed.get());
    }

    /**
     * Starts a wave of flows from the scheduler's own thread, so that virtual time cannot move while they start, and
     * waits (real time, bounded) until every one has completed.
     */
    private static List<Flow> runWave(VirtualTime time, MidjourneyClient client, int first, int count)
            throws Exception {
        List<Flow> wave = new ArrayList<>();
        CompletableFuture<Void> launched = new CompletableFuture<>();
        time.scheduler().execute(() -> {
            for (int i = 0; i < count; i++) {
                wave.add(new Flow(first + i, client));
            }
            launched.complete(null);
        });
        launched.get(30, TimeUnit.SECONDS);
        for (Flow flow : wave) {
            try {
                flow.done.get(120, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("flow " + flow.index + " did not complete: " + flow, e);
            }
        }
        return wave;
    }

    /**
     * Before a request leaves the client, with probability {@code rate}, arms the server to answer the next request
     * it receives with a fault drawn from {@link #FAULTS}: about {@code rate} of all requests meet a fault (with
     * several requests in flight, the fault may land on another of them, which changes nothing to the share).
     */
    static final class FaultInjector implements Interceptor {
        private final FakeMidjourneyServer server;
        private final double rate;
        private final Random random;
        final AtomicLong armed = new AtomicLong();

        FaultInjector(FakeMidjourneyServer server, double rate, Random random) {
            this.server = server;
            this.rate = rate;
            this.random = random;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Fault fault = null;
            synchronized (random) {
                if (random.nextDouble() < rate) {
                    fault = FAULTS.get(random.nextInt(FAULTS.size()));
                }
            }
            if (fault != null) {
                armed.incrementAndGet();
                server.failNext(Route.ANY, 1, fault);
            }
            return chain.proceed(chain.request());
        }
    }

    /** One imagine → wait → reroll → wait flow, recording where it got to. */
    static final class Flow {
        final int index;
        final String prompt;
        final CompletableFuture<Void> done;
        volatile String gridId;
        volatile String rerollId;
        volatile Throwable submitFailure;
        volatile Throwable waitFailure;
        volatile boolean succeeded;

        Flow(int index, MidjourneyClient client) {
            this.index = index;
            this.prompt = String.format("soak flow %06d a lighthouse at dusk", index);
            this.done = client.submitImagine(ImagineRequest.of(prompt).withSpeed(Speed.TURBO))
                    .thenCompose(submitted -> {
                        gridId = submitted.taskId();
                        return waitFor(client, submitted.taskId());
                    })
                    .thenCompose(grid -> client.submitReroll(RerollRequest.of(grid.id()).withSpeed(Speed.TURBO)))
                    .thenCompose(submitted -> {
                        rerollId = submitted.taskId();
                        return waitFor(client, submitted.taskId());
                    })
                    .handle((task, error) -> {
                        if (error == null) {
                            succeeded = task.status() == TaskStatus.SUCCESS;
                        } else if (waitFailure == null) {
                            submitFailure = unwrap(error);
                        }
                        return null;
                    });
        }

        private CompletableFuture<Task> waitFor(MidjourneyClient client, String taskId) {
            return client.poller().await(taskId, POLLS).whenComplete((task, error) -> {
                if (error != null) {
                    waitFailure = unwrap(error);
                }
            });
        }

        private static Throwable unwrap(Throwable error) {
            Throwable cause = error;
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }

        @Override
        public String toString() {
            return "Flow[" + index + ", grid=" + gridId + ", reroll=" + rerollId + ", submitFailure=" + submitFailure
                    + ", waitFailure=" + waitFailure + ", succeeded=" + succeeded + "]";
        }
    }

    /** Running totals over all waves, and the checks of each wave against the server's journal. */
    static final class Tally {
        int flows;
        int completed;
        int succeeded;
        int lostWaits;
        int duplicates;
        int reportedOrphans;
        long requests;
        long faulted;
        long submits;
        final Map<Route, Long> faultsByRoute = new EnumMap<>(Route.class);
        final Map<String, Integer> failuresByType = new TreeMap<>();
        final List<String> unexplainedFailures = new ArrayList<>();
        Duration virtual = Duration.ZERO;
        Duration real = Duration.ZERO;

        void check(List<Flow> wave, List<RecordedCall> calls) {
            Map<String, Integer> imagines = new HashMap<>();
            Map<String, Integer> rerolls = new HashMap<>();
            Map<String, Integer> faultedSubmits = new HashMap<>();
            Map<String, Integer> faultedFetches = new HashMap<>();
            for (RecordedCall call : calls) {
                requests++;
                String key = key(call);
                if (call.fault() != null) {
                    faulted++;
                    faultsByRoute.merge(call.route(), 1L, Long::sum);
                    if (key != null) {
                        (call.route() == Route.FETCH ? faultedFetches : faultedSubmits).merge(key, 1, Integer::sum);
                    }
                }
                boolean processed = call.status() == 200 && (call.fault() == null || call.fault().equals(SLOW));
                if (!processed) {
                    continue;
                }
                if (call.route() == Route.IMAGINE) {
                    submits++;
                    imagines.merge(key, 1, Integer::sum);
                } else if (call.route() == Route.ACTION) {
                    submits++;
                    rerolls.merge(key, 1, Integer::sum);
                }
            }
            for (Flow flow : wave) {
                flows++;
                completed += flow.done.isDone() ? 1 : 0;
                succeeded += flow.succeeded ? 1 : 0;
                if (flow.waitFailure != null) {
                    lostWaits++;
                }
                int processedImagines = imagines.getOrDefault(flow.prompt, 0);
                int processedRerolls = flow.gridId == null ? 0 : rerolls.getOrDefault(flow.gridId, 0);
                if (processedImagines > 1 || processedRerolls > 1) {
                    duplicates++;
                }
                if (flow.gridId != null && processedImagines != 1 || flow.rerollId != null && processedRerolls != 1) {
                    unexplainedFailures.add("accepted submit not processed exactly once: " + flow);
                }
                if (flow.submitFailure != null) {
                    explain(flow, faultedSubmits, faultedFetches);
                    boolean maybe = flow.submitFailure instanceof TransportException
                            && ((TransportException) flow.submitFailure).requestMayHaveBeenProcessed();
                    int processed = flow.gridId == null ? processedImagines : processedRerolls;
                    if (processed == 1 && maybe) {
                        reportedOrphans++;
                    } else if (processed != 0) {
                        unexplainedFailures.add("failed submit processed " + processed + " times, not reported as"
                                + " possibly processed: " + flow);
                    }
                }
            }
        }

        /**
         * A failed submit must be typed and must have met a fault: its imagine or its reroll (keyed by prompt and by
         * parent id), or every attempt of the reroll's parent fetch (1 + 2 retries).
         */
        private void explain(Flow flow, Map<String, Integer> faultedSubmits, Map<String, Integer> faultedFetches) {
            Throwable failure = flow.submitFailure;
            failuresByType.merge(failure.getClass().getSimpleName(), 1, Integer::sum);
            boolean typed = failure instanceof ApiException || failure instanceof TransportException;
            String key = flow.gridId == null ? flow.prompt : flow.gridId;
            boolean faulted = faultedSubmits.containsKey(key)
                    || flow.gridId != null && faultedFetches.getOrDefault(flow.gridId, 0) >= 3;
            if (!typed || !faulted) {
                unexplainedFailures.add(flow + " (fault on that submit: " + faulted + ")");
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
                String[] parts = call.path().split("/");
                return parts.length >= 2 ? parts[parts.length - 2] : null;
            }
            return null;
        }

        private static JsonNode json(String body) {
            try {
                return JSON.readTree(body.isEmpty() ? "{}" : body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return String.format("flows=%d completed=%d succeeded=%d failedSubmits=%s (reported as possibly processed"
                            + " and processed: %d) lostWaits=%d duplicates=%d requests=%d processedSubmits=%d faulted=%d"
                            + " (%.2f%%) faultsByRoute=%s virtual=%s real=%s",
                    flows, completed, succeeded, failuresByType, reportedOrphans, lostWaits, duplicates, requests,
                    submits, faulted, 100.0 * faulted / Math.max(1, requests), faultsByRoute, virtual, real);
        }
    }
}
