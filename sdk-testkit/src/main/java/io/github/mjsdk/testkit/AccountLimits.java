package io.github.mjsdk.testkit;

import io.github.mjsdk.model.Speed;
import java.time.Duration;

/**
 * What the simulated Midjourney account allows at one speed tier
 * ({@link FakeMidjourneyServer.Builder#accountLimits(Speed, AccountLimits)}): how many jobs run at once, how many
 * more wait in line for a slot, and how long a job runs once it has a slot. Each tier has its own slots and its
 * own line, as Midjourney counts Fast and Relax jobs apart (docs/protocols.md §f: Basic and Standard plans run 3
 * Fast jobs at once, Pro and Mega 12); the midjourney-proxy default is 3 running and 10 queued per account.
 *
 * <p>A submit that finds every slot taken waits in line, first come first served, and starts the instant a slot of
 * its tier frees, on the server's clock. A submit that finds the line full is refused and creates no task, in the
 * dialect's own shape:
 * <ul>
 *   <li>midjourney-proxy (§a.5): accepted with code 1, queued with code 22 and {@code properties.numberOfQueues} (the
 *       place in line), refused with HTTP 200 and code 23 ({@code result} null);</li>
 *   <li>apimart (§d): refused with HTTP 502 and code 9, "Service rejected";</li>
 *   <li>JourneyAPI (§e): refused with HTTP 429 and {@code {"error": …}}.</li>
 * </ul>
 *
 * @param jobsAtOnce  jobs running at once, 1 to 100
 * @param queueLength jobs waiting for a slot, 0 to 10,000; one more is refused
 * @param jobDuration how long a job runs, from getting its slot to SUCCESS; positive
 */
public record AccountLimits(int jobsAtOnce, int queueLength, Duration jobDuration) {

    /**
     * Validates the components.
     *
     * @param jobsAtOnce  see {@link #jobsAtOnce()}
     * @param queueLength see {@link #queueLength()}
     * @param jobDuration see {@link #jobDuration()}
     * @throws IllegalArgumentException if {@code jobsAtOnce} is outside 1–100, {@code queueLength} outside
     *                                  0–10,000, or {@code jobDuration} is null, zero or negative
     */
    public AccountLimits {
        if (jobsAtOnce < 1 || jobsAtOnce > 100) {
            throw new IllegalArgumentException("jobsAtOnce must be 1..100, got " + jobsAtOnce);
        }
        if (queueLength < 0 || queueLength > 10_000) {
            throw new IllegalArgumentException("queueLength must be 0..10000, got " + queueLength);
        }
        if (jobDuration == null || jobDuration.isZero() || jobDuration.isNegative()) {
            throw new IllegalArgumentException("jobDuration must be positive, got " + jobDuration);
        }
    }

    /**
     * The same limits with another number of jobs at once.
     *
     * @param jobs 1 to 100
     * @return new limits
     * @throws IllegalArgumentException if {@code jobs} is outside 1–100
     */
    public AccountLimits withJobsAtOnce(int jobs) {
        return new AccountLimits(jobs, queueLength, jobDuration);
    }

    /**
     * The same limits with another queue length.
     *
     * @param jobs 0 to 10,000
     * @return new limits
     * @throws IllegalArgumentException if {@code jobs} is outside 0–10,000
     */
    public AccountLimits withQueueLength(int jobs) {
        return new AccountLimits(jobsAtOnce, jobs, jobDuration);
    }

    /**
     * The same limits with another job duration.
     *
     * @param duration positive
     * @return new limits
     * @throws IllegalArgumentException if {@code duration} is null, zero or negative
     */
    public AccountLimits withJobDuration(Duration duration) {
        return new AccountLimits(jobsAtOnce, queueLength, duration);
    }
}
