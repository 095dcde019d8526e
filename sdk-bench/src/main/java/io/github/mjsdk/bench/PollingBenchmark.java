package io.github.mjsdk.bench;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.poll.PollOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Benchmark 2, polling cost: N waits on tasks that stay IN_PROGRESS, polled by the SDK's batched poller (default
 * {@code pollBatchSize} 100: {@code list-by-condition}) and, as the baseline, by the same poller one task per
 * request ({@code pollBatchSize(1)}: {@code GET …/fetch}), both on the same fixed 2 s schedule. Measures HTTP
 * requests per poll round, threads the SDK starts, and the heap each pending wait retains.
 */
final class PollingBenchmark {
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    /** Long enough for the heap to be measured before the first poll. */
    private static final PollOptions OPTIONS = new PollOptions(Duration.ofHours(1), Duration.ofSeconds(3), INTERVAL,
            INTERVAL, 0.1);
    private static final int ROUNDS = 3;
    private static final long PHASE_LIMIT_MS = Duration.ofMinutes(3).toMillis();
    private static final double REQUEST_TARGET = 50;
    /** At N = 100,000: at most this many requests per poll round. */
    private static final double REQUESTS_AT_100K = 1_000;
    private static final int THREAD_TARGET = 4;
    private static final double HEAP_TARGET = 2048;

    private PollingBenchmark() {
    }

    static void run(Simulator simulator, Settings settings) throws Exception {
        warmUp(simulator);
        List<Row> rows = new ArrayList<>();
        for (int n : settings.pollingSizes()) {
            rows.add(measure(simulator, n, true));
            if (n <= settings.perTaskMax()) {
                rows.add(measure(simulator, n, false));
            }
        }
        print(rows);
    }

    /** Loads and compiles the poll path once, so that the first measured run does not pay for it. */
    private static void warmUp(Simulator simulator) throws Exception {
        for (int batch : new int[] {100, 1}) {
            try (MidjourneyClient client = MidjourneyClient.builder().baseUrl(simulator.baseUrl())
                    .apiKey(FetchBenchmark.API_KEY).pollBatchSize(batch).build()) {
                long target = simulator.counts().polledIds() + 300;
                PollOptions now = OPTIONS.withInitialDelay(Duration.ZERO);
                for (int i = 0; i < 300; i++) {
                    client.poller().await(String.format(Locale.ROOT, "19%04d%010d", batch, i), now);
                }
                awaitPolled(simulator, target);
            }
        }
    }

