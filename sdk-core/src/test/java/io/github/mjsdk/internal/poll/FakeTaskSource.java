package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.model.Task;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A scripted {@link TaskSource}: records every call with the virtual time it was made at, and answers at once from
 * per-id scripts (a Task or a RuntimeException per call; the last one repeats), or leaves calls pending while
 * {@link #hold(boolean)} is on so a test can complete them by hand.
 */
final class FakeTaskSource implements TaskSource {

    /** One call: "fetch" with one id or "list" with the chunk's ids. */
    record Call(String kind, List<String> ids, Operation operation, Instant at, CompletableFuture<?> future) {
    }

    private final Clock clock;
    private final Instant start;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Object>> scripts = new HashMap<>();
    private final Deque<RuntimeException> listFailures = new ArrayDeque<>();
    private final Set<String> hiddenFromList = new HashSet<>();
    private boolean holding;

    FakeTaskSource(Clock clock) {
        this.clock = clock;
        this.start = clock.instant();
    }

    /** What fetches (and batch answers) of {@code id} return, one per call; the last answer repeats. */
    synchronized FakeTaskSource script(String id, Object... answers) {
        Deque<Object> queue = new ArrayDeque<>();
        for (Object answer : answers) {
            if (!(answer instanceof Task) && !(answer instanceof RuntimeException)) {
                throw new IllegalArgumentException("a Task or a RuntimeException, got " + answer);
            }
            queue.add(answer);
        }
        scripts.put(id, queue);
        return this;
    }

    /** The next batch call fails with {@code failure}. */
    synchronized void failNextList(RuntimeException failure) {
        listFailures.add(failure);
    }

    /** Batch answers leave {@code id} out (as a server whose list does not know it yet). */
    synchronized void hideFromList(String id) {
        hiddenFromList.add(id);
    }

    /** While on, calls are recorded but their futures stay pending. */
    synchronized void hold(boolean on) {
        holding = on;
    }

    /** Every call so far, as "{ms since start} {kind} {ids}", e.g. "4000 list t1,t2". */
    synchronized List<String> log() {
        List<String> lines = new ArrayList<>();
        for (Call call : calls) {
            lines.add(Duration.between(start, call.at()).toMillis() + " " + call.kind() + " "
                    + String.join(",", call.ids()));
        }
        return lines;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized Call lastCall() {
        return calls.get(calls.size() - 1);
    }

    synchronized void clearLog() {
        calls.clear();
    }

    @Override
    public CompletableFuture<Task> fetch(String taskId, Operation operation) {
        CompletableFuture<Task> future = new CompletableFuture<>();
        Object answer;
        synchronized (this) {
            calls.add(new Call("fetch", List.of(taskId), operation, clock.instant(), future));
            if (holding) {
                return future;
            }
            answer = next(taskId, true);
        }
        if (answer instanceof Task task) {
            future.complete(task);
        } else if (answer instanceof RuntimeException failure) {
            future.completeExceptionally(failure);
        } else {
            future.completeExceptionally(notFound(taskId));
        }
        return future;
    }

    @Override
    public CompletableFuture<List<Task>> fetchAll(Collection<String> ids, Operation operation) {
        CompletableFuture<List<Task>> future = new CompletableFuture<>();
        RuntimeException failure;
        List<Task> found = new ArrayList<>();
        synchronized (this) {
            calls.add(new Call("list", List.copyOf(ids), operation, clock.instant(), future));
            if (holding) {
                return future;
            }
            failure = listFailures.poll();
            if (failure == null) {
                for (String id : ids) {
                    if (!hiddenFromList.contains(id) && next(id, false) instanceof Task) {
                        found.add((Task) next(id, true));
                    }
                }
            }
        }
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(found);
        }
        return future;
    }

    /** The next scripted answer of {@code id}, or null when it has none; consumed unless it is the last. */
    private Object next(String id, boolean consume) {
        Deque<Object> queue = scripts.get(id);
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        return consume && queue.size() > 1 ? queue.poll() : queue.peek();
    }

    static NotFoundException notFound(String taskId) {
        return new NotFoundException("task " + taskId + " not found", 200, null, null, null, "");
    }
}
