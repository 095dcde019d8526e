package io.github.mjsdk.internal.flow;

import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.internal.dialect.Dialect;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.internal.http.Transport;
import io.github.mjsdk.internal.poll.TaskSource;
import io.github.mjsdk.internal.util.Futures;
import io.github.mjsdk.internal.util.ServerText;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Task queries through the dialect: one task, many (one batch request where the protocol has one, else one query
 * per id), and the full view of a task for dialects that poll a summary. The poller's {@link TaskSource}.
 */
public final class TaskQueries implements TaskSource {
    private final Dialect dialect;
    private final Transport transport;
    private final Clock clock;
    private final boolean batchQuery;

    /**
     * Queries.
     *
     * @param dialect    the provider's dialect
     * @param transport  the HTTP layer
     * @param clock      the time source, for parsing
     * @param batchQuery whether the protocol has a batch query
     */
    public TaskQueries(Dialect dialect, Transport transport, Clock clock, boolean batchQuery) {
        this.dialect = dialect;
        this.transport = transport;
        this.clock = clock;
        this.batchQuery = batchQuery;
    }

    /**
     * One task, as every public call returns it: for a dialect that polls a summary (apimart's unified view, with
     * no action, prompt or buttons), a finished task is read once more in full and the two views merged.
     */
    @Override
    public CompletableFuture<Task> fetch(String taskId, Operation operation) {
        CompletableFuture<Task> polled = transport.send(dialect.fetch(taskId), operation).thenApply(response ->
                asked(taskId, response, dialect.parseTask(response, taskId, clock.instant())));
        if (!dialect.pollsWithSummary()) {
            return polled;
        }
        return polled.thenCompose(summary -> {
            TaskStatus status = summary.status();
            if (status != TaskStatus.SUCCESS && status != TaskStatus.FAILURE && status != TaskStatus.CANCEL) {
                return CompletableFuture.completedFuture(summary);
            }
            return fetchDetailed(taskId, operation).thenApply(detailed -> dialect.merge(summary, detailed));
        });
    }

    @Override
    public CompletableFuture<List<Task>> fetchAll(Collection<String> ids, Operation operation) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (!batchQuery) {
            return fetchEach(List.copyOf(ids), operation);
        }
        return transport.send(dialect.list(ids), operation)
                .thenApply(response -> onlyAsked(ids, dialect.parseTasks(response, clock.instant())));
    }

    /** Several tasks as {@link #fetchAll} for ids that may repeat: each id is asked once, first seen first. */
    public CompletableFuture<List<Task>> fetchDistinct(Collection<String> ids, Operation operation) {
        return fetchAll(List.copyOf(new LinkedHashSet<>(ids)), operation);
    }

    /** One query per id, for dialects without a batch query; unknown ids are left out, as a batch would. */
    private CompletableFuture<List<Task>> fetchEach(List<String> ids, Operation operation) {
        List<CompletableFuture<Task>> each = new ArrayList<>(ids.size());
        for (String id : ids) {
            each.add(fetch(id, operation).exceptionally(error -> {
                if (Futures.unwrap(error) instanceof NotFoundException) {
                    return null;
                }
                throw error instanceof CompletionException ? (CompletionException) error
                        : new CompletionException(error);
            }));
        }
        return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            List<Task> tasks = new ArrayList<>(ids.size());
            for (CompletableFuture<Task> one : each) {
                Task task = one.join();
                if (task != null) {
                    tasks.add(task);
                }
            }
            return tasks;
        });
    }

    /** The full view of a task (buttons, action, prompt), for dialects that poll a summary. */
    public CompletableFuture<Task> fetchDetailed(String taskId, Operation operation) {
        return transport.send(dialect.fetchDetailed(taskId), operation).thenApply(response -> asked(taskId, response,
                dialect.parseTask(response, taskId, clock.instant())));
    }

    /** The task, when it is the one asked for; a server that answers another task's JSON is not believed. */
    private static Task asked(String taskId, ApiResponse response, Task task) {
        if (!taskId.equals(task.id())) {
            throw new ProtocolException(response.request().describe() + " answered task "
                    + ServerText.clip(task.id()) + ", not the task asked for", response.status(), response.excerpt(),
                    null);
        }
        return task;
    }

    /** The tasks of a batch answer that were asked for, each once (the first answer for an id counts). */
    private static List<Task> onlyAsked(Collection<String> ids, List<Task> tasks) {
        Set<String> wanted = ids instanceof Set ? (Set<String>) ids : new HashSet<>(ids);
        Map<String, Task> kept = new LinkedHashMap<>();
        for (Task task : tasks) {
            if (wanted.contains(task.id())) {
                kept.putIfAbsent(task.id(), task);
            }
        }
        return kept.size() == tasks.size() ? tasks : new ArrayList<>(kept.values());
    }
}
