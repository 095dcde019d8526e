package io.github.mjsdk.observe;

/**
 * Receives what a client does, one event at a time: every HTTP attempt ({@link HttpAttempt}), every poll round
 * ({@link PollRound}), the start and end of every wait for a task ({@link WaitStarted}, {@link WaitEnded}), and the
 * admission queue's changes ({@link AdmissionEvent}).
 * Every method does nothing by default: implement the ones you need.
 *
 * <p><b>Threading.</b> The client calls an observer on its own threads: OkHttp's dispatcher threads (HTTP attempts,
 * wait ends after a poll answer), the client's scheduler thread (poll rounds, deadlines), and for blocking calls
 * such as {@code fetchTask} possibly the caller's thread. Calls for different tasks may run at the same time, so an
 * implementation must be thread-safe. It must also be fast and must not block: it runs on the path of every request
 * and every poll (increment a counter, record a timer, end a span; never do I/O). An exception it throws is caught
 * and logged by the client and never changes the outcome of a call; the event is simply lost.
 *
 * <p><b>Order.</b> For one wait, {@link #waitStarted} comes before any poll of it and {@link #waitEnded} exactly
 * once after it, whatever the outcome (success, failure, timeout, cancellation, client close), and before the wait's
 * future completes: code that reads meters after {@code join()} sees the wait counted. For one HTTP call, attempts
 * are reported in order, each after its answer or failure and before the call's future completes.
 */
public interface ClientObserver {

    /**
     * One HTTP attempt has ended: an answer arrived, or the attempt failed before one did.
     *
     * @param attempt what was sent and how it went
     */
    default void httpAttempt(HttpAttempt attempt) {
    }

    /**
     * The poller ran one round: the waits due at one tick, polled together (batched where the provider allows).
     *
     * @param round how many waits were due and how many requests it took
     */
    default void pollRound(PollRound round) {
    }

    /**
     * A wait began: the client now tracks a task until it is terminal, times out or is cancelled.
     *
     * @param wait which task, at which tier
     */
    default void waitStarted(WaitStarted wait) {
    }

    /**
     * A wait ended, whatever the outcome; called exactly once per {@link #waitStarted}.
     *
     * @param wait which task, how it ended, and how long it took
     */
    default void waitEnded(WaitEnded wait) {
    }

    /**
     * The client's admission queue changed (only for a client built with {@code admission(..)}): a submit queued,
     * sent, refused and re-queued, rejected, expired or cancelled, or a job's slot released. Called on the thread
     * that made the change (the caller's, a dispatcher thread or the scheduler).
     *
     * @param event what happened, with the queue length, jobs in flight and time queued
     */
    default void admission(AdmissionEvent event) {
    }
}
