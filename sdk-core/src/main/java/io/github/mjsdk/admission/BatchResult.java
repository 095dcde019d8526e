package io.github.mjsdk.admission;

import io.github.mjsdk.model.Task;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a {@link Batch} ended, by the index of each input.
 *
 * @param succeeded the SUCCESS task of each job that succeeded, by input index (ascending); unmodifiable
 * @param failed    the failure of each job that failed, by input index (ascending): the typed
 *                  {@link io.github.mjsdk.error.MidjourneyException} (unwrapped), a
 *                  {@link java.util.concurrent.CancellationException} for a cancelled job, or what the job function
 *                  threw; unmodifiable
 * @param total     the number of inputs
 */
public record BatchResult(SortedMap<Integer, Task> succeeded, SortedMap<Integer, Throwable> failed, int total) {

    /**
     * Copies the maps.
     *
     * @param succeeded see {@link #succeeded()}
     * @param failed    see {@link #failed()}
     * @param total     see {@link #total()}
     * @throws IllegalArgumentException if a map is null, or their sizes do not add up to {@code total}
     */
    public BatchResult {
        if (succeeded == null || failed == null) {
            throw new IllegalArgumentException("succeeded and failed must not be null");
        }
        if (succeeded.size() + failed.size() != total) {
            throw new IllegalArgumentException("succeeded (" + succeeded.size() + ") + failed (" + failed.size()
                    + ") must equal total (" + total + ")");
        }
        succeeded = Collections.unmodifiableSortedMap(new TreeMap<>(succeeded));
        failed = Collections.unmodifiableSortedMap(new TreeMap<>(failed));
    }

    /**
     * The SUCCESS tasks in input order.
     *
     * @return the tasks; unmodifiable
     */
    public List<Task> tasks() {
        return List.copyOf(succeeded.values());
    }

    /**
     * How many jobs succeeded.
     *
     * @return {@code succeeded().size()}
     */
    public int succeededCount() {
        return succeeded.size();
    }

    /**
     * How many jobs failed or were cancelled.
     *
     * @return {@code failed().size()}
     */
    public int failedCount() {
        return failed.size();
    }

    /**
     * Whether every job succeeded.
     *
     * @return {@code true} when nothing failed
     */
    public boolean allSucceeded() {
        return failed.isEmpty();
    }

    /**
     * A summary.
     *
     * @return e.g. {@code BatchResult[succeeded=198, failed=2, total=200]}
     */
    @Override
    public String toString() {
        return "BatchResult[succeeded=" + succeeded.size() + ", failed=" + failed.size() + ", total=" + total + "]";
    }
}
