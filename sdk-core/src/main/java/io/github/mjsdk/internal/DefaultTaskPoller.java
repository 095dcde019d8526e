package io.github.mjsdk.internal;

import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.poll.TaskPoller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timer-driven waits: each wait is a chain of one-shot timers on the shared scheduler and async fetches; no thread
 * blocks. A deadline timer per wait guarantees completion by the deadline even if a fetch hangs.
 */
public final class DefaultTaskPoller implements TaskPoller {
    static final Duration NOT_FOUND_GRACE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DefaultTaskPoller.class);

    private final TaskFetcher fetcher;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Executor callbackExecutor;
    private final BooleanSupplier closed;
    private final Set<Wait> waits = ConcurrentHashMap.newKeySet();

    public DefaultTaskPoller(TaskFetcher fetcher, ScheduledExecutorService scheduler, Clock clock,
                             Executor callbackExecutor, BooleanSupplier closed) {
        this.fetcher = fetcher;
        this.scheduler = scheduler;
        this.clock = clock;
        this.callbackExecutor = callbackExecutor;
        this.closed = closed;
    }

    @Override
    public CompletableFuture<Task> await(String taskId) {
        return await(taskId, PollOptions.defaults());
    }

    @Override
    public CompletableFuture<Task> await(String taskId, PollOptions options) {
        Args.notBlank(taskId, "taskId");
        Args.notNull(options, "options");
        if (closed.getAsBoolean()) {
            throw new IllegalStateException("the client is closed");
        }
        Operation operation = new Operation();
        return Futures.deliver(track(taskId, options, operation, null), operation, callbackExecutor);
    }

    @Override
    public int pendingWaits() {
        return waits.size();
    }

    /** Starts a wait; {@code modal} null means a MODAL task fails with ModalRequiredException. */
    public CompletableFuture<Task> track(String taskId, PollOptions options, Operation operation,
                                        ModalConfirmer modal) {
        Wait wait = new Wait(taskId, options, operation, modal, clock.instant());
        waits.add(wait);
        wait.result.whenComplete((task, error) -> {
            waits.remove(wait);
            ScheduledFuture<?> deadline = wait.deadlineTimer;
            if (deadline != null) {
                deadline.cancel(false);
            }
        });
        try {
            wait.deadlineTimer = scheduler.schedule(() -> timeOut(wait), options.timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            wait.result.completeExceptionally(new CancellationException("client closed"));
            return wait.result;
        }
        schedule(wait, options.initialDelay());
        return wait.result;
    }

    /** Fails every wait with CancellationException (client close). */
    public void cancelAll() {
        for (Wait wait : waits) {
            wait.operation.cancel();
            wait.result.completeExceptionally(new CancellationException("client closed"));
        }
    }

    private void schedule(Wait wait, Duration delay) {
        if (wait.result.isDone() || wait.operation.isCancelled()) {
            return;
        }
        Duration remaining = Duration.between(clock.instant(), wait.deadline);
        Duration actual = delay.compareTo(remaining) > 0 ? remaining : delay;
        try {
            wait.operation.track(scheduler.schedule(() -> poll(wait), Math.max(0, actual.toMillis()),
                    TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            wait.result.completeExceptionally(new CancellationException("client closed"));
        }
    }

    private void poll(Wait wait) {
        if (wait.result.isDone() || wait.operation.isCancelled()) {
            return;
        }
        CompletableFuture<Task> fetched;
        try {
            fetched = fetcher.fetch(wait.taskId, wait.operation);
        } catch (RuntimeException e) {
            fetched = CompletableFuture.failedFuture(e);
        }
        fetched.whenComplete((task, error) -> {
            if (error == null) {
                onTask(wait, task);
            } else {
                onError(wait, Futures.unwrap(error));
            }
        });
    }

    private void onTask(Wait wait, Task task) {
        wait.last = task;
        wait.failures = 0;
        wait.everFound = true;
        TaskStatus status = task.status();
        if (status == TaskStatus.SUCCESS) {
            wait.result.complete(task);
            return;
        }
        if (status == TaskStatus.FAILURE || status == TaskStatus.CANCEL) {
            String reason = task.failReason() == null ? "no reason given" : task.failReason();
            wait.result.completeExceptionally(new TaskFailedException(
                    "task " + task.id() + " ended in " + status + ": " + reason, task));
            return;
        }
        if (status == TaskStatus.MODAL && !wait.modalSent) {
            confirmModal(wait, task);
            return;
        }
        afterPoll(wait, wait.options.interval());
    }

    private void confirmModal(Wait wait, Task task) {
        if (wait.modal == null) {
            wait.result.completeExceptionally(new ModalRequiredException("task " + task.id()
                    + " waits in status MODAL for input: continue it with submitModal(..)", task));
            return;
        }
        wait.modalSent = true;
        CompletableFuture<String> confirmed;
        try {
            confirmed = wait.modal.confirm(task, wait.operation);
        } catch (RuntimeException e) {
            confirmed = CompletableFuture.failedFuture(e);
        }
        confirmed.whenComplete((nextId, error) -> {
            if (error != null) {
                wait.result.completeExceptionally(Futures.unwrap(error));
                return;
            }
            if (nextId != null && !nextId.equals(wait.taskId)) {
                LOG.debug("modal of task {} continues as task {}", wait.taskId, nextId);
                wait.taskId = nextId;
            }
            afterPoll(wait, wait.options.interval());
        });
    }

    private void onError(Wait wait, Throwable error) {
        if (error instanceof CancellationException || wait.result.isDone()) {
            wait.result.completeExceptionally(error);
            return;
        }
        if (error instanceof AuthenticationException || !(error instanceof MidjourneyException)) {
            wait.result.completeExceptionally(error);
            return;
        }
        if (error instanceof NotFoundException) {
            boolean inGrace = !wait.everFound
                    && Duration.between(wait.started, clock.instant()).compareTo(NOT_FOUND_GRACE) < 0;
            if (!inGrace) {
                wait.result.completeExceptionally(error);
                return;
            }
        } else if (!transientError((MidjourneyException) error)) {
            wait.result.completeExceptionally(error);
            return;
        }
        wait.failures++;
        Duration backoff = wait.options.interval().multipliedBy(1L << Math.min(wait.failures, 5));
        if (error instanceof RateLimitException) {
            Duration asked = ((RateLimitException) error).retryAfter().orElse(null);
            if (asked != null && asked.compareTo(backoff) > 0) {
                backoff = asked;
            }
        }
        if (backoff.compareTo(PollOptions.MAX_BACKOFF) > 0) {
            backoff = PollOptions.MAX_BACKOFF;
        }
        LOG.debug("poll of task {} failed ({}); next try in {} ms", wait.taskId, error.toString(), backoff.toMillis());
        afterPoll(wait, backoff);
    }

    private static boolean transientError(MidjourneyException error) {
        if (error instanceof io.github.mjsdk.error.TransportException
                || error instanceof io.github.mjsdk.error.ProtocolException
                || error instanceof io.github.mjsdk.error.ServerException
                || error instanceof RateLimitException) {
            return true;
        }
        return false;
    }

    private void afterPoll(Wait wait, Duration delay) {
        if (!clock.instant().isBefore(wait.deadline)) {
            timeOut(wait);
            return;
        }
        schedule(wait, delay);
    }

    private void timeOut(Wait wait) {
        if (wait.result.isDone()) {
            return;
        }
        Duration elapsed = Duration.between(wait.started, clock.instant());
        Task last = wait.last;
        boolean timedOut = wait.result.completeExceptionally(new TaskTimeoutException("task " + wait.taskId
                + " was not finished after " + elapsed.toSeconds() + " s"
                + (last == null ? " (never fetched successfully)" : " (last seen " + last.status() + " "
                + last.progress() + "%)"), last, elapsed));
        if (timedOut) {
            wait.operation.cancel();
        }
    }

    /** State of one wait. Fields are touched by one step at a time; the futures give the ordering. */
    private static final class Wait {
        final PollOptions options;
        final Operation operation;
        final ModalConfirmer modal;
        final Instant started;
        final Instant deadline;
        final CompletableFuture<Task> result = new CompletableFuture<>();
        volatile String taskId;
        volatile Task last;
        volatile int failures;
        volatile boolean everFound;
        volatile boolean modalSent;
        volatile ScheduledFuture<?> deadlineTimer;

        Wait(String taskId, PollOptions options, Operation operation, ModalConfirmer modal, Instant started) {
            this.taskId = taskId;
            this.options = options;
            this.operation = operation;
            this.modal = modal;
            this.started = started;
            this.deadline = started.plus(options.timeout());
        }
    }
}
