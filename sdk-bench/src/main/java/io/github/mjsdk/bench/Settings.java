package io.github.mjsdk.bench;

import java.time.Duration;

/**
 * How long and how large the benchmarks run.
 *
 * @param forks                 JMH forks per variant of benchmark 1
 * @param warmupIterations      JMH warm-up iterations of 1 s
 * @param measurementIterations JMH measured iterations of 1 s
 * @param pollingSizes          the N of benchmark 2
 * @param perTaskMax            the largest N also run with per-task polling, the baseline (beyond it, per-task
 *                              polling is N requests per round by construction and would only take minutes)
 * @param webhookTasks          waits completed by webhook in benchmark 3
 * @param webhookSpread         the span over which those tasks finish
 * @param pollingTasks          waits completed by polling alone in benchmark 3
 * @param pollingSpread         the span over which those tasks finish
 */
record Settings(int forks, int warmupIterations, int measurementIterations, int[] pollingSizes, int perTaskMax,
                int webhookTasks,
                Duration webhookSpread, int pollingTasks, Duration pollingSpread) {

    /** The documented run: about four minutes on two quiet cores. */
    static Settings full() {
        return new Settings(2, 5, 5, new int[] {100, 1_000, 10_000, 100_000}, 10_000,
                2_000, Duration.ofSeconds(10), 300,
                Duration.ofSeconds(20));
    }

    /** A smoke run for development: about a minute, figures not for publishing. */
    static Settings quick() {
        return new Settings(1, 1, 2, new int[] {100, 1_000}, 1_000, 300, Duration.ofSeconds(3), 60, Duration.ofSeconds(6));
    }
}
