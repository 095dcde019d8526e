package io.github.mjsdk.internal;

import io.github.mjsdk.model.Task;
import java.util.concurrent.CompletableFuture;

/** What the poller needs from the client: one task by id. */
@FunctionalInterface
public interface TaskFetcher {
    CompletableFuture<Task> fetch(String taskId, Operation operation);
}
