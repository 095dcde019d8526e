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
 * Variant B, the SDK's way: a client with its admission queue on and one {@code client.batch(requests)} call; the
 * caller only reads the combined result. Run with {@link AdmissionOptions#defaults()} (the limit learned from the
 * server's refusals) and with the limit set to what the account takes (jobs at once plus queue length).
 */
final class AdmissionBatch implements Variant {
    private final String label;
    private final AdmissionOptions options;

    private AdmissionBatch(String label, AdmissionOptions options) {
        this.label = label;
        this.options = options;
    }

    /** The defaults: the limit is learned. */
    static AdmissionBatch learning() {
        return new AdmissionBatch("B: client.batch(requests), admission(AdmissionOptions.defaults()): limit learned",
                AdmissionOptions.defaults());
    }

    /** The limit set to the account's jobs at once plus its queue length. */
    static AdmissionBatch fixed(int maxInFlight) {
        return new AdmissionBatch("B': client.batch(requests), admission(defaults().withMaxInFlight(" + maxInFlight
                + ")): limit set", AdmissionOptions.defaults().withMaxInFlight(maxInFlight));
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public MidjourneyClient client(MidjourneyClientBuilder preset) {
        return preset.admission(options).build();
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
