package io.github.mjsdk.admission;

import java.time.Duration;

/**
 * A snapshot of a client's admission queue ({@code MidjourneyClient.admission()}). Counters run from the client's
 * start; the other fields are the state at the moment of the call.
 *
 * @param enabled    whether the client has admission on; when {@code false} every other field is 0 or zero
 * @param queued     submits waiting in the client now
 * @param inFlight   jobs of this client holding a slot now (sent, accepted or queued on the server, not yet ended)
 * @param limit      the current limit on {@code inFlight}: the set {@code maxInFlight}, or the learned value
 * @param sent       submits sent (each re-send after a refusal counts)
 * @param refused    refusals that put a submit back in the queue (code 23, HTTP 429)
 * @param rejected   calls failed at once because the queue was full
 * @param expired    submits failed because their deadline passed while they waited
 * @param timeQueued the total time submits spent waiting in the client, on the client's clock
 */
public record AdmissionStats(boolean enabled, int queued, int inFlight, int limit, long sent, long refused,
                             long rejected, long expired, Duration timeQueued) {

    /**
     * The snapshot of a client without admission.
     *
     * @return all zero, {@code enabled} false
     */
    public static AdmissionStats disabled() {
        return new AdmissionStats(false, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);
    }
}
