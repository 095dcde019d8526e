package io.github.mjsdk.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * A change in a client's admission queue, reported to {@link ClientObserver#admission(AdmissionEvent)}: a submit
 * queued, sent, refused and put back, rejected, expired or cancelled, or a job's slot released. The counts are the
 * queue's state right after the change.
 *
 * @param kind       what happened
 * @param queued     submits waiting in the client
 * @param inFlight   jobs of the client holding a slot
 * @param limit      the current limit on {@code inFlight} (set or learned)
 * @param timeQueued for {@link Kind#SENT}, {@link Kind#EXPIRED} and {@link Kind#CANCELLED}: how long this submit
 *                   waited in the client since its call, on the client's clock; else {@link Duration#ZERO}
 */
public record AdmissionEvent(Kind kind, int queued, int inFlight, int limit, Duration timeQueued) {

    /**
     * Checks the components.
     *
     * @param kind       see {@link #kind()}
     * @param queued     see {@link #queued()}
     * @param inFlight   see {@link #inFlight()}
     * @param limit      see {@link #limit()}
     * @param timeQueued see {@link #timeQueued()}
     * @throws NullPointerException if {@code kind} or {@code timeQueued} is null
     */
    public AdmissionEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeQueued, "timeQueued");
    }

    /** What happened to a submit or a slot. */
    public enum Kind {
        /** A submit had to wait: the limit was reached or the server refused recently. */
        QUEUED,
        /** A submit took a slot and was sent. */
        SENT,
        /** The server refused a submit without creating a job (code 23, HTTP 429): it is back at the queue's head. */
        REFUSED,
        /** A call failed at once: the queue was full. */
        REJECTED,
        /** A queued submit's deadline passed: it failed and was not sent. */
        EXPIRED,
        /** A queued submit's call was cancelled or the client closed: it was removed and not sent. */
        CANCELLED,
        /** A job's call ended and gave its slot back. */
        RELEASED
    }
}
