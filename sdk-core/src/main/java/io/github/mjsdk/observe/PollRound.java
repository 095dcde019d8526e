package io.github.mjsdk.observe;

/**
 * One round of the poller, reported to {@link ClientObserver#pollRound(PollRound)} when its requests are sent. A
 * round is the set of tasks due at one scheduler tick; the confirming fetch that a webhook wake-up triggers is a
 * round of its own (one task, one request). Follow-up fetches of ids a batch answer left out are not counted.
 *
 * @param tasks    how many distinct tasks the round polled
 * @param requests how many HTTP requests it sent for them, not counting retries
 */
public record PollRound(int tasks, int requests) {

    /**
     * Checks the components.
     *
     * @param tasks    see {@link #tasks()}
     * @param requests see {@link #requests()}
     * @throws IllegalArgumentException if either is negative
     */
    public PollRound {
        if (tasks < 0 || requests < 0) {
            throw new IllegalArgumentException("tasks and requests must not be negative, got " + tasks + ", "
                    + requests);
        }
    }

    /**
     * How many distinct tasks the round polled: those due at one scheduler tick, or 1 for the confirming fetch a
     * webhook wake-up triggers. Follow-up fetches of ids a batch answer left out are not counted.
     *
     * @return the number of tasks, 0 or more (1 or more for rounds the poller reports)
     */
    @Override
    public int tasks() {
        return tasks;
    }

    /**
     * How many HTTP requests the round sent for its tasks, not counting retries: one per batch of up to
     * {@code pollBatchSize} ids (100 by default), or one per task where the provider has no batch query.
     *
     * @return the number of requests, 0 or more; in the poller's reports at most {@link #tasks()}
     */
    @Override
    public int requests() {
        return requests;
    }
}
