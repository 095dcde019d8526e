package io.github.mjsdk.bench.throughput;

import java.util.Locale;

/** The goals of issue 14 for the SDK variant, as one line of verdicts for a row. */
final class Goals {
    private Goals() {
    }

    /**
     * Each goal with the row's figure and met / missed.
     *
     * @param row a measured row
     * @return e.g. {@code "SUCCESS 200/200 met; QueueFullException 0 met; ..."}
     */
    static String verdicts(Result row) {
        return String.join("; ",
                verdict(String.format(Locale.ROOT, "SUCCESS %d/%d", row.success(), row.jobs()),
                        row.success() == row.jobs()),
                verdict("QueueFullException reaching the caller " + row.queueFullSeen(), row.queueFullSeen() == 0),
                verdict("jobs paid twice " + row.duplicates(), row.duplicates() == 0),
                verdict(String.format(Locale.ROOT, "time %.3f × limit (goal ≤ %.2f)", row.timeRatio(),
                        ThroughputBenchmark.TIME_GOAL), row.timeRatio() <= ThroughputBenchmark.TIME_GOAL),
                verdict(String.format(Locale.ROOT, "%.2f requests per job (goal ≤ %.1f)", row.requestsPerJob(),
                        ThroughputBenchmark.REQUESTS_GOAL), row.requestsPerJob() <= ThroughputBenchmark.REQUESTS_GOAL));
    }

    private static String verdict(String figure, boolean met) {
        return figure + (met ? " met" : " MISSED");
    }
}
