package io.github.mjsdk.admission;

/**
 * Where a {@link Batch} stands; {@code done + failed + running + queued == total}.
 *
 * @param done    jobs that ended in success
 * @param failed  jobs that ended in failure or were cancelled
 * @param running jobs not ended and not waiting in the client's admission queue (being sent, or running or queued
 *                on the server)
 * @param queued  jobs waiting in the client's admission queue (never sent yet, or sent back after a refusal)
 * @param total   jobs in the batch
 */
public record BatchProgress(int done, int failed, int running, int queued, int total) {

    /**
     * The jobs that ended, either way.
     *
     * @return {@code done + failed}
     */
    public int finished() {
        return done + failed;
    }

    /**
     * Whether every job ended.
     *
     * @return {@code true} when {@code finished() == total}
     */
    public boolean complete() {
        return finished() == total;
    }
}
