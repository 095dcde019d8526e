package io.github.mjsdk.admission;

import java.time.Duration;

/**
 * Settings of a client's admission queue: how many of its jobs may run on the account at once, how many submits
 * may wait in the client, and how long a submit may wait before it is sent. Immutable; start from
 * {@link #defaults()} and change one field at a time with the {@code with…} methods.
 *
 * <p>With admission on, every paid submit of the client (imagine, reroll, upscale, vary, pan, zoom, describe, blend,
 * any button or modal step that starts a job) takes a slot before it is sent and keeps it until its call ends (the
 * wait settles, or for a non-waiting {@code submit…} call, the server answers). Queries (fetches, polls) take none.
 * A submit the server refused without creating a job (code 23, HTTP 429) goes back to the head of the queue and is
 * sent again once a job of this client ends or the server's {@code Retry-After} has passed, whichever comes first; a
 * submit whose outcome is unknown is never sent again (docs/admission.md).
 *
 * @param maxInFlight   the most jobs of this client running or queued on the server at once, 1–1000; or 0 (the
 *                      default) to learn it from the server's refusals: start at {@code initialLimit}, rise by one
 *                      with every submit accepted at the limit while others wait until the server first refuses one,
 *                      then drop to the jobs in flight at a refusal and probe one higher after every {@code limit}
 *                      accepted submits
 * @param queueCapacity the most submits waiting in the client, 1–1,000,000 (default 1,000); one more fails at once
 *                      with {@link io.github.mjsdk.error.AdmissionQueueFullException} and is not sent
 * @param initialLimit  the first guess when learning, 1–1000 (default 3, a Fast account's jobs at once,
 *                      docs/protocols.md §f); ignored when {@code maxInFlight} is set
 * @param deadline      how long a submit may take from the call until the server accepts it, time in the queue and
 *                      every re-queue after a refusal included (default 30 minutes); a submit still waiting then
 *                      fails with {@link io.github.mjsdk.error.AdmissionTimeoutException} and is never sent. The
 *                      wait for the task that follows has its own deadline ({@code PollOptions.timeout()})
 */
public record AdmissionOptions(int maxInFlight, int queueCapacity, int initialLimit, Duration deadline) {
    /** The largest {@code maxInFlight} and {@code initialLimit}. */
    public static final int MAX_IN_FLIGHT = 1000;
    /** The largest {@code queueCapacity}. */
    public static final int MAX_QUEUE_CAPACITY = 1_000_000;

    /**
     * Checks the components.
     *
     * @param maxInFlight   see {@link #maxInFlight()}
     * @param queueCapacity see {@link #queueCapacity()}
     * @param initialLimit  see {@link #initialLimit()}
     * @param deadline      see {@link #deadline()}
     * @throws IllegalArgumentException if a component is outside its range or {@code deadline} is null, zero or
     *                                  negative; the message names it
     */
    public AdmissionOptions {
        if (maxInFlight < 0 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("maxInFlight must be 0 (learn) or 1.." + MAX_IN_FLIGHT + ", got "
                    + maxInFlight);
        }
        if (queueCapacity < 1 || queueCapacity > MAX_QUEUE_CAPACITY) {
            throw new IllegalArgumentException("queueCapacity must be 1.." + MAX_QUEUE_CAPACITY + ", got "
                    + queueCapacity);
        }
        if (initialLimit < 1 || initialLimit > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("initialLimit must be 1.." + MAX_IN_FLIGHT + ", got " + initialLimit);
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadline);
        }
    }

    /**
     * The defaults: learn the limit starting at 3, a queue of 1,000, a 30-minute deadline.
     *
     * @return the default options
     */
    public static AdmissionOptions defaults() {
        return new AdmissionOptions(0, 1000, 3, Duration.ofMinutes(30));
    }

    /**
     * These options with a fixed limit, or learning.
     *
     * @param jobs 1–1000 jobs at once, or 0 to learn the limit from the server's refusals
     * @return new options
     * @throws IllegalArgumentException if {@code jobs} is outside 0–1000
     */
    public AdmissionOptions withMaxInFlight(int jobs) {
        return new AdmissionOptions(jobs, queueCapacity, initialLimit, deadline);
    }

    /**
     * These options with another queue length.
     *
     * @param submits the most submits waiting in the client, 1–1,000,000
     * @return new options
     * @throws IllegalArgumentException if {@code submits} is outside 1–1,000,000
     */
    public AdmissionOptions withQueueCapacity(int submits) {
        return new AdmissionOptions(maxInFlight, submits, initialLimit, deadline);
    }

    /**
     * These options with another first guess for a learned limit.
     *
     * @param jobs 1–1000
     * @return new options
     * @throws IllegalArgumentException if {@code jobs} is outside 1–1000
     */
    public AdmissionOptions withInitialLimit(int jobs) {
        return new AdmissionOptions(maxInFlight, queueCapacity, jobs, deadline);
    }

    /**
     * These options with another submit deadline (queue time included).
     *
     * @param timeout positive
     * @return new options
     * @throws IllegalArgumentException if {@code timeout} is null, zero or negative
     */
    public AdmissionOptions withDeadline(Duration timeout) {
        return new AdmissionOptions(maxInFlight, queueCapacity, initialLimit, timeout);
    }

    /**
     * Whether the limit is learned from the server's refusals.
     *
     * @return {@code true} when {@link #maxInFlight()} is 0
     */
    public boolean learnsLimit() {
        return maxInFlight == 0;
    }
}
