package io.github.mjsdk.bench;

import io.github.mjsdk.MidjourneyClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Benchmark 3, completion latency: waits with the default schedule on tasks that the simulator finishes at random
 * moments; the time from a task turning SUCCESS on the server to its wait's future completing. With webhooks the
 * server POSTs the task JSON to a {@link WebhookEndpoint} at once; without, only the next regular poll finds it.
 */
final class CompletionLatency {
    private static final double TARGET_P99_MS = 20;

    private CompletionLatency() {
    }

    static void run(Simulator simulator, Settings settings) throws Exception {
        webhooks(simulator, "11", 300, Duration.ofSeconds(2));
        Latency hooked = webhooks(simulator, "12", settings.webhookTasks(), settings.webhookSpread());
        Latency polled = polling(simulator, "13", settings.pollingTasks(), settings.pollingSpread());
        print(hooked, polled, settings);
    }

    private static Latency webhooks(Simulator simulator, String prefix, int tasks, Duration spread)
            throws Exception {
        try (MidjourneyClient client = client(simulator);
             WebhookEndpoint endpoint = new WebhookEndpoint(client.webhookReceiver(null))) {
            Latency latency = measure(simulator, client, prefix, tasks, Duration.ofMillis(500), spread, id -> {
                try {
                    endpoint.post(TaskJson.success(id));
                } catch (Exception e) {
                    throw new IllegalStateException("callback for " + id + " failed", e);
                }
            });
            System.out.println("webhook outcomes (" + tasks + " tasks): " + endpoint.outcomes());
            return latency;
        }
    }

    private static Latency polling(Simulator simulator, String prefix, int tasks, Duration spread) throws Exception {
        try (MidjourneyClient client = client(simulator)) {
            return measure(simulator, client, prefix, tasks, Duration.ofSeconds(2), spread, id -> { });
        }
    }

    private static MidjourneyClient client(Simulator simulator) {
        return MidjourneyClient.builder().baseUrl(simulator.baseUrl()).apiKey(FetchBenchmark.API_KEY).build();
    }

    /**
     * Starts one default wait per task, then finishes task i at a random moment in {@code [start, start + spread]}
     * and calls {@code announce} with its id.
     */
    private static Latency measure(Simulator simulator, MidjourneyClient client, String prefix, int tasks,
                                   Duration start, Duration spread, Consumer<String> announce)
            throws Exception {
        String[] ids = new String[tasks];
        long[] finished = new long[tasks];
        long[] completed = new long[tasks];
        CompletableFuture<?>[] waits = new CompletableFuture<?>[tasks];
        for (int i = 0; i < tasks; i++) {
            int index = i;
            ids[i] = String.format(Locale.ROOT, "%s%014d", prefix, i);
            waits[i] = client.poller().await(ids[i])
                    .whenComplete((task, error) -> completed[index] = System.nanoTime());
        }
        Random random = new Random(42);
        ScheduledExecutorService flipper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-flipper");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < tasks; i++) {
            int index = i;
            long at = start.toMillis() + (long) (random.nextDouble() * spread.toMillis());
            flipper.schedule(() -> {
                finished[index] = System.nanoTime();
                simulator.finish(ids[index]);
                announce.accept(ids[index]);
            }, at, TimeUnit.MILLISECONDS);
        }
        long limit = start.plus(spread).plusSeconds(60).toMillis();
        try {
            CompletableFuture.allOf(waits).get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("waits did not complete within " + limit + " ms", e);
        } finally {
            flipper.shutdown();
            flipper.awaitTermination(5, TimeUnit.SECONDS);
        }
        double[] millis = new double[tasks];
        for (int i = 0; i < tasks; i++) {
            millis[i] = (completed[i] - finished[i]) / 1e6;
        }
        return new Latency(tasks, millis);
    }

    private static void print(Latency hooked, Latency polled, Settings settings) {
        System.out.println();
        System.out.println("### Benchmark 3: completion latency"
                + " (task turns SUCCESS on the server → future completes)");
        System.out.println();
        System.out.println("| discovery | tasks | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        hooked.print("webhook: POST on loopback → WebhookReceiver → one fetch");
        polled.print("polling only, default schedule (first poll 4 s, then 5 s ×1.5 up to 15 s)");
        System.out.println();
        System.out.printf(Locale.ROOT, "finish times spread over %d s (webhooks) and %d s (polling)%n",
                settings.webhookSpread().toSeconds(), settings.pollingSpread().toSeconds());
        double p99 = hooked.percentile(0.99);
        System.out.printf(Locale.ROOT, "target p99 ≤ %.0f ms with webhooks: %.1f ms — %s%n", TARGET_P99_MS, p99,
                p99 <= TARGET_P99_MS ? "met" : "not met");
    }

    /**
     * Measured latencies.
     *
     * @param tasks  how many waits
     * @param millis one latency per wait, in ms
     */
    private record Latency(int tasks, double[] millis) {
        Latency {
            millis = millis.clone();
            Arrays.sort(millis);
        }

        double percentile(double q) {
            int rank = (int) Math.ceil(q * millis.length);
            return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
        }

        void print(String label) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", label, tasks,
                    percentile(0.50), percentile(0.90), percentile(0.99), millis[millis.length - 1]);
        }
    }
}
