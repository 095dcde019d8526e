package io.github.mjsdk.internal.poll;

import static io.github.mjsdk.internal.poll.PollerRig.OPTIONS;
import static io.github.mjsdk.internal.poll.PollerRig.running;
import static io.github.mjsdk.internal.poll.PollerRig.success;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.model.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** How DefaultTaskPoller groups due waits into list-by-condition requests. */
class DefaultTaskPollerBatchTest {

    private PollerRig rig = new PollerRig();

    @Test
    void waitsDueInTheSameTickAreServedByOneBatchRequestAndNoPerIdFetch() {
        List<CompletableFuture<Task>> waits = new ArrayList<>();
        for (String id : ids(5)) {
            rig.source.script(id, success(id));
            waits.add(rig.poller.await(id, OPTIONS));
        }

        rig.at(4000);

        assertThat(rig.source.log()).containsExactly("4000 list t1,t2,t3,t4,t5");
        for (int i = 0; i < 5; i++) {
            assertThat(waits.get(i)).isCompletedWithValue(success("t" + (i + 1)));
        }
        assertThat(rig.poller.pendingWaits()).isZero();
        assertThat(rig.poller.batchSupported()).isTrue();
    }

    @Test
    void aTickTakesEveryPollDueWithinTheOneSecondBatchWindowAndLaterOnesStayApart() {
        for (String id : ids(3)) {
            rig.source.script(id, running(id, 10));
        }
        rig.poller.await("t1", OPTIONS);
        rig.at(999);
        rig.poller.await("t2", OPTIONS);
        rig.at(1001);
        rig.poller.await("t3", OPTIONS);

        rig.at(9999);

        // t1 due at 4.000 s pulls t2 (due 4.999 s) forward; t3 (due 5.001 s) is outside the window
        assertThat(DefaultTaskPoller.BATCH_WINDOW).isEqualTo(Duration.ofSeconds(1));
        assertThat(rig.source.log()).containsExactly("4000 list t1,t2", "5001 fetch t3", "9000 list t1,t2");
    }

    @Test
    void batchesAreCutIntoChunksOfTheConfiguredSizeAndALoneRemainderIsFetchedById() {
        rig = new PollerRig(3, Runnable::run);
        for (String id : ids(7)) {
            rig.source.script(id, running(id, 10));
            rig.poller.await(id, OPTIONS);
        }

        rig.at(4000);

        assertThat(rig.source.log()).containsExactly("4000 list t1,t2,t3", "4000 list t4,t5,t6", "4000 fetch t7");
    }

    @Test
    void aPartialLastChunkIsToppedUpWithTasksDueWithinOneMoreWindow() {
        rig = new PollerRig(3, Runnable::run);
        for (String id : ids(7)) {
            rig.source.script(id, running(id, 10));
        }
        for (String id : ids(4)) {
            rig.poller.await(id, OPTIONS); // due at 4.000 s
        }
        rig.at(1500);
        rig.poller.await("t5", OPTIONS); // due at 5.500 s: outside the window, inside the next one
        rig.poller.await("t6", OPTIONS);
        rig.at(2500);
        rig.poller.await("t7", OPTIONS); // due at 6.500 s: beyond both

        rig.at(6500);

        assertThat(rig.source.log()).containsExactly("4000 list t1,t2,t3", "4000 list t4,t5,t6", "6500 fetch t7");
    }

