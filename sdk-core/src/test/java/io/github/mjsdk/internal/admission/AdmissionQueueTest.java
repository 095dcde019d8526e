package io.github.mjsdk.internal.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.admission.AdmissionOptions;
import io.github.mjsdk.error.AdmissionTimeoutException;
import io.github.mjsdk.error.QueueFullException;
import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.testing.ManualScheduler;
import io.github.mjsdk.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The queue's rules on a hand-driven clock, with submits answered by hand. */
class AdmissionQueueTest {
    private final ManualScheduler scheduler = ManualScheduler.atFixtureTime();
    /** The answer each send is waiting for, per call, in send order. */
    private final Map<Operation, List<CompletableFuture<String>>> sends = new HashMap<>();

    private AdmissionQueue queue(AdmissionOptions options) {
        return new AdmissionQueue(options, scheduler, scheduler.clock(), new ClientObserver() { });
    }

    private Operation submit(AdmissionQueue queue) {
        Operation operation = new Operation();
        queue.submit(operation, () -> {
            CompletableFuture<String> answer = new CompletableFuture<>();
            sends.computeIfAbsent(operation, o -> new ArrayList<>()).add(answer);
            return answer;
        });
        return operation;
    }

    private int sent(Operation operation) {
        return sends.getOrDefault(operation, List.of()).size();
    }

    private void accept(Operation operation) {
        last(operation).complete("task");
    }

    private void refuse(Operation operation, Duration retryAfter) {
        last(operation).completeExceptionally(retryAfter == null
                ? new QueueFullException("queue full (code 23)", 200, 23, null, null, null)
                : new RateLimitException("HTTP 429", 429, null, null, null, null, retryAfter));
    }

    private CompletableFuture<String> last(Operation operation) {
        List<CompletableFuture<String>> answers = sends.get(operation);
        return answers.get(answers.size() - 1);
    }

    @Test
    void aLearnedLimitRampsWithEveryAcceptanceUntilTheFirstRefusalThenRisesAfterAFullRound() {
        AdmissionQueue queue = queue(AdmissionOptions.defaults().withInitialLimit(2));
        Operation a = submit(queue);
        Operation b = submit(queue);
        Operation c = submit(queue);
        Operation d = submit(queue);
        Operation e = submit(queue);
        Operation f = submit(queue);
        assertThat(List.of(sent(a), sent(b), sent(c), sent(d))).containsExactly(1, 1, 0, 0);

        accept(a);                                   // ramping: each acceptance at the limit makes room for one more
        assertThat(queue.stats().limit()).isEqualTo(3);
        assertThat(sent(c)).isEqualTo(1);
        accept(b);
        assertThat(queue.stats().limit()).isEqualTo(4);
        assertThat(sent(d)).isEqualTo(1);
        assertThat(queue.stats().inFlight()).isEqualTo(4);

        refuse(c, null);                             // back to the 3 jobs still holding a slot, c at the head
        assertThat(queue.stats().limit()).isEqualTo(3);
        assertThat(queue.stats().queued()).isEqualTo(3);
        assertThat(queue.queued(c)).isTrue();
        accept(d);                                   // no longer ramping: one of 3 acceptances at the limit
        assertThat(queue.stats().limit()).isEqualTo(3);
        assertThat(sent(e)).isZero();

        queue.ended(a);                              // a slot back before the 2 s hold: c goes again, e waits
        assertThat(sent(c)).isEqualTo(2);
        assertThat(sent(e)).isZero();
        accept(c);
        queue.ended(b);
        assertThat(sent(e)).isEqualTo(1);
        assertThat(queue.stats().limit()).isEqualTo(3);
        accept(e);                                   // the third acceptance in a row at the limit: 4
        assertThat(queue.stats().limit()).isEqualTo(4);
        assertThat(sent(f)).isEqualTo(1);
        assertThat(queue.stats().refused()).isEqualTo(1);
        assertThat(queue.stats().sent()).isEqualTo(7);
    }

