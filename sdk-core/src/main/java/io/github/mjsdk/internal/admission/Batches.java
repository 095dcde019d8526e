package io.github.mjsdk.internal.admission;

import io.github.mjsdk.admission.Batch;
import io.github.mjsdk.model.Task;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/** Makes the {@link Batch} of a client's batch call. */
public final class Batches {
    private Batches() {
    }

    /**
     * A batch over jobs already started.
     *
     * @param futures   the job futures, in input order
     * @param inQueue   whether a job's future belongs to a call whose submit waits in the admission queue
     * @param admission the client's admission, whose changes move the progress
     * @param callbacks where progress listeners and the result run
     * @return the batch, listening
     */
    public static Batch of(List<CompletableFuture<Task>> futures, Predicate<CompletableFuture<Task>> inQueue,
                           Admission admission, Executor callbacks) {
        return new BatchRun(futures, inQueue, admission, callbacks).start();
    }
}