    @Test
    void idsMissingFromABatchAnswerAreFetchedIndividuallyOnceAndStayInLaterBatches() {
        for (String id : ids(3)) {
            rig.source.script(id, running(id, 10), success(id));
        }
        rig.source.hideFromList("t2");
        List<CompletableFuture<Task>> waits = ids(3).stream().map(id -> rig.poller.await(id, OPTIONS)).toList();

        rig.at(4000);
        assertThat(rig.source.log()).containsExactly("4000 list t1,t2,t3", "4000 fetch t2");

        rig.at(9000);
        assertThat(rig.source.log()).containsExactly(
                "4000 list t1,t2,t3", "4000 fetch t2", "9000 list t1,t2,t3", "9000 fetch t2");
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isCompleted().isNotCompletedExceptionally());
        assertThat(rig.poller.batchSupported()).isTrue();
    }

    @Test
    void aServerWithoutTheBatchRoute404IsPolledIdByIdFromThenOn() {
        rig.source.failNextList(new NotFoundException("POST /mj/task/list-by-condition answered HTTP 404", 404,
                null, null, null, ""));
        assertFallsBackToPerIdFetches();
    }

    @Test
    void aServerAnswering405ToTheBatchRouteIsPolledIdByIdFromThenOn() {
        rig.source.failNextList(new InvalidRequestException("POST /mj/task/list-by-condition was rejected: HTTP 405",
                405, null, null, null, ""));
        assertFallsBackToPerIdFetches();
    }

    private void assertFallsBackToPerIdFetches() {
        for (String id : ids(3)) {
            rig.source.script(id, running(id, 10), running(id, 20), success(id));
            rig.poller.await(id, OPTIONS);
        }

        rig.at(4000);
        assertThat(rig.source.log()).containsExactly("4000 list t1,t2,t3", "4000 fetch t1", "4000 fetch t2",
                "4000 fetch t3");
        assertThat(rig.poller.batchSupported()).isFalse();

        rig.source.clearLog();
        rig.at(9000);
        assertThat(rig.source.log()).containsExactly("9000 fetch t1", "9000 fetch t2", "9000 fetch t3");
        assertThat(rig.poller.pendingWaits()).isEqualTo(3);
    }

    @Test
    void aFailedBatchOtherThan404Or405BacksOffEveryIdAndKeepsBatching() {
        for (String id : ids(3)) {
            rig.source.script(id, success(id));
            rig.poller.await(id, OPTIONS);
        }
        rig.source.failNextList(new ServerException("HTTP 502", 502, null, null, null, ""));

        rig.at(20000);

        assertThat(rig.source.log()).containsExactly("4000 list t1,t2,t3", "14000 list t1,t2,t3");
        assertThat(rig.poller.batchSupported()).isTrue();
        assertThat(rig.poller.pendingWaits()).isZero();
    }

    @Test
    void anAuthenticationErrorOnABatchFailsEveryWaitOfThePollerAtOnce() {
        for (String id : ids(3)) {
            rig.source.script(id, running(id, 10));
        }
        CompletableFuture<Task> first = rig.poller.await("t1", OPTIONS);
        CompletableFuture<Task> second = rig.poller.await("t2", OPTIONS);
        CompletableFuture<Task> later = rig.poller.await("t3", OPTIONS.withInitialDelay(Duration.ofSeconds(30)));
        AuthenticationException refused = new AuthenticationException("HTTP 401", 401, null, null, null, "");
        rig.source.failNextList(refused);

        rig.at(4000);

        for (CompletableFuture<Task> wait : List.of(first, second, later)) {
            assertThat(DefaultTaskPollerScheduleTest.failure(wait, AuthenticationException.class)).isSameAs(refused);
        }
        assertThat(rig.poller.pendingWaits()).isZero();
        rig.at(60000);
        assertThat(rig.source.log()).containsExactly("4000 list t1,t2");
    }

    @Test
    void severalWaitsOnOneIdShareOnePoll() {
        rig.source.script("t1", running("t1", 10), success("t1"));
        rig.source.script("t2", running("t2", 10), success("t2"));
        CompletableFuture<Task> a = rig.poller.await("t1", OPTIONS);
        CompletableFuture<Task> b = rig.poller.await("t1", OPTIONS);
        CompletableFuture<Task> c = rig.poller.await("t1", OPTIONS);

        rig.at(9000);

        assertThat(rig.source.log()).containsExactly("4000 fetch t1", "9000 fetch t1");
        assertThat(List.of(a, b, c)).allSatisfy(wait -> assertThat(wait).isCompletedWithValue(success("t1")));

        rig.source.clearLog();
        rig.poller.await("t1", OPTIONS);
        rig.poller.await("t2", OPTIONS);
        rig.poller.await("t2", OPTIONS);
        rig.at(13000);
        assertThat(rig.source.log()).containsExactly("13000 list t1,t2");
    }

    @Test
    void aThousandWaitsTakeTenRequestsPerRound() {
        for (int i = 0; i < 1000; i++) {
            String id = "id" + i;
            rig.source.script(id, running(id, 10));
            rig.poller.await(id, OPTIONS.withInitialDelay(Duration.ofMillis(4000 + i)));
        }

        rig.at(4000);

        assertThat(rig.source.log()).hasSize(10).allSatisfy(line -> assertThat(line).startsWith("4000 list "));
        assertThat(rig.source.calls()).allSatisfy(call -> assertThat(call.ids()).hasSize(100));
    }

    static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add("t" + i);
        }
        return ids;
    }
}
