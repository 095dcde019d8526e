package io.github.mjsdk.model;

/**
 * Where a task is in its lifecycle (docs/protocols.md §a.7): {@code NOT_START → SUBMITTED → IN_PROGRESS →
 * SUCCESS | FAILURE}, plus {@code MODAL} (parked until {@code /submit/modal}) and {@code CANCEL}.
 */
public enum TaskStatus {
    /** Stored and queued; nothing sent to Midjourney yet. */
    NOT_START,
    /** Sent to Midjourney; progress {@code 0%}. */
    SUBMITTED,
    /** Running; progress rises and {@code imageUrl} holds a low-resolution preview. */
    IN_PROGRESS,
    /** Parked: waits for a {@code /submit/modal} call with a prompt (and a mask for Vary (Region)). */
    MODAL,
    /** Finished with images. Terminal. */
    SUCCESS,
    /** Finished without images; {@code failReason} says why. Terminal. */
    FAILURE,
    /** Cancelled. Terminal. */
    CANCEL,
    /** A status this SDK does not know; the raw string is kept in {@link Task#rawStatus()}. Not terminal. */
    UNKNOWN;

    /**
     * Whether the task will not change any more.
     *
     * @return {@code true} for {@link #SUCCESS}, {@link #FAILURE} and {@link #CANCEL}
     */
    public boolean isTerminal() {
        return this == SUCCESS || this == FAILURE || this == CANCEL;
    }

    /**
     * Reads a midjourney-proxy status string, ignoring case and surrounding blanks.
     *
     * @param raw the wire value, e.g. {@code "IN_PROGRESS"}; may be {@code null}
     * @return the status, or {@link #UNKNOWN} for {@code null}, blank or unknown values
     */
    public static TaskStatus fromWire(String raw) {
        return WireEnums.parse(TaskStatus.class, raw, UNKNOWN);
    }
}
