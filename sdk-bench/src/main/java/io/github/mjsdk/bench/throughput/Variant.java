package io.github.mjsdk.bench.throughput;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.model.ImagineRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/** One way of getting many imagines through an account's limits: what a caller writes around the client. */
interface Variant {
    /** The row label in the results table. */
    String label();

    /**
     * Builds the client for this variant (the scenario has wired it to the server and to virtual time); as preset
     * unless the variant needs a setting of its own.
     *
     * @param preset the preset builder
     * @return the client
     */
    default MidjourneyClient client(MidjourneyClientBuilder preset) {
        return preset.build();
    }

    /**
     * Submits every request and waits for every job, without blocking: sleeps are timers on {@code scheduler}
     * (virtual time), so the whole run takes simulated, not real, seconds.
     *
     * @param client    the client
     * @param scheduler the virtual-time scheduler, for the caller's own sleeps
     * @param requests  the imagines, all submitted at once
     * @return what came back, once every job is done
     */
    CompletableFuture<Outcome> run(MidjourneyClient client, ScheduledExecutorService scheduler,
                                   List<ImagineRequest> requests);
}
