package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Futures;
import io.github.mjsdk.internal.util.SerialExecutor;
import io.github.mjsdk.error.ClientClosedException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.observe.PollRound;
import io.github.mjsdk.observe.WaitEnded;
import io.github.mjsdk.observe.WaitOutcome;
import io.github.mjsdk.observe.WaitStarted;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.poll.TaskListener;
import io.github.mjsdk.poll.TaskPoller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller: every pending wait is an entry in a {@link PollQueue} (by next poll) and a set by deadline, guarded
 * by one lock, and one timer on the client's scheduler fires at the earliest of them. At each tick, every task due
 * within {@link #BATCH_WINDOW} is fetched with {@code list-by-condition} in chunks; the last chunk is topped up with
 * the entries past the middle of their current delay or due within 2 s ({@link PollQueue}), which ride along in a
 * request that goes out anyway and then keep polling together, so a steady stream of waits costs one request per
 * round, not one per wait's phase. A single entry due with none ripe, and every tick without the batch route, poll
 * by id as before. Ids missing from a batch answer are fetched one by one; a server without the batch route
 * (404/405) gets per-id fetches from then on. Waits on the same task id share one entry and so one poll. No thread
 * blocks; a pending wait holds a few hundred bytes.
 */
public final class DefaultTaskPoller implements TaskPoller {
    static final Duration NOT_FOUND_GRACE = PollDecision.NOT_FOUND_GRACE;
    static final Duration BATCH_WINDOW = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(DefaultTaskPoller.class);

    private final TaskSource source;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Executor callbackExecutor;
    private final BooleanSupplier closed;
    private final int chunkSize;
    private final DoubleSupplier random;
    private final RequestSlots slots;
    private final ClientObserver observer;

    private final Object lock = new Object();
    private final Map<String, PollEntry> entries = new HashMap<>();
    private final PollQueue due = new PollQueue();
    private final TreeSet<PollWait> deadlines = new TreeSet<>(Comparator.comparing((PollWait w) -> w.deadline)
            .thenComparingLong(w -> w.seq));
    private long sequence;
    private int waitCount;
    private ScheduledFuture<?> timer;
    private Instant timerAt;
    private volatile boolean batchSupported;
    private volatile boolean webhooks;
    /** The options of {@link #await(String)}: the server's default tier's where it has one (apimart: relax). */
    private final PollOptions defaults;
    /** The batch requests in flight (they serve several entries, so only closing the client cancels them). */
    private final Set<Operation> batches = ConcurrentHashMap.newKeySet();

    public DefaultTaskPoller(TaskSource source, ScheduledExecutorService scheduler, Clock clock,
                             Executor callbackExecutor, BooleanSupplier closed, int chunkSize, DoubleSupplier random) {
        this(source, scheduler, clock, callbackExecutor, closed, chunkSize, random, Integer.MAX_VALUE, true,
                new ClientObserver() { }, PollOptions.defaults());
    }

    /**
     * A poller that runs at most {@code maxInFlight} scheduled poll requests at once (batch or single); the others
     * of a tick wait for a free slot. Webhook wake-ups are not limited. Without {@code batchQuery}, every task is
     * polled with its own query.
     */
    public DefaultTaskPoller(TaskSource source, ScheduledExecutorService scheduler, Clock clock,
                             Executor callbackExecutor, BooleanSupplier closed, int chunkSize, DoubleSupplier random,
                             int maxInFlight, boolean batchQuery, ClientObserver observer,
                             PollOptions defaults) {
        this.defaults = defaults;
        this.observer = observer;
        this.slots = new RequestSlots(maxInFlight);
        this.batchSupported = batchQuery;
        this.source = source;
        this.scheduler = scheduler;
        this.clock = clock;
        this.callbackExecutor = callbackExecutor;
        this.closed = closed;
        this.chunkSize = chunkSize;
        this.random = random;
    }

    @Override
    public CompletableFuture<Task> await(String taskId) {
        return await(taskId, defaults);
    }

    @Override
    public CompletableFuture<Task> await(String taskId, PollOptions options) {
        return await(taskId, options, null);
    }

    @Override
    public CompletableFuture<Task> await(String taskId, PollOptions options, TaskListener listener) {
        Args.notBlank(taskId, "taskId");
        Args.notNull(options, "options");
        if (closed.getAsBoolean()) {
            throw new IllegalStateException("the client is closed");
        }
        Operation operation = new Operation();
        return Futures.deliver(track(taskId, options, operation, null, listener, null), operation::cancel,
                callbackExecutor);
    }

    @Override
    public Optional<Task> lastSeen(String taskId) {
        synchronized (lock) {
            PollEntry entry = entries.get(taskId);
            return Optional.ofNullable(entry == null ? null : entry.last);
        }
    }

    @Override
    public int pendingWaits() {
        synchronized (lock) {
            return waitCount;
        }
    }

    /** Whether batched queries are still used (false after the server answered 404/405 to one). */
    public boolean batchSupported() {
        return batchSupported;
    }

    /** Webhooks configured: regular polls become three times rarer (they only guard against lost callbacks). */
    public void webhooksActive(boolean active) {
        webhooks = active;
    }

    /** Starts a wait of no known tier (see the six-argument form). */
    public CompletableFuture<Task> track(String taskId, PollOptions options, Operation operation,
                                        ModalConfirmer modal, TaskListener listener) {
        return track(taskId, options, operation, modal, listener, null);
    }

    /**
     * Starts a wait. {@code modal} null: a MODAL task fails the wait with ModalRequiredException. {@code listener}
     * may be null. Cancelling {@code operation} cancels the wait. {@code tier}: the tier the task runs at, for
     * observers, or null.
     */
    public CompletableFuture<Task> track(String taskId, PollOptions options, Operation operation,
                                        ModalConfirmer modal, TaskListener listener, SpeedTier tier) {
        Instant now = clock.instant();
        PollWait wait;
        String tierId = tier == null ? "none" : tier.id();
        observer.waitStarted(new WaitStarted(taskId, tierId));
        synchronized (lock) {
            wait = new PollWait(sequence++, options, modal, listener,
                    listener == null ? null : new SerialExecutor(callbackExecutor), now, tierId);
            PollEntry entry = entries.get(taskId);
            Instant firstPoll = now.plus(options.initialDelay());
            if (entry == null) {
                entry = new PollEntry(taskId, sequence++, now);
                entries.put(taskId, entry);
                entry.waits.add(wait);
                queue(entry, firstPoll, now);
            } else {
                entry.waits.add(wait);
                if (entry.queued && firstPoll.isBefore(entry.nextPollAt)) {
                    queue(entry, firstPoll, now);
                }
            }
            wait.entry = entry;
            deadlines.add(wait);
            waitCount++;
            rearm();
        }
        wait.result.whenComplete((task, error) -> { // cancelled from outside: cancel(..), operation
            ended(wait, task, error);
            detach(wait);
        });
        operation.onCancel(() -> wait.result.cancel(false));
        return wait.result;
    }

    @Override
    public boolean wake(String taskId) {
        Args.notBlank(taskId, "taskId");
        PollEntry entry;
        synchronized (lock) {
            entry = entries.get(taskId);
            if (entry == null) {
                return false;
            }
            if (entry.inFlight) {
                entry.woken = true;
                return true;
            }
            due.remove(entry);
            entry.inFlight = true;
            entry.woken = false;
        }
        observer.pollRound(new PollRound(1, 1));
        fetchOne(entry);
        return true;
    }

    /** Fails every wait with ClientClosedException and cancels every poll in flight (client close). */
    public void cancelAll() {
        List<PollWait> all;
        List<Operation> operations = new ArrayList<>();
        synchronized (lock) {
            all = new ArrayList<>(deadlines);
            for (PollWait wait : all) {
                operations.add(wait.entry.operation);
            }
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
            slots.clear();
        }
        operations.forEach(Operation::cancel);
        batches.forEach(Operation::cancel);
        for (PollWait wait : all) {
            ClientClosedException closing = new ClientClosedException("the client was closed while waiting for task "
                    + wait.entry.taskId);
            ended(wait, null, closing);
            detach(wait);
            wait.result.completeExceptionally(closing);
        }
    }

    // ------------------------------------------------------------------ the timer

    private void queue(PollEntry entry, Instant at, Instant now) {
        due.add(entry, at, now);
        entry.inFlight = false;
    }

    /**
     * Points the single timer at the earliest next poll or deadline. Caller holds the lock. The delay is counted from
     * the clock as it is now: counted from an instant a caller read before waiting for the lock (or before an
     * observer ran), it would set the timer late by that wait, and a deadline would fire late.
     */
    private void rearm() {
        Instant next = null;
        if (!due.isEmpty()) {
            next = due.firstDue();
        }
        if (!deadlines.isEmpty() && (next == null || deadlines.first().deadline.isBefore(next))) {
            next = deadlines.first().deadline;
        }
        if (next == null || (timer != null && !timerAt.isAfter(next))) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
        try {
            timer = scheduler.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
            timerAt = next;
        } catch (RejectedExecutionException shutDown) {
            timer = null;
        }
    }

    private void tick() {
        List<PollEntry> batch = new ArrayList<>();
        List<PollWait> expired = new ArrayList<>();
        synchronized (lock) {
            timer = null;
            Instant now = clock.instant();
            Instant horizon = now.plus(BATCH_WINDOW);
            for (PollEntry entry = due.pollDue(horizon); entry != null; entry = due.pollDue(horizon)) {
                batch.add(take(entry));
            }
            if (batchSupported && !batch.isEmpty()) {
                // ride-along: top the last chunk up with ripe entries; a fuller chunk costs the same request, and
                // the entries then keep polling together
                PollEntry ripe;
                while (batch.size() % chunkSize != 0 && (ripe = due.pollRipe(now)) != null) {
                    batch.add(take(ripe));
                }
            }
            while (!deadlines.isEmpty() && !deadlines.first().deadline.isAfter(now)) {
                expired.add(deadlines.pollFirst());
            }
            rearm();
        }
        for (PollWait wait : expired) {
            timeOut(wait);
        }
        dispatch(batch);
    }

    /** Marks an entry taken out of the queue as being polled now. Caller holds the lock. */
    private static PollEntry take(PollEntry entry) {
        entry.inFlight = true;
        entry.woken = false;
        return entry;
    }

    private void dispatch(List<PollEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1 || !batchSupported) {
            observer.pollRound(new PollRound(batch.size(), batch.size()));
            batch.forEach(this::fetchOneLimited);
            return;
        }
        observer.pollRound(new PollRound(batch.size(), (batch.size() + chunkSize - 1) / chunkSize));
        for (int from = 0; from < batch.size(); from += chunkSize) {
            List<PollEntry> chunk = batch.subList(from, Math.min(batch.size(), from + chunkSize));
            if (chunk.size() == 1) {
                fetchOneLimited(chunk.get(0));
                continue;
            }
            List<PollEntry> copy = new ArrayList<>(chunk);
            slots.run(() -> fetchChunk(copy));
        }
    }

    private void fetchOneLimited(PollEntry entry) {
        slots.run(() -> fetchOne(entry));
    }

    // ------------------------------------------------------------------ fetching

    /** Polls one task; the returned future completes when the answer has been acted on. */
    private CompletableFuture<?> fetchOne(PollEntry entry) {
        CompletableFuture<Task> fetched;
        try {
            fetched = source.fetch(entry.taskId, entry.operation);
        } catch (RuntimeException e) {
            fetched = CompletableFuture.failedFuture(e);
        }
        return fetched.whenComplete((task, error) -> {
            if (error == null) {
                onTask(entry, task);
            } else {
                onError(entry, Futures.unwrap(error));
            }
        });
    }

    private CompletableFuture<?> fetchChunk(List<PollEntry> chunk) {
        List<String> ids = new ArrayList<>(chunk.size());
        chunk.forEach(entry -> ids.add(entry.taskId));
        Operation batch = new Operation();
        batches.add(batch);
        CompletableFuture<List<Task>> fetched;
        try {
            fetched = source.fetchAll(ids, batch);
        } catch (RuntimeException e) {
            fetched = CompletableFuture.failedFuture(e);
        }
        return fetched.whenComplete((tasks, error) -> {
            batches.remove(batch);
            if (error == null) {
                onChunk(chunk, tasks);
                return;
            }
            Throwable cause = Futures.unwrap(error);
            if (PollDecision.batchQueryMissing(cause)) {
                LOG.info("the server has no batch task query ({}); polling task by task from now on",
                        cause.getMessage());
                batchSupported = false;
                chunk.forEach(this::fetchOneLimited);
                return;
            }
            chunk.forEach(entry -> onError(entry, cause));
        });
    }

    private void onChunk(List<PollEntry> chunk, List<Task> tasks) {
        Map<String, Task> byId = new HashMap<>();
        for (Task task : tasks) {
            byId.put(task.id(), task);
        }
        for (PollEntry entry : chunk) {
            Task task = byId.get(entry.taskId);
            if (task != null) {
                onTask(entry, task);
            } else if (isTracked(entry)) {
                fetchOneLimited(entry);
            }
        }
    }

    // ------------------------------------------------------------------ outcomes

    private void onTask(PollEntry entry, Task task) {
        List<PollWait> waits;
        List<PollWait> listening = new ArrayList<>();
        synchronized (lock) {
            if (entries.get(entry.taskId) != entry) {
                return;
            }
            entry.record(task);
            waits = new ArrayList<>(entry.waits);
            for (PollWait wait : waits) {
                if (wait.hears(task)) {
                    listening.add(wait);
                }
            }
        }
        for (PollWait wait : listening) {
            notifyListener(wait, task);
        }
        PollWait confirming = null;
        for (PollWait wait : waits) {
            if (wait.modal != null) {
                confirming = wait;
                break;
            }
        }
        PollDecision decision = PollDecision.onTask(task, entry.modalSent, confirming != null);
        if (decision instanceof PollDecision.Complete) {
            finishEntry(entry, task, null);
        } else if (decision instanceof PollDecision.Fail) {
            finishEntry(entry, null, ((PollDecision.Fail) decision).error());
        } else if (decision instanceof PollDecision.ConfirmModal) {
            confirmModal(entry, task, confirming);
        } else {
            requeueAfterPoll(entry, false);
        }
    }

    private void confirmModal(PollEntry entry, Task task, PollWait confirming) {
        entry.modalSent = true;
        CompletableFuture<String> confirmed;
        try {
            confirmed = confirming.modal.confirm(task, entry.operation);
        } catch (RuntimeException e) {
            confirmed = CompletableFuture.failedFuture(e);
        }
        confirmed.whenComplete((nextId, error) -> {
            if (error != null) {
                finishEntry(entry, null, Futures.unwrap(error));
                return;
            }
            if (nextId != null && !nextId.equals(entry.taskId)) {
                rekey(entry, nextId);
            }
            requeueAfterPoll(entry, true);
        });
    }

    /**
     * Moves an entry to the id its modal continues as; when waits already track that id, the entry's waits join
     * that entry and its polls (the entry, left without waits, is dropped).
     */
    private void rekey(PollEntry entry, String nextId) {
        synchronized (lock) {
            if (entries.get(entry.taskId) == entry) {
                entries.remove(entry.taskId);
            }
            LOG.debug("modal of task {} continues as task {}", entry.taskId, nextId);
            entry.taskId = nextId;
            PollEntry existing = entries.get(nextId);
            if (existing == null) {
                entries.put(nextId, entry);
                return;
            }
            for (PollWait wait : entry.waits) {
                wait.entry = existing;
                existing.waits.add(wait);
            }
            entry.waits.clear();
        }
    }

    private void onError(PollEntry entry, Throwable error) {
        int failedPolls;
        int fewestAllowed;
        synchronized (lock) {
            if (PollDecision.counts(error)) {
                entry.failedPolls++;
            }
            if (!(error instanceof CancellationException)) {
                entry.lastError = error;
            }
            failedPolls = entry.failedPolls;
            fewestAllowed = entry.waits.isEmpty() ? Integer.MAX_VALUE : entry.fewestFailedPollsAllowed();
        }
        PollDecision decision = PollDecision.onError(error, entry.everFound,
                Duration.between(entry.created, clock.instant()), failedPolls, fewestAllowed);
        if (decision instanceof PollDecision.FailAll) {
            failEverything(error);
            return;
        }
        if (decision instanceof PollDecision.Fail) {
            finishEntry(entry, null, error);
            return;
        }
        Duration retryAfter;
        if (decision instanceof PollDecision.GiveUp) {
            giveUp(entry, failedPolls, error);
            retryAfter = ((PollDecision.GiveUp) decision).retryAfter();
        } else if (decision instanceof PollDecision.Retry) {
            retryAfter = ((PollDecision.Retry) decision).retryAfter();
        } else {
            return;
        }
        Duration delay;
        synchronized (lock) {
            entry.failures++;
            delay = entry.waits.isEmpty() ? Duration.ZERO : entry.backoff(retryAfter);
        }
        LOG.debug("poll of task {} failed ({}); next try in {} ms", entry.taskId, error, delay.toMillis());
        requeue(entry, delay);
    }

    /** Fails the waits of an entry that allow no more than {@code failedPolls} failed polls in a row. */
    private void giveUp(PollEntry entry, int failedPolls, Throwable error) {
        List<PollWait> giving = new ArrayList<>();
        synchronized (lock) {
            for (PollWait wait : entry.waits) {
                if (PollDecision.givesUp(failedPolls, wait.options.maxFailedPolls())) {
                    giving.add(wait);
                }
            }
        }
        for (PollWait wait : giving) {
            Duration elapsed = Duration.between(wait.started, clock.instant());
            Task last;
            String taskId;
            synchronized (lock) {
                last = entry.last;
                taskId = entry.taskId;
            }
            finish(wait, null, new TaskTimeoutException("gave up waiting for task " + taskId + " after "
                    + failedPolls + " failed polls in a row (" + elapsed.toSeconds() + " s; PollOptions"
                    + ".maxFailedPolls): " + error.getMessage(), taskId, last, elapsed, error));
        }
    }

    private void requeue(PollEntry entry, Duration delay) {
        synchronized (lock) {
            if (!isTracked(entry)) {
                return;
            }
            Instant now = clock.instant();
            queue(entry, now.plus(delay), now);
            rearm();
        }
    }

    /**
     * Schedules the next regular poll after a successful one: at once when a webhook woke the entry while the poll
     * was in flight (its answer may predate the callback), else after the grown interval ({@code afterModal}: the
     * plain interval, the task was just re-queued by the server).
     */
    private void requeueAfterPoll(PollEntry entry, boolean afterModal) {
        synchronized (lock) {
            if (!isTracked(entry)) {
                return;
            }
            Duration delay;
            if (entry.woken) {
                delay = Duration.ZERO;
            } else if (afterModal) {
                delay = entry.shortestInterval();
            } else {
                delay = entry.nextInterval(webhooks, random.getAsDouble());
            }
            Instant now = clock.instant();
            queue(entry, now.plus(delay), now);
            rearm();
        }
    }

    /** Whether the entry still has waits and is still the one polled for its id. */
    private boolean isTracked(PollEntry entry) {
        synchronized (lock) {
            return entries.get(entry.taskId) == entry && !entry.waits.isEmpty();
        }
    }

    private void notifyListener(PollWait wait, Task task) {
        if (wait.listener == null) {
            return;
        }
        wait.serial.execute(() -> {
            try {
                wait.listener.onUpdate(task);
            } catch (RuntimeException e) {
                LOG.warn("a TaskListener threw on task {}; ignored", task.id(), e);
            }
        });
    }

    // ------------------------------------------------------------------ completion

    /**
     * Completes every wait of an entry. The entry is retired at once, so that a wait started while these complete
     * (their completions may be queued on the callback executor) gets a fresh entry and a poll of its own.
     */
    private void finishEntry(PollEntry entry, Task task, Throwable error) {
        List<PollWait> waits;
        synchronized (lock) {
            waits = new ArrayList<>(entry.waits);
            retire(entry);
        }
        for (PollWait wait : waits) {
            finish(wait, task, error);
        }
    }

    /**
     * Completes a wait, after its listener's pending updates. The wait is detached first, so that whoever sees the
     * future complete also sees {@link #pendingWaits()} without it.
     */
    private void finish(PollWait wait, Task task, Throwable error) {
        Runnable complete = () -> {
            ended(wait, task, error);
            detach(wait);
            if (error == null) {
                wait.result.complete(task);
            } else {
                wait.result.completeExceptionally(error);
            }
        };
        if (wait.serial != null) {
            wait.serial.execute(complete);
        } else {
            complete.run();
        }
    }

    /** Tells the observer how a wait ended, once. */
    private void ended(PollWait wait, Task task, Throwable error) {
        if (!wait.end()) {
            return;
        }
        Task last;
        synchronized (lock) {
            last = task != null ? task : wait.entry.last;
        }
        WaitOutcome outcome = error == null ? WaitOutcome.SUCCESS
                : error instanceof TaskFailedException ? WaitOutcome.FAILED
                : error instanceof TaskTimeoutException ? WaitOutcome.TIMEOUT
                : error instanceof ModalRequiredException ? WaitOutcome.MODAL_REQUIRED
                : error instanceof CancellationException || error instanceof ClientClosedException ? WaitOutcome.CANCELLED
                : WaitOutcome.ERROR;
        Duration took = Duration.between(wait.started, clock.instant());
        observer.waitEnded(new WaitEnded(wait.entry.taskId, wait.tier,
                last == null ? TaskAction.UNKNOWN : last.action(), outcome, took.isNegative() ? Duration.ZERO : took));
    }

    private void failEverything(Throwable error) {
        List<PollWait> all;
        synchronized (lock) {
            all = new ArrayList<>(deadlines);
            for (PollWait wait : all) {
                retire(wait.entry);
            }
        }
        for (PollWait wait : all) {
            finish(wait, null, error);
        }
    }

    private void timeOut(PollWait wait) {
        Duration elapsed = Duration.between(wait.started, clock.instant());
        Task last;
        String taskId;
        Throwable lastError;
        synchronized (lock) {
            last = wait.entry.last;
            taskId = wait.entry.taskId;
            lastError = wait.entry.lastError;
        }
        finish(wait, null, new TaskTimeoutException("task " + taskId + " was not finished after "
                + elapsed.toSeconds() + " s" + (last == null ? " (never fetched successfully)"
                : " (last seen " + last.status() + " " + last.progress() + "%)")
                + (lastError == null ? "" : "; the last poll failed: " + lastError.getMessage()),
                taskId, last, elapsed, lastError));
    }

    /** Stops polling an entry: no longer found by id nor due. Caller holds the lock. */
    private void retire(PollEntry entry) {
        if (entries.get(entry.taskId) == entry) {
            entries.remove(entry.taskId);
        }
        due.remove(entry);
    }

    /** Forgets a completed wait; an entry left without waits is dropped and its in-flight fetch cancelled. */
    private void detach(PollWait wait) {
        PollEntry entry;
        boolean orphaned = false;
        synchronized (lock) {
            entry = wait.entry;
            if (!deadlines.remove(wait)) {
                if (!entry.waits.contains(wait)) {
                    return;
                }
            }
            entry.waits.remove(wait);
            waitCount--;
            if (entry.waits.isEmpty()) {
                retire(entry);
                orphaned = entry.inFlight;
            }
            if (due.isEmpty() && deadlines.isEmpty() && timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
        if (orphaned) {
            entry.operation.cancel();
        }
    }
}
