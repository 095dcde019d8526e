package io.github.mjsdk.admission;

import io.github.mjsdk.model.Task;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Many jobs submitted together ({@code MidjourneyClient.batch(..)}): one future per input, in input order, a
 * combined result, progress for the batch as a whole, and one cancel for all of it. With the client's admission
 * queue on, the jobs run as fast as the account allows and a refusal that created no job is retried for you; without
 * it, every job is sent at once and a refusal fails that job.
 *
 * <pre>{@code
 * Batch batch = client.batch(prompts.stream().map(ImagineRequest::of).toList())
 *         .onProgress(p -> log.info("{}/{} done", p.finished(), p.total()));
 * BatchResult result = batch.whenDone().join();        // never fails: each job's outcome is in the result
 * }</pre>
 *
 * <p>Thread-safe. Progress listeners run on the client's callback executor, one call at a time, in order.
 */
public interface Batch {

    /**
     * The job futures, one per input, in input order; each completes like the future of the call that made it
     * (the SUCCESS task, or a typed {@link io.github.mjsdk.error.MidjourneyException}).
     *
     * @return the futures; unmodifiable
     */
    List<CompletableFuture<Task>> futures();

    /**
     * Completes when every job has ended, with each one's outcome; never completes exceptionally, also not after
     * {@link #cancel()} (cancelled jobs are in {@link BatchResult#failed()}).
     *
     * @return the future of the combined result; completes on the client's callback executor
     */
    CompletableFuture<BatchResult> whenDone();

    /**
     * Where the batch stands now.
     *
     * @return a snapshot
     */
    BatchProgress progress();

    /**
     * Adds a progress listener: called once at once with the current progress, then after every change (a job
     * sent from the client's queue, put back in it, or ended), the last call with {@link BatchProgress#complete()}
     * true. What it throws is ignored.
     *
     * @param listener the listener
     * @return this batch
     * @throws IllegalArgumentException if {@code listener} is null
     */
    Batch onProgress(Consumer<BatchProgress> listener);

    /**
     * Cancels every job that has not ended: a job still in the client's queue is removed and never sent, a wait
     * stops (its job may still run on the server, as with cancelling one call). Idempotent.
     */
    void cancel();
}
