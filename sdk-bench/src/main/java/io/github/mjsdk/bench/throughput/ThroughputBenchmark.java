package io.github.mjsdk.bench.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 4 of docs/benchmarks.md: throughput at the account's limits (issue 14). Runs every variant against the
 * same simulated account, each on its own virtual time, and prints one Markdown table plus the goal lines.
 */
public final class ThroughputBenchmark {
    /** Imagines submitted at once in the documented run. */
    public static final int JOBS = 200;
    /** Goal: completion within this factor of the physical limit. */
    static final double TIME_GOAL = 1.05;
    /** Goal: submits plus polls per job, at most. */
    static final double REQUESTS_GOAL = 1.5;

    private ThroughputBenchmark() {
    }

    /**
     * Runs the scenario with every variant and prints the results.
     *
     * @param jobs imagines submitted at once, at least 1
     * @throws Exception if a run fails
     */
    public static void run(int jobs) throws Exception {
        List<Result> rows = new ArrayList<>();
        for (Variant variant : variants()) {
            rows.add(Scenario.run(variant, jobs));
        }
        print(jobs, rows);
    }

    /** The variants, the baseline first. */
    static List<Variant> variants() {
        return List.of(new NaiveRetryLoop(), AdmissionBatch.learning(),
                AdmissionBatch.fixed(Scenario.ACCOUNT.jobsAtOnce() + Scenario.ACCOUNT.queueLength()));
    }

    private static void print(int jobs, List<Result> rows) {
        System.out.println();
        System.out.println("### Benchmark 4: throughput at the account's limits");
        System.out.println();
        System.out.printf(Locale.ROOT, "Account: %d jobs at once, a queue of %d, %d s per job at Fast; %,d imagines"
                        + " submitted at once. Physical limit: %,d ÷ %d × %d s + %d s = %.1f s (simulated).%n",
                Scenario.ACCOUNT.jobsAtOnce(), Scenario.ACCOUNT.queueLength(),
                Scenario.ACCOUNT.jobDuration().toSeconds(), jobs, jobs, Scenario.ACCOUNT.jobsAtOnce(),
                Scenario.ACCOUNT.jobDuration().toSeconds(), Scenario.ACCOUNT.jobDuration().toSeconds(),
                Scenario.limit(jobs).toMillis() / 1000.0);
        System.out.println();
        System.out.println("| variant | SUCCESS | other failures | QueueFullException reaching the caller | jobs paid"
                + " twice | completion (simulated s) | × physical limit | last job ended on the server (s) |"
                + " submit requests | poll requests | requests per job | real time (ms) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %d / %d | %d | %,d | %d | %.1f | %.3f | %.1f | %,d | %,d | %.2f |"
                            + " %,d |%n", row.label(), row.success(), row.jobs(), row.otherFailures(),
                    row.queueFullSeen(), row.duplicates(), row.completion().toMillis() / 1000.0, row.timeRatio(),
                    row.lastJobEnd().toMillis() / 1000.0, row.submits(), row.polls(), row.requestsPerJob(),
                    row.wallMillis());
        }
        System.out.println();
        for (Result row : rows) {
            System.out.println(row.label().substring(0, row.label().indexOf(':')) + ": " + Goals.verdicts(row));
        }
    }
}
