package io.github.mjsdk.testkit.internal;

import java.time.Duration;

/**
 * The account's limits at one speed tier, validated by the server's builder.
 *
 * @param jobsAtOnce  jobs running at once, at least 1
 * @param queueLength jobs waiting for a slot, at least 0
 * @param jobDuration how long a job runs from getting its slot to SUCCESS; positive
 */
public record TierLimits(int jobsAtOnce, int queueLength, Duration jobDuration) {
}
