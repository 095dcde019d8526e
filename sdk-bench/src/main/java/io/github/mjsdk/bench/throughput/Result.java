package io.github.mjsdk.bench.throughput;

import java.time.Duration;

/**
 * One variant's measured row.
 *
 * @param label         the variant
 * @param jobs          imagines asked for
 * @param success       jobs that came back SUCCESS
 * @param otherFailures jobs that ended with an exception other than a queue-full refusal, or FAILURE
 * @param queueFullSeen {@link io.github.mjsdk.error.QueueFullException}s that reached the caller's code
 * @param duplicates    jobs the server created more than once for the same prompt (paid twice), from its task list
 * @param completion    simulated time from the first submit to the last job's future completing
 * @param limit         the physical limit: jobs ÷ jobs at once × job duration, plus one job
 * @param lastJobEnd    simulated time from the first submit to the end of the last job the server ran (the
 *                      account's own makespan; the rest of {@code completion} is the client noticing)
 * @param submits       submit requests the server received (its journal)
 * @param polls         task queries the server received: single fetches plus list-by-condition batches
 * @param wallMillis    real time the run took
 */
record Result(String label, int jobs, int success, int otherFailures, int queueFullSeen, int duplicates,
              Duration completion, Duration limit, Duration lastJobEnd, int submits, int polls, long wallMillis) {

    /** Submits plus polls, per job asked for. */
    double requestsPerJob() {
        return (submits + polls) / (double) jobs;
    }

    /** Completion time over the physical limit: 1.0 is the limit itself. */
    double timeRatio() {
        return completion.toMillis() / (double) limit.toMillis();
    }
}
