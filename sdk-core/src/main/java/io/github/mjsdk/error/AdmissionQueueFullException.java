package io.github.mjsdk.error;

/**
 * The client's own admission queue was full ({@code AdmissionOptions.queueCapacity()} submits already waiting): the
 * call failed at once and nothing was sent. Not the server's full queue, which is {@link QueueFullException} (code
 * 23) and which the admission queue absorbs by re-queueing the submit (docs/admission.md).
 */
public class AdmissionQueueFullException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #capacity()}. */
    private final int capacity;

    /**
     * Creates the exception.
     *
     * @param message  what was refused, for humans
     * @param capacity the queue's capacity
     */
    public AdmissionQueueFullException(String message, int capacity) {
        super(message);
        this.capacity = capacity;
    }

    /**
     * The capacity of the queue that was full.
     *
     * @return {@code AdmissionOptions.queueCapacity()}
     */
    public int capacity() {
        return capacity;
    }
}
