package io.github.mjsdk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link FetchBenchmark} through JMH (average time per op, GC profiler) against one simulator and prints both
 * variants and their ratios, all from the same run.
 */
final class FetchComparison {
    private static final double TIME_TARGET = 1.05;
    private static final double ALLOC_TARGET = 1.25;

    private FetchComparison() {
    }

    static void run(Simulator simulator, Settings settings) throws RunnerException, IOException,
            InterruptedException {
        simulator.finish(FetchBenchmark.TASK_ID);
        warmUp(simulator);
        Options options = new OptionsBuilder()
                .include(FetchBenchmark.class.getName() + "\\.")
                .forks(settings.forks())
                .warmupIterations(settings.warmupIterations())
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(settings.measurementIterations())
                .measurementTime(TimeValue.seconds(1))
                .timeUnit(TimeUnit.MICROSECONDS)
                .mode(Mode.AverageTime)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-D" + FetchBenchmark.BASE_URL_PROPERTY + "=" + simulator.baseUrl())
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> byName = new HashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Result<?> time = result.getPrimaryResult();
            Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            byName.put(name, new double[] {time.getScore(), time.getScoreError(),
                alloc == null ? Double.NaN : alloc.getScore()});
        }
        print(byName);
    }

    /** Compiles the simulator's fetch path before JMH measures against it, with a client that is not measured. */
    private static void warmUp(Simulator simulator) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(simulator.baseUrl() + "/mj/task/" + FetchBenchmark.TASK_ID + "/fetch")).build();
        for (int i = 0; i < 20_000; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }

    private static void print(Map<String, double[]> byName) {
        double[] sdk = byName.get("sdkFetchTask");
        double[] raw = byName.get("rawOkHttpJackson");
        double[] tree = byName.get("rawOkHttpJacksonTree");
        double[] async = byName.get("rawOkHttpJacksonAsync");
        System.out.println();
        System.out.println("### Benchmark 1: per-call overhead (fetchTask vs raw OkHttp + Jackson)");
        System.out.println();
        System.out.println("| variant | time per op (µs) | ± (99.9 %) | allocation per op (B) |");
        System.out.println("|---|---:|---:|---:|");
        row("mjsdk `client.fetchTask(id)`", sdk);
        row("raw OkHttp `execute()` + Jackson → record", raw);
        row("raw OkHttp `execute()` + Jackson → tree", tree);
        row("raw OkHttp `enqueue()` + Jackson → record, caller blocks on a future", async);
        double timeRatio = sdk[0] / raw[0];
        double allocRatio = sdk[2] / raw[2];
        System.out.println();
        System.out.printf(Locale.ROOT, "ratio time = %.2f, ratio alloc = %.2f (mjsdk / raw record)%n",
                timeRatio, allocRatio);
        System.out.printf(Locale.ROOT, "ratio time = %.2f, ratio alloc = %.2f (mjsdk / raw tree)%n",
                sdk[0] / tree[0], sdk[2] / tree[2]);
        System.out.printf(Locale.ROOT, "ratio time = %.2f, ratio alloc = %.2f (mjsdk / raw async record)%n",
                sdk[0] / async[0], sdk[2] / async[2]);
        System.out.printf(Locale.ROOT, "target time ≤ %.2f: %s; target alloc ≤ %.2f: %s%n", TIME_TARGET,
                timeRatio <= TIME_TARGET ? "met" : "not met", ALLOC_TARGET,
                allocRatio <= ALLOC_TARGET ? "met" : "not met");
    }

    private static void row(String label, double[] values) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.0f |%n", label, values[0], values[1], values[2]);
    }
}
