package io.github.mjsdk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads the outcome of a future the way users do, with a generous real-time bound for loopback I/O. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * The exception a failed future reports to {@code join()} callers: asserts it arrives as the cause of a
     * {@link CompletionException} and returns that cause; a cancelled future's {@link CancellationException} is
     * returned as is (that is what {@code join()} throws for it).
     */
    public static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (CancellationException cancelled) {
            return cancelled;
        } catch (ExecutionException expected) {
            try {
                future.join();
            } catch (CompletionException joined) {
                assertThat(joined.getCause()).isSameAs(expected.getCause());
                return joined.getCause();
            }
            throw new AssertionError("join() did not throw CompletionException");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within 10 s", e);
        }
        throw new AssertionError("the future succeeded with " + future.join());
    }

    /** The value of a future that must succeed within 10 s of real time. */
    public static <T> T valueOf(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the future failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (TimeoutException e) {
            throw new AssertionError("the future did not complete within 10 s", e);
        }
    }
}
