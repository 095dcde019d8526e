package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.http.Operation;
import static io.github.mjsdk.internal.poll.PollerRig.OPTIONS;
import static io.github.mjsdk.internal.poll.PollerRig.running;
import static io.github.mjsdk.internal.poll.PollerRig.success;
import static io.github.mjsdk.internal.poll.PollerRig.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** TaskPoller.wake: a webhook hint makes a tracked task's wait fetch it at once. */
class DefaultTaskPollerWakeTest {
    private static final String ID = "1712345678901123";

    private final PollerRig rig = new PollerRig();

    @Test
    void wakeFetchesATrackedTaskAtOnceAndTheFetchedTaskCompletesTheWait() {
        rig.source.script(ID, success(ID));
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);
        rig.at(1500);

        assertThat(rig.poller.wake(ID)).isTrue();

        assertThat(rig.source.log()).containsExactly("1500 fetch " + ID);
        assertThat(wait).isCompletedWithValue(success(ID));
        rig.at(60000);
        assertThat(rig.source.log()).hasSize(1);
    }

    @Test
    void wakeOfAnUntrackedTaskReturnsFalseAndFetchesNothing() {
        rig.source.script(ID, success(ID));

        assertThat(rig.poller.wake(ID)).isFalse();

        assertThat(rig.source.log()).isEmpty();
    }

    @Test
    void theHintIsNotTrustedWhenTheFetchStillShowsTheTaskRunningPollingGoesOnFromThere() {
        rig.source.script(ID, running(ID, 30), running(ID, 60), success(ID));
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);
        rig.at(1500);

        rig.poller.wake(ID);
        rig.at(11500);

        // no poll at 4 s any more: the next one comes an interval after the woken fetch
        assertThat(rig.source.log()).containsExactly("1500 fetch " + ID, "6500 fetch " + ID, "11500 fetch " + ID);
        assertThat(wait).isCompletedWithValue(success(ID));
    }

    @Test
    void wakeDuringAPollInFlightFetchesAgainAsSoonAsThatPollAnswersAndNeverTwiceAtOnce() {
        rig.source.hold(true);
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);
        rig.at(4000);
        @SuppressWarnings("unchecked")
        CompletableFuture<Task> inFlight = (CompletableFuture<Task>) rig.source.lastCall().future();

        rig.at(4200);
        assertThat(rig.poller.wake(ID)).isTrue();
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID);

        rig.source.hold(false);
        rig.source.script(ID, success(ID));
        rig.at(4300);
        inFlight.complete(running(ID, 50));
        rig.at(4300);

        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID, "4300 fetch " + ID);
        assertThat(wait).isCompletedWithValue(success(ID));
    }

    @Test
    void wakeWhileAModalIsBeingConfirmedFetchesNothing() {
        rig.source.script(ID, task(ID, TaskStatus.MODAL, 0));
        CompletableFuture<String> confirmation = new CompletableFuture<>();
        rig.poller.track(ID, OPTIONS, new Operation(), (task, op) -> confirmation, null);
        rig.at(4000);

        assertThat(rig.poller.wake(ID)).isTrue();

        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID);
    }

    @Test
    void wakeServesEveryWaitOnTheTaskWithOneFetch() {
        rig.source.script(ID, success(ID));
        CompletableFuture<Task> first = rig.poller.await(ID, OPTIONS);
        CompletableFuture<Task> second = rig.poller.await(ID, OPTIONS);

        rig.poller.wake(ID);

        assertThat(rig.source.log()).containsExactly("0 fetch " + ID);
        assertThat(first).isCompletedWithValue(success(ID));
        assertThat(second).isCompletedWithValue(success(ID));
    }
}
