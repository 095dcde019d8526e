package io.github.mjsdk.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The poller's decision table on its own: every answer and every failure, with no scheduler, clock or lock. */
class PollDecisionTest {
    private static final Duration EARLY = Duration.ofSeconds(5);
    private static final Duration LATE = PollDecision.NOT_FOUND_GRACE;

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of(TaskStatus.SUCCESS, false, false, PollDecision.Complete.class, null),
                Arguments.of(TaskStatus.SUCCESS, true, true, PollDecision.Complete.class, null),
                Arguments.of(TaskStatus.FAILURE, false, false, PollDecision.Fail.class, TaskFailedException.class),
                Arguments.of(TaskStatus.CANCEL, false, true, PollDecision.Fail.class, TaskFailedException.class),
                Arguments.of(TaskStatus.MODAL, false, true, PollDecision.ConfirmModal.class, null),
                Arguments.of(TaskStatus.MODAL, false, false, PollDecision.Fail.class, ModalRequiredException.class),
                Arguments.of(TaskStatus.MODAL, true, true, PollDecision.PollAgain.class, null),
                Arguments.of(TaskStatus.NOT_START, false, false, PollDecision.PollAgain.class, null),
                Arguments.of(TaskStatus.SUBMITTED, false, false, PollDecision.PollAgain.class, null),
                Arguments.of(TaskStatus.IN_PROGRESS, false, false, PollDecision.PollAgain.class, null),
                Arguments.of(TaskStatus.UNKNOWN, false, false, PollDecision.PollAgain.class, null));
    }

    @ParameterizedTest(name = "{0}, modal sent {1}, can confirm {2} -> {3}")
    @MethodSource("answers")
    void eachStatusHasOneDecision(TaskStatus status, boolean modalSent, boolean canConfirm,
                                  Class<? extends PollDecision> decision, Class<? extends Throwable> failure) {
        PollDecision decided = PollDecision.onTask(task(status, "Invalid value for --q"), modalSent, canConfirm);

        assertThat(decided).isInstanceOf(decision);
        if (failure != null) {
            assertThat(((PollDecision.Fail) decided).error()).isInstanceOf(failure);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void eachFailureHasOneDecision(String name, Throwable error, boolean everFound, Duration tracked,
                                   Class<? extends PollDecision> decision, Duration retryAfter) {
        PollDecision decided = PollDecision.onError(error, everFound, tracked, 1, Integer.MAX_VALUE);

        assertThat(decided).isInstanceOf(decision);
        if (decided instanceof PollDecision.Retry) {
            assertThat(((PollDecision.Retry) decided).retryAfter()).isEqualTo(retryAfter);
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("cancelled", new CancellationException(), false, EARLY, PollDecision.Ignore.class, null),
                Arguments.of("401", api(AuthenticationException.class, 401), true, EARLY, PollDecision.FailAll.class,
                        null),
                Arguments.of("unknown id, early", api(NotFoundException.class, 404), false, EARLY,
                        PollDecision.Retry.class, null),
                Arguments.of("unknown id, after the grace", api(NotFoundException.class, 404), false, LATE,
                        PollDecision.Fail.class, null),
                Arguments.of("gone after being found", api(NotFoundException.class, 404), true, EARLY,
                        PollDecision.Fail.class, null),
                Arguments.of("429 with Retry-After", new RateLimitException("x", 429, null, null, null, null,
                        Duration.ofSeconds(7)), true, EARLY, PollDecision.Retry.class, Duration.ofSeconds(7)),
                Arguments.of("503 with Retry-After", new ServerException("x", 503, null, null, null, null,
                        Duration.ofSeconds(3)), true, EARLY, PollDecision.Retry.class, Duration.ofSeconds(3)),
                Arguments.of("502", new ServerException("x", 502, null, null, null, null), true, EARLY,
                        PollDecision.Retry.class, null),
                Arguments.of("reset", new TransportException("x", null, true), true, EARLY, PollDecision.Retry.class,
                        null),
                Arguments.of("HTML page", new ProtocolException("x", 200, "<html>", null), true, EARLY,
                        PollDecision.Retry.class, null),
                Arguments.of("400", api(InvalidRequestException.class, 400), true, EARLY, PollDecision.Fail.class,
                        null),
                Arguments.of("a bug", new IllegalStateException("bug"), true, EARLY, PollDecision.Fail.class, null));
    }

    @ParameterizedTest(name = "HTTP {0} -> batch route missing: {1}")
    @MethodSource("batchAnswers")
    void onlyA404Or405SaysTheBatchRouteIsMissing(int status, boolean missing) {
        assertThat(PollDecision.batchQueryMissing(new ServerException("x", status, null, null, null, null)))
                .isEqualTo(missing);
    }

    static Stream<Arguments> batchAnswers() {
        return Stream.of(Arguments.of(404, true), Arguments.of(405, true), Arguments.of(500, false),
                Arguments.of(400, false));
    }

    private static Task task(TaskStatus status, String failReason) {
        return new Task("1712345678901123", TaskAction.IMAGINE, "IMAGINE", status, status.name(), 50, null, null,
                null, null, null, List.of(), List.of(), failReason, null, null, null, null, null);
    }

    private static ApiException api(Class<? extends ApiException> type, int status) {
        try {
            return type.getConstructor(String.class, int.class, Integer.class, String.class, String.class,
                    String.class).newInstance("x", status, null, null, null, null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
