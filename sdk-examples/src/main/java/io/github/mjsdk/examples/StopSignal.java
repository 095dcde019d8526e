package io.github.mjsdk.examples;

import java.util.concurrent.CountDownLatch;

/**
 * How a command that runs until it is stopped ({@code mj simulator}) waits for its stop: Ctrl-C or SIGTERM in the
 * real process ({@link #shutdown()}); tests pass their own.
 */
@FunctionalInterface
interface StopSignal {
    /**
     * Listens for the stop, runs {@code listening}, then blocks until the command is asked to stop, and runs
     * {@code cleanup} before the command (or the process) ends.
     *
     * @param listening what to do once a stop request would be heard, e.g. say how to stop; run once, first
     * @param cleanup   what stops the command's work, e.g. closing a server; run once, last
     * @throws InterruptedException if the waiting thread is interrupted first; {@code cleanup} has then not run
     */
    void await(Runnable listening, Runnable cleanup) throws InterruptedException;

    /**
     * The process's own stop: Ctrl-C (SIGINT) or SIGTERM start the JVM's shutdown, whose hook runs the cleanup;
     * the JVM ends when the cleanup is done.
     *
     * @return the signal of this process
     */
    static StopSignal shutdown() {
        return (listening, cleanup) -> {
            CountDownLatch done = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cleanup.run();
                } finally {
                    done.countDown();
                }
            }, "mj-stop"));
            listening.run();
            done.await();
        };
    }
}
