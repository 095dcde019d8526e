package io.github.mjsdk.bench.throughput;

import io.github.mjsdk.model.Task;
import java.util.List;

/**
 * What a variant's caller got back.
 *
 * @param tasks          the tasks that came back, one per job that did (SUCCESS or FAILURE)
 * @param queueFullSeen  how many {@link io.github.mjsdk.error.QueueFullException}s reached the caller's code
 * @param otherFailures  jobs that ended with any other exception
 */
record Outcome(List<Task> tasks, int queueFullSeen, int otherFailures) {
}
