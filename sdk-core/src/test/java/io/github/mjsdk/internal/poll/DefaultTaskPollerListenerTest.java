package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.http.Operation;
import static io.github.mjsdk.internal.poll.PollerRig.OPTIONS;
import static io.github.mjsdk.internal.poll.PollerRig.running;
import static io.github.mjsdk.internal.poll.PollerRig.success;
import static io.github.mjsdk.internal.poll.PollerRig.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.TaskListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What a TaskListener hears: changes only, in order, on the callback executor, the last one before completion. */
class DefaultTaskPollerListenerTest {
    private static final String ID = "1712345678901123";
    private static final String OTHER = "1712345699999456";

    /** A callback executor that only queues; the test runs the queue, in any order it likes. */
    private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();
    private final PollerRig rig = new PollerRig(100, callbacks::add);

    @Test
    void hearsEachChangeOfStatusOrProgressOnceInOrderAndTheLastOneBeforeTheFutureCompletes() {
        rig.source.script(ID, task(ID, TaskStatus.SUBMITTED, 0), running(ID, 10), running(ID, 10), running(ID, 50),
                success(ID));
        AtomicReference<CompletableFuture<Task>> future = new AtomicReference<>();
        List<String> heard = new ArrayList<>();
        future.set(rig.poller.await(ID, OPTIONS, task -> heard.add(task.status() + " "
                + task.progress() + (future.get().isDone() ? " done" : ""))));

        rig.at(30000);
        assertThat(heard).as("nothing runs outside the callback executor").isEmpty();
        runCallbacksInOrder();

        assertThat(rig.source.log()).hasSize(5);
        assertThat(heard).containsExactly("SUBMITTED 0", "IN_PROGRESS 10", "IN_PROGRESS 50", "SUCCESS 100");
        assertThat(future.get()).isCompletedWithValue(success(ID));
    }

    @Test
    void callsForOneWaitStayInOrderWhateverOrderTheExecutorRunsThingsIn() {
        rig.source.script(ID, running(ID, 10), running(ID, 20), running(ID, 30), success(ID));
        rig.source.script(OTHER, running(OTHER, 5), running(OTHER, 6), success(OTHER));
        List<String> heard = new CopyOnWriteArrayList<>();
        AtomicReference<CompletableFuture<Task>> first = new AtomicReference<>();
        AtomicReference<CompletableFuture<Task>> second = new AtomicReference<>();
        first.set(rig.poller.track(ID, OPTIONS, new Operation(), null,
                task -> heard.add("a" + task.progress() + (first.get().isDone() ? " done" : ""))));
        second.set(rig.poller.track(OTHER, OPTIONS, new Operation(), null,
                task -> heard.add("b" + task.progress() + (second.get().isDone() ? " done" : ""))));
        List<String> completions = new CopyOnWriteArrayList<>();
        first.get().thenRun(() -> completions.add("a"));
        second.get().thenRun(() -> completions.add("b"));

        rig.at(30000);
        while (!callbacks.isEmpty()) {
            callbacks.remove(callbacks.size() - 1).run();
        }

        assertThat(heard.stream().filter(line -> line.startsWith("a")).toList())
                .containsExactly("a10", "a20", "a30", "a100");
        assertThat(heard.stream().filter(line -> line.startsWith("b")).toList()).containsExactly("b5", "b6", "b100");
        assertThat(completions).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aThrowingListenerIsIgnoredAndKeepsHearingLaterChanges() {
        rig.source.script(ID, running(ID, 10), running(ID, 20), success(ID));
        List<Integer> heard = new ArrayList<>();
        CompletableFuture<Task> wait = rig.poller.track(ID, OPTIONS, new Operation(), null, task -> {
            heard.add(task.progress());
            throw new IllegalStateException("listener bug");
        });

        rig.at(20000);
        runCallbacksInOrder();

        assertThat(heard).containsExactly(10, 20, 100);
        assertThat(wait).isCompletedWithValue(success(ID));
    }

    @Test
    void aWaitJoiningASharedPollHearsTheStateItHasNotSeenYetAndNothingTwice() {
        rig.source.script(ID, running(ID, 45), running(ID, 45), success(ID));
        List<String> heard = new ArrayList<>();
        rig.poller.track(ID, OPTIONS, new Operation(), null, listener("a", heard));
        rig.at(5000);
        rig.poller.track(ID, OPTIONS, new Operation(), null, listener("b", heard));

        rig.at(16500);
        runCallbacksInOrder();

        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID, "9000 fetch " + ID, "16500 fetch " + ID);
        assertThat(heard).containsExactly("a IN_PROGRESS 45", "a SUCCESS 100", "b IN_PROGRESS 45",
                "b SUCCESS 100");
    }

    @Test
    void waitsWithoutAListenerCompleteWithoutTheCallbackExecutorHop() {
        rig.source.script(ID, success(ID));
        CompletableFuture<Task> wait = rig.poller.track(ID, OPTIONS, new Operation(), null, null);

        rig.at(4000);

        assertThat(wait).isCompletedWithValue(success(ID));
        assertThat(callbacks).isEmpty();
    }

    private TaskListener listener(String name, List<String> heard) {
        return task -> heard.add(name + " " + task.status() + " " + task.progress());
    }

    private void runCallbacksInOrder() {
        while (!callbacks.isEmpty()) {
            callbacks.remove(0).run();
        }
    }
}
