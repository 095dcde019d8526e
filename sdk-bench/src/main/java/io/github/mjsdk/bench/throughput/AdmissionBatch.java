package io.github.mjsdk.bench.throughput;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.admission.AdmissionOptions;
import io.github.mjsdk.admission.BatchResult;
import io.github.mjsdk.error.AdmissionQueueFullException;
import io.github.mjsdk.error.QueueFullException;
import io.github.mjsdk.model.ImagineRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Variant B, the SDK's way: a client with its admission queue on ({@link AdmissionOptions#defaults()}: the limit
 * learned from the server's refusals) and one {@code client.batch(requests)} call; the caller only reads the
 * combined result.
 */
final class AdmissionBatch implements Variant {

    @Override
    public String label() {
        return "B: client.batch(requests) with admission(AdmissionOptions.defaults())";
    }

    @Override
    public MidjourneyClient client(MidjourneyClientBuilder preset) {
        return preset.admission(AdmissionOptions.defaults()).build();
    }

    @Override
    public CompletableFuture<Outcome> run(MidjourneyClient client, ScheduledExecutorService scheduler,
                                          List<ImagineRequest> requests) {
        return client.batch(requests).whenDone().thenApply(AdmissionBatch::outcome);
    }

    private static Outcome outcome(BatchResult result) {
        int queueFull = 0;
        for (Throwable failure : result.failed().values()) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof QueueFullException || cause instanceof AdmissionQueueFullException) {
                queueFull++;
            }
        }
        return new Outcome(result.tasks(), queueFull, result.failedCount() - queueFull);
    }
}
