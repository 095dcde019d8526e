package io.github.mjsdk.bench;

import com.sun.management.OperatingSystemMXBean;
import io.github.mjsdk.bench.throughput.ThroughputBenchmark;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the benchmarks of docs/benchmarks.md and prints each result as a Markdown table:
 * {@code java -jar sdk-bench/target/benchmarks.jar [fetch] [polling] [webhook] [throughput] [--quick]}. No names:
 * all four. The first three share one loopback simulator; throughput runs on the testkit's simulator in virtual
 * time and takes seconds. JMH's own command line stays available:
 * {@code java -cp benchmarks.jar org.openjdk.jmh.Main -prof gc}.
 */
public final class BenchMain {
    private static final Set<String> NAMES = Set.of("fetch", "polling", "webhook", "throughput");

    private BenchMain() {
    }

    /**
     * Runs the selected benchmarks.
     *
     * @param args benchmark names ({@code fetch}, {@code polling}, {@code webhook}, {@code throughput}; default
     *             all) and {@code --quick} for a short smoke run
     * @throws Exception when a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        Set<String> selected = new TreeSet<>();
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (NAMES.contains(arg)) {
                selected.add(arg);
            } else {
                System.err.println("usage: java -jar benchmarks.jar [fetch] [polling] [webhook] [throughput]"
                        + " [--quick]");
                System.exit(2);
            }
        }
        if (selected.isEmpty()) {
            selected.addAll(NAMES);
        }
        Settings settings = quick ? Settings.quick() : Settings.full();
        printMachine(quick);
        if (selected.contains("fetch") || selected.contains("polling") || selected.contains("webhook")) {
            runOnLoopback(selected, settings);
        }
        if (selected.contains("throughput")) {
            ThroughputBenchmark.run(ThroughputBenchmark.JOBS);
        }
    }

    private static void runOnLoopback(Set<String> selected, Settings settings) throws Exception {
        try (Simulator simulator = Simulator.start(4)) {
            if (selected.contains("fetch")) {
                FetchComparison.run(simulator, settings);
            }
            if (selected.contains("polling")) {
                PollingBenchmark.run(simulator, settings);
            }
            if (selected.contains("webhook")) {
                CompletionLatency.run(simulator, settings);
            }
        }
    }

    private static void printMachine(boolean quick) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("### Machine");
        System.out.println();
        System.out.printf(Locale.ROOT, "- CPU: %s, %d cores visible to the JVM%n", cpuModel(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "- memory: %.1f GiB; JVM max heap %.1f GiB%n",
                os.getTotalMemorySize() / (double) (1L << 30), Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        System.out.printf(Locale.ROOT, "- Java: %s %s (%s)%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"));
        System.out.printf(Locale.ROOT, "- OS: %s %s %s; load average at start %.2f%n", System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), os.getSystemLoadAverage());
        if (quick) {
            System.out.println("- QUICK RUN: smoke settings, figures not for publishing");
        }
        System.out.println();
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        List<String> lines = Files.readAllLines(cpuinfo);
        for (String line : lines) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }
}
