package io.github.mjsdk.internal;

import io.github.mjsdk.model.Task;
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
    final CompletableFuture<Task> result = new CompletableFuture<>();
    PollEntry entry;

    PollWait(long seq, PollOptions options, ModalConfirmer modal, TaskListener listener, SerialExecutor serial,
             Instant started) {
        this.seq = seq;
        this.options = options;
        this.modal = modal;
        this.listener = listener;
        this.serial = serial;
        this.started = started;
        this.deadline = started.plus(options.timeout());
    }
}
