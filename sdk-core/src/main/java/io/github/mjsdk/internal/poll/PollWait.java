package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.util.SerialExecutor;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.poll.TaskListener;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One caller waiting for a task. Small on purpose: thousands may be pending. */
final class PollWait {
    final long seq;
    final PollOptions options;
    final ModalConfirmer modal;
    final TaskListener listener;
    final SerialExecutor serial;
    final Instant started;
    final Instant deadline;
    /** The tier's id for observers ({@code "turbo"}…), or {@code "none"}. */
    final String tier;
    /** Whether the observer heard this wait's end; guarded by this wait. */
    private boolean ended;
    final CompletableFuture<Task> result = new CompletableFuture<>();
    /** The entry whose polls serve this wait; changes when a modal continues under a tracked id. Lock-guarded. */
    PollEntry entry;
    private TaskStatus heardStatus;
    private int heardProgress = -1;

    PollWait(long seq, PollOptions options, ModalConfirmer modal, TaskListener listener, SerialExecutor serial,
             Instant started, String tier) {
        this.tier = tier;
        this.seq = seq;
        this.options = options;
        this.modal = modal;
        this.listener = listener;
        this.serial = serial;
        this.started = started;
        this.deadline = started.plus(options.timeout());
    }

    /** True the first time only: the wait's end is reported once. */
    synchronized boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    /**
     * Whether this wait's listener should hear {@code task}: it has one, and the status or progress differs from the
     * last task it heard (a wait that joined a shared poll late hears the current state once). Caller holds the
     * poller's lock.
     */
    boolean hears(Task task) {
        if (listener == null || (task.status() == heardStatus && task.progress() == heardProgress)) {
            return false;
        }
        heardStatus = task.status();
        heardProgress = task.progress();
        return true;
    }
}