    private static Row measure(Simulator simulator, int n, boolean batched) throws Exception {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = String.format(Locale.ROOT, "17%d%07d%06d", batched ? 1 : 2, n, i);
        }
        CompletableFuture<?>[] waits = new CompletableFuture<?>[n];
        ThreadCensus census = ThreadCensus.start();
        MidjourneyClientBuilder builder = MidjourneyClient.builder().baseUrl(simulator.baseUrl())
                .apiKey(FetchBenchmark.API_KEY);
        if (!batched) {
            builder.pollBatchSize(1);
        }
        try (MidjourneyClient client = builder.build()) {
            long empty = Heap.usedAfterGc();
            long polledBefore = simulator.counts().polledIds();
            for (int i = 0; i < n; i++) {
                waits[i] = client.poller().await(ids[i], OPTIONS);
            }
            long fresh = Heap.usedAfterGc();
            boolean freshValid = simulator.counts().polledIds() == polledBefore;

            awaitPolled(simulator, polledBefore + n);
            Simulator.Counts from = simulator.counts();
            awaitPolled(simulator, from.polledIds() + (long) ROUNDS * n);
            Simulator.Counts to = simulator.counts();
            double rounds = (to.polledIds() - from.polledIds()) / (double) n;
            double requestsPerRound = (to.requests() - from.requests()) / rounds;
            Thread.sleep(300);
            long polled = Heap.usedAfterGc();
            int pending = client.poller().pendingWaits();
            ThreadCensus.Count threads = census.finish();
            if (pending != n) {
                throw new IllegalStateException(pending + " waits pending, expected " + n);
            }
            for (int i = 0; i < n; i++) {
                waits[i].cancel(false);
                waits[i] = null; // a cancelled future keeps its CancellationException: not the SDK's to count
            }
            Thread.sleep(500);
            long cancelled = Heap.usedAfterGc();
            return new Row(n, batched, requestsPerRound, threads,
                    freshValid ? (fresh - empty) / (double) n : Double.NaN, (polled - cancelled) / (double) n);
        }
    }

    private static void awaitPolled(Simulator simulator, long target) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PHASE_LIMIT_MS;
        while (simulator.counts().polledIds() < target) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("polling stalled: " + simulator.counts().polledIds() + " of "
                        + target + " task polls after " + PHASE_LIMIT_MS + " ms");
            }
            Thread.sleep(10);
        }
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.println("### Benchmark 2: polling cost"
                + " (waits on IN_PROGRESS tasks, fixed 2 s interval, jitter 0.1)");
        System.out.println();
        System.out.println("| N | polling | HTTP requests per round | fewer requests than per-task | threads started"
                + " for the SDK (mjsdk-* + OkHttp) | peak live | heap per pending wait, before first poll (B)"
                + " | heap per pending wait, after polls (B) |");
        System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        Row at10k = null;
        Row perTaskAt10k = null;
        Row at100k = null;
        for (int i = 0; i < rows.size(); i++) {
            Row batched = rows.get(i);
            Row perTask = i + 1 < rows.size() && rows.get(i + 1).n() == batched.n() ? rows.get(++i) : null;
            if (perTask == null) {
                batched.print("— (per task not run: " + String.format(Locale.ROOT, "%,d", batched.n())
                        + " requests by construction)");
            } else {
                batched.print(String.format(Locale.ROOT, "%.1f×", perTask.requestsPerRound()
                        / batched.requestsPerRound()));
                perTask.print("1×");
            }
            if (batched.n() == 10_000) {
                at10k = batched;
                perTaskAt10k = perTask;
            } else if (batched.n() == 100_000) {
                at100k = batched;
            }
        }
        System.out.println();
        if (at10k == null || perTaskAt10k == null) {
            System.out.println("(targets apply at N = 10,000 and 100,000, which this run did not include)");
            return;
        }
        double factor = perTaskAt10k.requestsPerRound() / at10k.requestsPerRound();
        System.out.printf(Locale.ROOT, "N = 10,000: target ≥ %.0f× fewer requests per round: %.1f× — %s%n",
                REQUEST_TARGET, factor, factor >= REQUEST_TARGET ? "met" : "not met");
        printCommonTargets(at10k);
        if (at100k != null) {
            System.out.printf(Locale.ROOT, "N = 100,000: target ≤ %,.0f requests per round: %,.3f — %s%n",
                    REQUESTS_AT_100K, at100k.requestsPerRound(),
                    at100k.requestsPerRound() <= REQUESTS_AT_100K ? "met" : "not met");
            printCommonTargets(at100k);
        }
    }

    private static void printCommonTargets(Row row) {
        double heap = Math.max(row.freshBytesPerWait(), row.polledBytesPerWait());
        System.out.printf(Locale.ROOT, "N = %,d: target ≤ %d threads created by the SDK: %d — %s%n", row.n(),
                THREAD_TARGET, row.threads().sdkTotal(), row.threads().sdkTotal() <= THREAD_TARGET ? "met"
                        : "not met");
        System.out.printf(Locale.ROOT, "N = %,d: target ≤ %.0f B per pending wait: %.0f B — %s%n", row.n(),
                HEAP_TARGET, heap, heap <= HEAP_TARGET ? "met" : "not met");
    }

    /**
     * One measured configuration.
     *
     * @param n                  waits in flight
     * @param batched            list-by-condition (true) or one fetch per task (false)
     * @param requestsPerRound   HTTP requests per N task polls
     * @param threads            threads started after the client was built
     * @param freshBytesPerWait  retained heap per wait before its first poll
     * @param polledBytesPerWait retained heap per wait after several polls (it keeps the last task seen)
     */
    private record Row(int n, boolean batched, double requestsPerRound, ThreadCensus.Count threads,
                       double freshBytesPerWait, double polledBytesPerWait) {
        void print(String factor) {
            System.out.printf(Locale.ROOT, "| %,d | %s | %,.1f | %s | %d (%d + %d) | %d | %.0f | %.0f |%n", n,
                    batched ? "batched (SDK default)" : "per task (pollBatchSize 1)", requestsPerRound, factor,
                    threads.sdkTotal(), threads.sdkOwn(), threads.okhttp(), threads.peakSdkLive(),
                    freshBytesPerWait, polledBytesPerWait);
        }
    }
}
