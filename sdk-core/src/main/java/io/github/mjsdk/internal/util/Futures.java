package io.github.mjsdk.internal.util;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Hands internal results to users: on the callback executor, unwrapped, and cancellable for real. */
public final class Futures {
    private Futures() {
    }

    /** The real failure behind CompletionException / ExecutionException wrappers. */
    public static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * A future for the user that completes like {@code internal} but on {@code callbackExecutor}, with the cause
     * unwrapped; cancelling it runs {@code onCancel} (which stops the in-flight call and timer) and cancels
     * {@code internal}.
     */
    public static <T> CompletableFuture<T> deliver(CompletableFuture<T> internal, Runnable onCancel,
                                                   Executor callbackExecutor) {
        UserFuture<T> user = new UserFuture<>(() -> {
            onCancel.run();
            internal.cancel(false);
        });
        internal.whenComplete((value, error) -> {
            Runnable finish = () -> {
                if (error == null) {
                    user.complete(value);
                } else {
                    user.completeExceptionally(unwrap(error));
                }
            };
            try {
                callbackExecutor.execute(finish);
            } catch (RejectedExecutionException e) {
                finish.run();
            }
        });
        return user;
    }

    /** A future whose cancel() also runs a hook. Dependent stages are plain futures. */
    static final class UserFuture<T> extends CompletableFuture<T> {
        private final Runnable onCancel;

        UserFuture(Runnable onCancel) {
            this.onCancel = onCancel;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                onCancel.run();
            }
            return cancelled;
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }
}
