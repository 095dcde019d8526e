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
        rig.at(2001);
        rig.poller.await("t3", OPTIONS);

        rig.at(6001);

        // t1 due at 4.000 s pulls t2 (due 4.999 s) forward; t3 (due 6.001 s) is outside the window and not yet past
        // the middle of its 4 s delay (4.001 s), so it is not carried either; at 6.001 s t1 and t2 (due 9 s) are not
        // past the middle of theirs (6.5 s)
        assertThat(DefaultTaskPoller.BATCH_WINDOW).isEqualTo(Duration.ofSeconds(1));
        assertThat(rig.source.log()).containsExactly("4000 list t1,t2", "6001 fetch t3");
    }

    @Test
    void aBatchRequestCarriesTheWaitsPastTheMiddleOfTheirDelayAndTheyThenPollTogether() {
        for (String id : ids(3)) {
            rig.source.script(id, running(id, 10));
        }
        rig.poller.await("t1", OPTIONS);             // due 4 s
        rig.at(2000);
        rig.poller.await("t2", OPTIONS);             // due 6 s, past the middle of its delay from 4 s
        rig.at(2100);
        rig.poller.await("t3", OPTIONS);             // due 6.1 s, past the middle from 4.1 s

        rig.at(4000);
        assertThat(rig.source.log()).containsExactly("4000 list t1,t2");

        rig.at(20000);
        // t1 and t2 keep polling together (5 s, then 7.5 s, no jitter); t3 rides along once past the middle of its
        // 5 s interval (8.6 s), and from then on all three share one request per round
        assertThat(rig.source.log()).containsExactly("4000 list t1,t2", "6100 fetch t3", "9000 list t1,t2,t3",
                "16500 list t1,t2,t3");
        assertThat(PollQueue.RIDE_ALONG).isEqualTo(0.5);
    }

    @Test
    void aWaitOnAShortDelayRidesAlongWithinTwoSecondsOfItsPoll() {
        for (String id : ids(3)) {
            rig.source.script(id, running(id, 10));
        }
        rig.poller.await("t1", OPTIONS);                                              // due 4 s
        rig.at(2800);
        rig.poller.await("t2", OPTIONS.withInitialDelay(Duration.ofSeconds(3)));     // due 5.8 s: 1.8 s after 4 s
        rig.at(3100);
        rig.poller.await("t3", OPTIONS.withInitialDelay(Duration.ofSeconds(3)));     // due 6.1 s: 2.1 s after 4 s

        rig.at(6100);

        // neither is past the middle of its 3 s delay at 4 s (4.3 s, 4.6 s); t2 is within the 2 s lead
        assertThat(PollQueue.RIDE_ALONG_LEAD).isEqualTo(Duration.ofSeconds(2));
        assertThat(rig.source.log()).containsExactly("4000 list t1,t2", "6100 fetch t3");
    }

    @Test
    void withoutTheBatchQueryNoWaitIsPolledBeforeItsSchedule() {
        rig = new PollerRig(100, Runnable::run, false);
        for (String id : ids(2)) {
            rig.source.script(id, running(id, 10));
        }
        rig.poller.await("t1", OPTIONS);
        rig.at(2000);
        rig.poller.await("t2", OPTIONS);

        rig.at(12000);

        assertThat(rig.source.log()).containsExactly("4000 fetch t1", "6000 fetch t2", "9000 fetch t1",
                "11000 fetch t2");
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
    void aPartialLastChunkIsToppedUpWithWaitsPastTheMiddleOfTheirDelayButNeverBeyondTheChunkSize() {
        rig = new PollerRig(3, Runnable::run);
        for (String id : ids(7)) {
            rig.source.script(id, running(id, 10));
        }
        for (String id : ids(4)) {
            rig.poller.await(id, OPTIONS); // due at 4.000 s
        }
        rig.at(1500);
        rig.poller.await("t5", OPTIONS); // due at 5.500 s: outside the window, past the middle of its delay at 3.5 s
        rig.poller.await("t6", OPTIONS);
        rig.at(2500);
        rig.poller.await("t7", OPTIONS); // due at 6.500 s: past the middle only from 4.5 s

        rig.at(6500);

        // at 6.5 s t1..t6 (due 9 s) are past the middle of their 5 s interval; two of them fill t7's chunk
        assertThat(rig.source.log()).containsExactly("4000 list t1,t2,t3", "4000 list t4,t5,t6",
                "6500 list t7,t1,t2");
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
