package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.http.Operation;
import static io.github.mjsdk.internal.poll.DefaultTaskPollerScheduleTest.failure;
import static io.github.mjsdk.internal.poll.PollerRig.OPTIONS;
import static io.github.mjsdk.internal.poll.PollerRig.running;
import static io.github.mjsdk.internal.poll.PollerRig.success;
import static io.github.mjsdk.internal.poll.PollerRig.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How DefaultTaskPoller ends waits: terminal statuses, errors, modals, cancellation. */
class DefaultTaskPollerOutcomeTest {
    private static final String ID = "1712345678901123";
    private static final String NEXT_ID = "1712345699999456";

    private final PollerRig rig = new PollerRig();

    @Test
    void successCompletesWithTheFetchedTask() {
        rig.source.script(ID, task(ID, TaskStatus.SUBMITTED, 0), running(ID, 60), success(ID));
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);

        rig.at(8999);
        assertThat(wait).isNotDone();
        rig.at(9000);
        assertThat(wait).isNotDone();
        rig.at(14000);

        assertThat(wait).isCompletedWithValue(success(ID));
        assertThat(rig.poller.pendingWaits()).isZero();
    }

    @Test
    void failureAndCancelFailTheWaitWithTheTaskAndItsReason() {
        rig.source.script(ID, task(ID, TaskStatus.FAILURE, 0));
        rig.source.script(NEXT_ID, task(NEXT_ID, TaskStatus.CANCEL, 0));
        CompletableFuture<Task> failed = rig.poller.await(ID, OPTIONS);
        CompletableFuture<Task> cancelled = rig.poller.await(NEXT_ID, OPTIONS.withInitialDelay(Duration.ofSeconds(10)));

        rig.at(10000);

        TaskFailedException failure = failure(failed, TaskFailedException.class);
        assertThat(failure.task()).isEqualTo(task(ID, TaskStatus.FAILURE, 0));
        assertThat(failure.getMessage()).contains(ID, "FAILURE", "[Invalid parameter] Invalid value");
        TaskFailedException cancel = failure(cancelled, TaskFailedException.class);
        assertThat(cancel.task().status()).isEqualTo(TaskStatus.CANCEL);
        assertThat(cancel.getMessage()).contains("CANCEL", "no reason given");
    }

    @Test
    void unknownStatusesKeepPolling() {
        Task paused = new Task(ID, TaskAction.IMAGINE, "IMAGINE", TaskStatus.fromWire("PAUSED"), "PAUSED", 0, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(paused.status()).isEqualTo(TaskStatus.UNKNOWN);
        rig.source.script(ID, paused, paused, success(ID));
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);

        rig.at(16500);

        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID, "9000 fetch " + ID, "16500 fetch " + ID);
        assertThat(wait).isCompletedWithValue(success(ID));
    }

    @Test
    void aRequestErrorThatIsNotTransientFailsTheWaitAtOnce() {
        InvalidRequestException rejected = new InvalidRequestException("HTTP 400", 400, null, null, null, "");
        rig.source.script(ID, rejected);
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);

        rig.at(4000);

        assertThat(failure(wait, InvalidRequestException.class)).isSameAs(rejected);
        rig.at(60000);
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID);
    }

    @Test
    void anAuthenticationErrorOnOneFetchFailsEveryWaitAtOnce() {
        AuthenticationException refused = new AuthenticationException("HTTP 401", 401, null, null, null, "");
        rig.source.script(ID, refused);
        rig.source.script(NEXT_ID, running(NEXT_ID, 10));
        CompletableFuture<Task> first = rig.poller.await(ID, OPTIONS);
        CompletableFuture<Task> other = rig.poller.await(NEXT_ID, OPTIONS.withInitialDelay(Duration.ofMinutes(1)));

        rig.at(4000);

        assertThat(failure(first, AuthenticationException.class)).isSameAs(refused);
        assertThat(failure(other, AuthenticationException.class)).isSameAs(refused);
        assertThat(rig.poller.pendingWaits()).isZero();
        rig.at(120000);
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID);
    }

    @Test
    void anUnknownIdIsRetriedDuringThirtySecondsOfGraceThenFailsWithNotFound() {
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);

        rig.at(33999);
        assertThat(wait).isNotDone();
        rig.at(34000);

        // backoff 10, 20 s; at 34 s the grace (30 s since the wait began) is over
        assertThat(DefaultTaskPoller.NOT_FOUND_GRACE).isEqualTo(Duration.ofSeconds(30));
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID, "14000 fetch " + ID, "34000 fetch " + ID);
        assertThat(failure(wait, NotFoundException.class).getMessage()).contains(ID);
    }

    @Test
    void aTaskThatVanishesAfterBeingSeenFailsWithNotFoundAtOnce() {
        rig.source.script(ID, running(ID, 10), FakeTaskSource.notFound(ID));
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);

        rig.at(9000);

        assertThat(failure(wait, NotFoundException.class)).isNotNull();
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID, "9000 fetch " + ID);
    }

    @Test
    void modalWithoutAConfirmerFailsWithModalRequiredAndTheTask() {
        Task modal = task(ID, TaskStatus.MODAL, 0);
        rig.source.script(ID, modal);
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);

        rig.at(4000);

        ModalRequiredException required = failure(wait, ModalRequiredException.class);
        assertThat(required.task()).isEqualTo(modal);
        assertThat(required.getMessage()).contains(ID, "submitModal");
    }

    @Test
    void modalWithAConfirmerIsConfirmedOnceThenPolledUnderTheSameId() {
        Task modal = task(ID, TaskStatus.MODAL, 0);
        rig.source.script(ID, modal, modal, running(ID, 30), success(ID));
        List<Task> confirmed = new CopyOnWriteArrayList<>();
        List<Boolean> cancelledOperations = new CopyOnWriteArrayList<>();
        ModalConfirmer confirmer = (task, operation) -> {
            confirmed.add(task);
            cancelledOperations.add(operation.isCancelled());
            return CompletableFuture.completedFuture(task.id());
        };
        CompletableFuture<Task> wait = rig.poller.track(ID, OPTIONS, new Operation(), confirmer, null);

        rig.at(30000);

        assertThat(confirmed).containsExactly(modal);
        assertThat(cancelledOperations).containsExactly(false);
        // confirmed at 4 s, then polled every interval: still MODAL once, then running, then done
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID, "9000 fetch " + ID, "16500 fetch " + ID,
                "21500 fetch " + ID);
        assertThat(wait).isCompletedWithValue(success(ID));
    }

    @Test
    void aModalConfirmedUnderANewIdIsPolledUnderThatId() {
        rig.source.script(ID, task(ID, TaskStatus.MODAL, 0));
        rig.source.script(NEXT_ID, success(NEXT_ID));
        CompletableFuture<String> confirmation = new CompletableFuture<>();
        CompletableFuture<Task> wait = rig.poller.track(ID, OPTIONS, new Operation(), (task, op) -> confirmation,
                null);

        rig.at(4000);
        rig.at(6000);
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID);
        confirmation.complete(NEXT_ID);

        assertThat(rig.poller.wake(ID)).isFalse();
        rig.at(11000);
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID, "11000 fetch " + NEXT_ID);
        assertThat(wait).isCompletedWithValue(success(NEXT_ID));
    }

    @Test
    void aModalContinuingAsATaskAlreadyWaitedOnJoinsThatTasksPolls() {
        rig.source.script(ID, task(ID, TaskStatus.MODAL, 0));
        rig.source.script(NEXT_ID, running(NEXT_ID, 10), success(NEXT_ID));
        CompletableFuture<String> confirmation = new CompletableFuture<>();
        CompletableFuture<Task> modalWait = rig.poller.track(ID, OPTIONS, new Operation(),
                (task, op) -> confirmation, null);
        // first poll at 9 s: at 4 s not yet past the middle of its delay, so not carried along with ID's poll
        CompletableFuture<Task> other = rig.poller.await(NEXT_ID, OPTIONS.withInitialDelay(Duration.ofSeconds(9)));
        rig.at(4000);

        confirmation.complete(NEXT_ID);
        rig.at(14000);

        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID, "9000 fetch " + NEXT_ID,
                "14000 fetch " + NEXT_ID);
        assertThat(modalWait).isCompletedWithValue(success(NEXT_ID));
        assertThat(other).isCompletedWithValue(success(NEXT_ID));
        assertThat(rig.poller.pendingWaits()).isZero();
    }

    @Test
    void aFailedModalConfirmationFailsTheWait() {
        rig.source.script(ID, task(ID, TaskStatus.MODAL, 0));
        ModalRequiredException noPrompt = new ModalRequiredException("needs a prompt", task(ID, TaskStatus.MODAL, 0));
        CompletableFuture<Task> wait = rig.poller.track(ID, OPTIONS, new Operation(),
                (task, op) -> CompletableFuture.failedFuture(noPrompt), null);

        rig.at(4000);

        assertThat(failure(wait, ModalRequiredException.class)).isSameAs(noPrompt);
    }

    @Test
    void cancellingTheReturnedFutureDropsTheWaitAndItsScheduleBeforeAnyFetch() {
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);
        assertThat(rig.poller.pendingWaits()).isEqualTo(1);

        assertThat(wait.cancel(true)).isTrue();

        assertThat(rig.poller.pendingWaits()).isZero();
        assertThat(rig.poller.wake(ID)).isFalse();
        rig.at(120000);
        assertThat(rig.source.log()).isEmpty();
    }

    @Test
    void cancellingDuringAFetchCancelsThatFetchsOperation() {
        rig.source.hold(true);
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);
        rig.at(4000);
        Operation inFlight = rig.source.lastCall().operation();
        assertThat(inFlight.isCancelled()).isFalse();

        wait.cancel(false);

        assertThat(inFlight.isCancelled()).isTrue();
        assertThat(rig.poller.pendingWaits()).isZero();
        @SuppressWarnings("unchecked")
        CompletableFuture<Task> fetch = (CompletableFuture<Task>) rig.source.lastCall().future();
        fetch.complete(running(ID, 10));
        rig.at(120000);
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID);
    }

    @Test
    void cancellingOneOfTwoWaitsOnATaskKeepsPollingForTheOther() {
        rig.source.hold(true);
        CompletableFuture<Task> cancelled = rig.poller.await(ID, OPTIONS);
        CompletableFuture<Task> kept = rig.poller.await(ID, OPTIONS);
        rig.at(4000);
        Operation inFlight = rig.source.lastCall().operation();

        cancelled.cancel(false);

        assertThat(inFlight.isCancelled()).isFalse();
        assertThat(rig.poller.pendingWaits()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        CompletableFuture<Task> fetch = (CompletableFuture<Task>) rig.source.lastCall().future();
        rig.source.hold(false);
        rig.source.script(ID, success(ID));
        fetch.complete(running(ID, 10));
        rig.at(9000);
        assertThat(kept).isCompletedWithValue(success(ID));
    }

    @Test
    void cancellingTheTrackingOperationCancelsTheWait() {
        Operation operation = new Operation();
        CompletableFuture<Task> wait = rig.poller.track(ID, OPTIONS, operation, null, null);

        operation.cancel();

        assertThat(wait).isCancelled();
        assertThat(rig.poller.pendingWaits()).isZero();
    }

    @Test
    void cancelAllFailsEveryWaitWithCancellationAndCancelsTimersAndFetches() {
        rig.source.hold(true);
        CompletableFuture<Task> first = rig.poller.await(ID, OPTIONS);
        rig.at(4000);
        Operation inFlight = rig.source.lastCall().operation();
        CompletableFuture<Task> second = rig.poller.await(NEXT_ID, OPTIONS);

        rig.poller.cancelAll();

        assertThat(failure(first, io.github.mjsdk.error.ClientClosedException.class)).hasMessageContaining("closed");
        assertThat(failure(second, io.github.mjsdk.error.ClientClosedException.class)).isNotNull();
        assertThat(inFlight.isCancelled()).isTrue();
        assertThat(rig.scheduler.pendingCount()).isZero();
        assertThat(rig.poller.pendingWaits()).isZero();
    }

    @Test
    void cancelAllCancelsABatchRequestInFlightToo() {
        rig.source.hold(true);
        CompletableFuture<Task> first = rig.poller.await(ID, OPTIONS);
        CompletableFuture<Task> second = rig.poller.await(NEXT_ID, OPTIONS);
        rig.at(4000);
        FakeTaskSource.Call batch = rig.source.lastCall();
        assertThat(batch.kind()).isEqualTo("list");

        rig.poller.cancelAll();

        assertThat(batch.operation().isCancelled()).isTrue();
        assertThat(first).isCompletedExceptionally();
        assertThat(second).isCompletedExceptionally();
    }

    @Test
    void cancellingOneWaitOfABatchLeavesTheBatchRequestAlone() {
        rig.source.hold(true);
        CompletableFuture<Task> first = rig.poller.await(ID, OPTIONS);
        rig.poller.await(NEXT_ID, OPTIONS);
        rig.at(4000);
        FakeTaskSource.Call batch = rig.source.lastCall();

        first.cancel(false);

        assertThat(batch.operation().isCancelled()).isFalse();
        assertThat(rig.poller.pendingWaits()).isEqualTo(1);
    }

    @Test
    void pendingWaitsCountsWaitsNotTasks() {
        rig.source.script(ID, success(ID));
        rig.source.script(NEXT_ID, running(NEXT_ID, 10));
        rig.poller.await(ID, OPTIONS);
        rig.poller.await(ID, OPTIONS);
        rig.poller.await(NEXT_ID, OPTIONS);
        assertThat(rig.poller.pendingWaits()).isEqualTo(3);

        rig.at(4000);

        assertThat(rig.poller.pendingWaits()).isEqualTo(1);
    }

    @Test
    void argumentsAreCheckedAndAClosedClientRefusesNewWaits() {
        assertThatThrownBy(() -> rig.poller.await(" ", OPTIONS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskId");
        assertThatThrownBy(() -> rig.poller.await(ID, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options");
        assertThatThrownBy(() -> rig.poller.wake("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskId");

        rig.closed.set(true);

        assertThatThrownBy(() -> rig.poller.await(ID)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(rig.poller.pendingWaits()).isZero();
    }

    @Test
    void aWaitForATaskThatJustFinishedGetsAPollOfItsOwn() {
        List<Runnable> callbacks = new CopyOnWriteArrayList<>();
        PollerRig queued = new PollerRig(100, callbacks::add);
        queued.source.script(ID, success(ID));
        CompletableFuture<Task> first = queued.poller.track(ID, OPTIONS, new Operation(), null, task -> { });
        queued.at(4000);
        assertThat(callbacks).isNotEmpty();

        CompletableFuture<Task> second = queued.poller.track(ID, OPTIONS, new Operation(), null, null);
        while (!callbacks.isEmpty()) {
            callbacks.remove(0).run();
        }
        queued.at(8000);

        assertThat(first).isCompletedWithValue(success(ID));
        assertThat(queued.source.log()).containsExactly("4000 fetch " + ID, "8000 fetch " + ID);
        assertThat(second).isCompletedWithValue(success(ID));
        assertThat(queued.poller.pendingWaits()).isZero();
    }
}
