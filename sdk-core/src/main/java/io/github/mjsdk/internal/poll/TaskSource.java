package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.model.Task;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the poller needs from the client: tasks by id, one at a time or in one batch request. */
public interface TaskSource {
    CompletableFuture<Task> fetch(String taskId, Operation operation);

    /** The tasks the server knows among {@code ids}; unknown ids are absent from the answer. */
    CompletableFuture<List<Task>> fetchAll(Collection<String> ids, Operation operation);
}
