package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.util.Futures;
import static io.github.mjsdk.internal.poll.PollerRig.OPTIONS;
import static io.github.mjsdk.internal.poll.PollerRig.running;
import static io.github.mjsdk.internal.poll.PollerRig.success;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.ServiceUnavailableException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** When DefaultTaskPoller polls: initial delay, growth, cap, jitter, backoff, Retry-After, deadline. */
class DefaultTaskPollerScheduleTest {
    private static final String ID = "1712345678901123";

    private final PollerRig rig = new PollerRig();

    @Test
    void firstPollAfterInitialDelayThenGrowsOneAndAHalfTimesPerQuietPollUpToTheCap() {
        Task ten = running(ID, 10);
        Task twenty = running(ID, 20);
        rig.source.script(ID, ten, ten, ten, ten, ten, twenty, twenty);
        rig.poller.await(ID, OPTIONS);

        rig.at(3999);
        assertThat(rig.source.log()).isEmpty();
        rig.at(4000);
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID);

        rig.at(71000);
        // 5 s after a change; 7.5, 11.25 s after quiet polls; capped at 15 s; a change (20 %) resets to 5 s
        assertThat(rig.source.log()).containsExactly(
                "4000 fetch " + ID,
                "9000 fetch " + ID,
                "16500 fetch " + ID,
                "27750 fetch " + ID,
                "42750 fetch " + ID,
                "57750 fetch " + ID,
                "62750 fetch " + ID,
                "70250 fetch " + ID);
    }

    @Test
    void jitterSpreadsEachIntervalWithinPlusMinusTheFractionButNotTheInitialDelay() {
        PollOptions options = new PollOptions(Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(10), 0.5);
        rig.source.script(ID, running(ID, 10));
        rig.random(0.0);
        rig.poller.await(ID, options);

        rig.at(6999);
        rig.random(0.999999);
        rig.at(30000);

        // 2 s exactly; then 10 s × (1 − 0.5) = 5 s; then 10 s × (1 + 0.5 × 0.999998) = 14.999 s
        assertThat(rig.source.log()).containsExactly("2000 fetch " + ID, "7000 fetch " + ID, "21999 fetch " + ID);
    }

    @Test
    void defaultJitterOfATenthAppliesToTheGrownAndCappedInterval() {
        rig.source.script(ID, running(ID, 10));
        rig.random(0.0);
        rig.poller.await(ID, OPTIONS.withJitter(0.1));

        rig.at(60000);

        // 4 s; then 0.9 × 5 = 4.5; 0.9 × 7.5 = 6.75; 0.9 × 11.25 = 10.125; 0.9 × 15 = 13.5 (the cap, jittered)
        assertThat(rig.source.log()).containsExactly(
                "4000 fetch " + ID,
                "8500 fetch " + ID,
                "15250 fetch " + ID,
                "25375 fetch " + ID,
                "38875 fetch " + ID,
                "52375 fetch " + ID);
    }

    @Test
    void transientErrorsBackOffDoublingPerConsecutiveFailureUpToMaxBackoffAndSuccessResets() {
        TransportException reset = new TransportException("connection reset", new IOException("reset"), false);
        rig.source.script(ID, reset, reset, reset, reset, reset, running(ID, 10));
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS.withMaxFailedPolls(6));

        rig.at(200000);

        // interval 5 s doubled per failure: 10, 20, 40 s, then 80 clamped to 60 s (MAX_BACKOFF) twice; a success
        // goes back to the 5 s interval
        assertThat(PollOptions.MAX_BACKOFF).isEqualTo(Duration.ofSeconds(60));
        assertThat(rig.source.log()).containsExactly(
                "4000 fetch " + ID,
                "14000 fetch " + ID,
                "34000 fetch " + ID,
                "74000 fetch " + ID,
                "134000 fetch " + ID,
                "194000 fetch " + ID,
                "199000 fetch " + ID);
        assertThat(wait).isNotDone();
    }

    @Test
    void serverAndProtocolErrorsAreTransientToo() {
        rig.source.script(ID,
                new ServerException("HTTP 502", 502, null, null, null, "<html>"),
                new ServiceUnavailableException("HTTP 503", 503, null, null, null, ""),
                new ProtocolException("an HTML page instead of JSON", 200, "<html>", null),
                success(ID));
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS);

        rig.at(80000);

        assertThat(rig.source.log()).containsExactly(
                "4000 fetch " + ID, "14000 fetch " + ID, "34000 fetch " + ID, "74000 fetch " + ID);
        assertThat(wait).isCompletedWithValue(success(ID));
    }

    @Test
    void retryAfterIsHonouredWhenLongerThanTheBackoffAndClampedToMaxBackoff() {
        rig.source.script(ID,
                rateLimited(Duration.ofSeconds(30)),
                rateLimited(Duration.ofMinutes(5)),
                rateLimited(Duration.ofSeconds(1)),
                rateLimited(null),
                running(ID, 10));
        rig.poller.await(ID, OPTIONS);

        rig.at(200000);

        // 30 s asked (> 10 s backoff); 5 min asked, clamped to 60 s; 1 s asked (< 40 s backoff); none: 80 → 60 s
        assertThat(rig.source.log()).containsExactly(
                "4000 fetch " + ID,
                "34000 fetch " + ID,
                "94000 fetch " + ID,
                "134000 fetch " + ID,
                "194000 fetch " + ID,
                "199000 fetch " + ID);
    }

    @Test
    void deadlineFailsTheWaitAtExactlyTimeoutWithTheLastTaskSeenAndTheElapsedTime() {
        rig.source.script(ID, running(ID, 45));
        rig.at(1000);
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS.withTimeout(Duration.ofSeconds(20)));

        rig.at(20999);
        assertThat(wait).isNotDone();
        rig.at(21000);

        assertThat(wait).isCompletedExceptionally();
        TaskTimeoutException timeout = failure(wait, TaskTimeoutException.class);
        assertThat(timeout.lastTask()).isEqualTo(PollEntry.slim(running(ID, 45)));
        assertThat(timeout.lastTask().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(timeout.lastTask().progress()).isEqualTo(45);
        assertThat(timeout.elapsed()).isEqualTo(Duration.ofSeconds(20));
        assertThat(timeout.getMessage()).contains(ID, "20 s", "IN_PROGRESS 45%");
        assertThat(rig.poller.pendingWaits()).isZero();

        rig.at(60000);
        assertThat(rig.source.log()).containsExactly("5000 fetch " + ID, "10000 fetch " + ID, "17500 fetch " + ID);
    }

    @Test
    void eachWaitOnASharedTaskKeepsItsOwnDeadline() {
        rig.source.script(ID, running(ID, 45), running(ID, 45), running(ID, 45), running(ID, 45), success(ID));
        CompletableFuture<Task> impatient = rig.poller.await(ID, OPTIONS.withTimeout(Duration.ofSeconds(20)));
        CompletableFuture<Task> patient = rig.poller.await(ID, OPTIONS);

        rig.at(20000);
        assertThat(failure(impatient, TaskTimeoutException.class).elapsed()).isEqualTo(Duration.ofSeconds(20));
        assertThat(patient).isNotDone();
        assertThat(rig.poller.pendingWaits()).isEqualTo(1);

        rig.at(42750);
        assertThat(patient).isCompletedWithValue(success(ID));
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID, "9000 fetch " + ID, "16500 fetch " + ID,
                "27750 fetch " + ID, "42750 fetch " + ID);
    }

    @Test
    void deadlineHoldsWhileEveryPollFailsAndTheTimeoutSaysNothingWasSeen() {
        rig.source.script(ID, new TransportException("refused", new IOException("refused"), false));
        CompletableFuture<Task> wait = rig.poller.await(ID, OPTIONS.withTimeout(Duration.ofSeconds(30)));

        rig.at(30000);

        TaskTimeoutException timeout = failure(wait, TaskTimeoutException.class);
        assertThat(timeout.lastTask()).isNull();
        assertThat(timeout.elapsed()).isEqualTo(Duration.ofSeconds(30));
        assertThat(timeout.getMessage()).contains("never fetched successfully");
        assertThat(rig.source.log()).containsExactly("4000 fetch " + ID, "14000 fetch " + ID);
    }

    @Test
    void webhooksMakeRegularIntervalsThreeTimesLongerButNotTheInitialDelayNorTheBackoff() {
        rig.poller.webhooksActive(true);
        TransportException reset = new TransportException("reset", new IOException("reset"), false);
        rig.source.script(ID, running(ID, 10), running(ID, 10), running(ID, 10), running(ID, 10), reset,
                running(ID, 10));
        rig.poller.await(ID, OPTIONS);

        rig.at(135000);

        // 4 s; 3 × 5 = 15; 3 × 7.5 = 22.5; 3 × 11.25 = 33.75; 3 × 15 (cap) = 45; then a failure backs off 10 s
        assertThat(rig.source.log()).containsExactly(
                "4000 fetch " + ID,
                "19000 fetch " + ID,
                "41500 fetch " + ID,
                "75250 fetch " + ID,
                "120250 fetch " + ID,
                "130250 fetch " + ID);
    }

    @Test
    void waitsSharingATaskPollAtTheShortestIntervalAndCapAmongThem() {
        rig.source.script(ID, running(ID, 10));
        rig.poller.await(ID, OPTIONS);
        rig.poller.await(ID, OPTIONS.withInterval(Duration.ofSeconds(2)).withMaxInterval(Duration.ofSeconds(4)));

        rig.at(20000);

        assertThat(rig.source.log()).containsExactly(
                "4000 fetch " + ID, "6000 fetch " + ID, "9000 fetch " + ID, "13000 fetch " + ID, "17000 fetch " + ID);
    }

    @Test
    void aWaitJoiningWithAShorterInitialDelayBringsTheSharedPollForward() {
        rig.source.script(ID, running(ID, 10), success(ID));
        CompletableFuture<Task> first = rig.poller.await(ID, OPTIONS);
        rig.at(1000);
        CompletableFuture<Task> second = rig.poller.await(ID, OPTIONS.withInitialDelay(Duration.ZERO));

        rig.at(6000);

        assertThat(rig.source.log()).containsExactly("1000 fetch " + ID, "6000 fetch " + ID);
        assertThat(first).isCompletedWithValue(success(ID));
        assertThat(second).isCompletedWithValue(success(ID));
    }

    @Test
    void onlyOneTimerIsPendingHoweverManyWaitsThereAre() {
        for (int i = 0; i < 50; i++) {
            String id = "17123456789" + (10000 + i);
            rig.source.script(id, running(id, 10));
            rig.poller.await(id, OPTIONS.withInitialDelay(Duration.ofMillis(4000 + 100L * i)));
        }

        assertThat(rig.scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(4));
        assertThat(rig.poller.pendingWaits()).isEqualTo(50);
    }

    static RateLimitException rateLimited(Duration retryAfter) {
        return new RateLimitException("HTTP 429", 429, null, null, null, "", retryAfter);
    }

    static <T extends Throwable> T failure(CompletableFuture<?> future, Class<T> type) {
        assertThat(future).isCompletedExceptionally();
        Throwable cause = future.handle((value, error) -> Futures.unwrap(error)).join();
        assertThat(cause).isInstanceOf(type);
        return type.cast(cause);
    }
}
