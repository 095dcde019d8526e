package io.github.mjsdk.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;

/**
 * One public call: its {@link CallOptions}, which travel with every request it makes, and its cancellation
 * handle, which tracks its in-flight HTTP call and its pending timer so that cancelling the user's future stops both.
 */
public final class Operation {
    private final CallOptions options;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Call call;
    private volatile Future<?> timer;
    /** Hooks to run on cancellation; created on first use (most operations never get one). Guarded by this. */
    private List<Runnable> onCancel;
    private final boolean callerRuns;

    /** An operation under the client's own settings (polls, batches, downloads). */
    public Operation() {
        this(null, false);
    }

    /** An operation whose requests use {@code options}, or the client's when null. */
    public Operation(CallOptions options) {
        this(options, false);
    }

    /**
     * An operation whose caller blocks for its result anyway: its first HTTP attempt may run on the caller's thread
     * (retries still go through the scheduler and the dispatcher).
     */
    public Operation(CallOptions options, boolean callerRuns) {
        this.options = options;
        this.callerRuns = callerRuns;
    }

    /** Whether the first attempt runs on the calling thread. */
    public boolean callerRuns() {
        return callerRuns;
    }

    /** Forgets a call that has finished, so that a long wait does not keep it reachable. */
    public void finished(Call done) {
        if (call == done) {
            call = null;
        }
    }

    /** The call's options, or null for the client's. */
    public CallOptions options() {
        return options;
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Records the in-flight call; cancels it at once when the operation is already cancelled. */
    public void track(Call current) {
        call = current;
        if (cancelled.get()) {
            current.cancel();
        }
    }

    /** Records the pending timer; cancels it at once when the operation is already cancelled. */
    public void track(Future<?> pending) {
        timer = pending;
        if (cancelled.get()) {
            pending.cancel(false);
        }
    }

    /**
     * Runs {@code hook} when the operation is cancelled (at once if it already is). A hook whose work ends before
     * that is forgotten with {@link #forget(Runnable)}, so a long operation (a wait's polls) does not collect hooks.
     */
    public void onCancel(Runnable hook) {
        synchronized (this) {
            if (!cancelled.get()) {
                if (onCancel == null) {
                    onCancel = new ArrayList<>(2);
                }
                onCancel.add(hook);
                return;
            }
        }
        hook.run();
    }

    /** Forgets a hook given to {@link #onCancel(Runnable)}; nothing happens when it is not there. */
    public synchronized void forget(Runnable hook) {
        if (onCancel != null) {
            onCancel.remove(hook);
        }
    }

    /** Cancels the in-flight call and the pending timer; idempotent. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Call current = call;
            if (current != null) {
                current.cancel();
            }
            Future<?> pending = timer;
            if (pending != null) {
                pending.cancel(false);
            }
            List<Runnable> hooks;
            synchronized (this) {
                hooks = onCancel;
                onCancel = null;
            }
            if (hooks != null) {
                hooks.forEach(Runnable::run);
            }
        }
    }
}
