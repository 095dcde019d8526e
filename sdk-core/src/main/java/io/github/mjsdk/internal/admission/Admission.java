package io.github.mjsdk.internal.admission;

import io.github.mjsdk.admission.AdmissionOptions;
import io.github.mjsdk.admission.AdmissionStats;
import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.observe.ClientObserver;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The gate every paid submit of a client passes (docs/admission.md): off, or a queue that holds submits while the
 * client's jobs fill the account and re-sends a submit the server refused without creating a job. A job is one
 * public call ({@link Operation}): its first submit takes a slot, later submits of the same call (a modal step) pass
 * straight through, and the slot is given back when the call ends ({@link #ended(Operation)}).
 */
public interface Admission {

    /**
     * No admission: every submit is sent at once, as without this seam.
     *
     * @return the pass-through gate
     */
    static Admission off() {
        return NoAdmission.INSTANCE;
    }

    /**
     * An admission queue.
     *
     * @param options   its settings
     * @param scheduler the client's scheduler, for deadlines and Retry-After waits
     * @param clock     the client's clock
     * @param observer  hears every change; must not throw (the client's guarded observer)
     * @return the queue
     */
    static Admission queue(AdmissionOptions options, ScheduledExecutorService scheduler, Clock clock,
                           ClientObserver observer) {
        return new AdmissionQueue(options, scheduler, clock, observer);
    }

    /**
     * Sends a paid submit of {@code operation} through the gate.
     *
     * @param operation the public call the submit belongs to
     * @param send      sends the submit once and reads the answer; called at most once per refusal-free attempt,
     *                  again only after a refusal that created no job
     * @param <T>       the answer
     * @return the answer, the submit's own failure, or the queue's ({@code AdmissionQueueFullException},
     *     {@code AdmissionTimeoutException}, {@code ClientClosedException}, a cancellation)
     */
    <T> CompletableFuture<T> submit(Operation operation, Supplier<CompletableFuture<T>> send);

    /**
     * The public call of {@code operation} ended (its future settled): its slot, if it held one, is free, and a
     * submit still queued for it is dropped unsent.
     *
     * @param operation the call
     */
    void ended(Operation operation);

    /**
     * Whether a submit of {@code operation} waits in the client's queue now.
     *
     * @param operation the call
     * @return {@code true} while queued, never sent or back after a refusal
     */
    boolean queued(Operation operation);

    /**
     * A snapshot of the queue.
     *
     * @return the stats; {@link AdmissionStats#disabled()} when off
     */
    AdmissionStats stats();

    /**
     * Hears every change of the queue (for batches' progress); called on the thread that made the change.
     *
     * @param listener the listener; must be fast and must not throw
     */
    void addListener(Runnable listener);

    /**
     * Forgets a listener given to {@link #addListener(Runnable)}.
     *
     * @param listener the listener
     */
    void removeListener(Runnable listener);

    /** The client closes: every queued submit fails with {@code ClientClosedException} and nothing is sent after. */
    void close();
}