    @Test
    void aQueuedSubmitsDeadlineFiresOnTimeThoughTimeMovedBeforeItWasArmed() {
        MutableClock clock = scheduler.clock();
        AtomicBoolean stallAfterRead = new AtomicBoolean();
        // a clock that lets 3 s pass right after one read, as a thread that waits for the queue's lock would see
        Clock stalling = new Clock() {
            @Override
            public Instant instant() {
                Instant now = clock.instant();
                if (stallAfterRead.getAndSet(false)) {
                    clock.advance(Duration.ofSeconds(3));
                }
                return now;
            }

            @Override
            public ZoneId getZone() {
                return clock.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
        AdmissionQueue queue = new AdmissionQueue(AdmissionOptions.defaults().withMaxInFlight(1)
                .withDeadline(Duration.ofSeconds(10)), scheduler, stalling, new ClientObserver() { });
        submit(queue);
        Instant call = clock.instant();

        stallAfterRead.set(true);
        CompletableFuture<String> queued = queue.submit(new Operation(), CompletableFuture::new);

        assertThat(queued).isNotDone();
        scheduler.advance(Duration.between(clock.instant(), call.plusSeconds(10)).minusMillis(1));
        assertThat(queued).isNotDone();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(Duration.between(call, clock.instant())).isEqualTo(Duration.ofSeconds(10));
        assertThat(queued).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(AdmissionTimeoutException.class);
    }

    @Test
    void aLearnedLimitDoesNotRampWhileNoOtherSubmitWaits() {
        AdmissionQueue queue = queue(AdmissionOptions.defaults().withInitialLimit(2));
        Operation a = submit(queue);
        Operation b = submit(queue);

        accept(a);
        accept(b);
        assertThat(queue.stats().limit()).isEqualTo(2);

        Operation c = submit(queue);                 // waits for a slot at the limit of 2
        assertThat(sent(c)).isZero();
        queue.ended(a);
        assertThat(sent(c)).isEqualTo(1);
        accept(c);
        assertThat(queue.stats().limit()).isEqualTo(2);
    }

    @Test
    void aRefusalWithRetryAfterHoldsTheQueueUntilThenWhenNoSlotIsGivenBack() {
        AdmissionQueue queue = queue(AdmissionOptions.defaults().withMaxInFlight(2));
        Operation a = submit(queue);
        Operation b = submit(queue);
        Operation c = submit(queue);
        accept(a);

        refuse(b, Duration.ofSeconds(5));
        scheduler.advance(Duration.ofMillis(4999));
        assertThat(sent(b)).isEqualTo(1);
        assertThat(sent(c)).isZero();

        scheduler.advance(Duration.ofMillis(1));
        assertThat(sent(b)).isEqualTo(2);
        assertThat(sent(c)).isZero();                // a and b hold the 2 slots
    }

    @Test
    void whenTheHoldEndsAtTheLearnedLimitOneSubmitIsSentAsAProbeAndTheHoldDoubles() {
        AdmissionQueue queue = queue(AdmissionOptions.defaults().withInitialLimit(2));
        Operation a = submit(queue);
        Operation b = submit(queue);
        accept(a);
        refuse(b, null);                             // limit 1 (a), hold 2 s
        Operation c = submit(queue);
        assertThat(queue.stats().limit()).isEqualTo(1);

        scheduler.advance(Duration.ofSeconds(2));
        assertThat(sent(b)).isEqualTo(2);            // the probe, beyond the limit
        assertThat(sent(c)).isZero();
        refuse(b, null);                             // second refusal in a row: hold 4 s
        scheduler.advance(Duration.ofMillis(3999));
        assertThat(sent(b)).isEqualTo(2);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(sent(b)).isEqualTo(3);

        accept(b);                                   // the probe was taken: the limit follows
        assertThat(queue.stats().limit()).isEqualTo(2);
        assertThat(queue.stats().inFlight()).isEqualTo(2);
        assertThat(sent(c)).isZero();
    }

    @Test
    void aFailureThatIsNotARefusalIsNeverSentAgainAndKeepsItsSlotUntilTheCallEnds() {
        AdmissionQueue queue = queue(AdmissionOptions.defaults().withMaxInFlight(1));
        Operation a = submit(queue);
        Operation b = submit(queue);

        last(a).completeExceptionally(new IllegalStateException("reset after the request was written"));
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(sent(a)).isEqualTo(1);
        assertThat(sent(b)).isZero();

        queue.ended(a);
        assertThat(sent(b)).isEqualTo(1);
        assertThat(sent(a)).isEqualTo(1);
    }
}
