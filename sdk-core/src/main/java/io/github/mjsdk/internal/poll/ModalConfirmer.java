package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.model.Task;
import java.util.concurrent.CompletableFuture;

/**
 * Answers a task found in status MODAL: submits {@code /submit/modal} and completes with the id to keep waiting on
 * (the same id on PLUS servers), or fails (e.g. {@code ModalRequiredException} when no input is at hand).
 */
@FunctionalInterface
public interface ModalConfirmer {
    CompletableFuture<String> confirm(Task modalTask, Operation operation);
}
