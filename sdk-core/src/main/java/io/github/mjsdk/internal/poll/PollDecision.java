package io.github.mjsdk.internal.poll;

import io.github.mjsdk.internal.util.ServerText;
import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * What a poll's answer means for the waits on its task: a pure function of the answer and what the poller knows of
 * the task, with no clock, scheduler or lock (docs/architecture.md §5). The poller carries the decision out.
 */
sealed interface PollDecision {
    /** How long an unknown id is given to appear before a NotFound answer ends its waits. */
    Duration NOT_FOUND_GRACE = Duration.ofSeconds(30);

    /** The task is done: complete every wait with it. */
    record Complete(Task task) implements PollDecision {
    }

    /** The waits on this task fail with {@code error}. */
    record Fail(Throwable error) implements PollDecision {
    }

    /** Every wait of the poller fails with {@code error} (the credentials were refused). */
    record FailAll(Throwable error) implements PollDecision {
    }

    /** The task waits in MODAL and a wait can answer it: submit the modal step. */
    record ConfirmModal(Task task) implements PollDecision {
    }

    /** Poll again on the regular schedule. */
    record PollAgain() implements PollDecision {
    }

    /**
     * The poll failed transiently: poll again after a back-off.
     *
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    record Retry(Duration retryAfter) implements PollDecision {
    }

    /**
     * Too many polls in a row failed: the waits whose {@code maxFailedPolls} is reached ({@link #givesUp}) fail with
     * a timeout whose cause is {@code lastError}; the others retry after a back-off.
     *
     * @param lastError  the failure of the last poll
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    record GiveUp(Throwable lastError, Duration retryAfter) implements PollDecision {
    }

    /** Nothing to do: the poll was cancelled because its waits ended. */
    record Ignore() implements PollDecision {
    }

    /**
     * The decision for a task the server answered.
     *
     * @param task       the task
     * @param modalSent  whether the modal step was already submitted for this entry
     * @param canConfirm whether one of the waits carries the input to confirm a MODAL
     * @return the decision
     */
    static PollDecision onTask(Task task, boolean modalSent, boolean canConfirm) {
        TaskStatus status = task.status();
        if (status == TaskStatus.SUCCESS) {
            return new Complete(task);
        }
        if (status == TaskStatus.FAILURE || status == TaskStatus.CANCEL) {
            String reason = task.failReason() == null || task.failReason().isBlank()
                    ? "no reason given" : ServerText.clip(task.failReason());
            return new Fail(new TaskFailedException("task " + task.id() + " ended in " + status + ": " + reason,
                    task));
        }
        if (status == TaskStatus.MODAL && !modalSent) {
            return canConfirm ? new ConfirmModal(task) : new Fail(new ModalRequiredException("task " + task.id()
                    + " waits in status MODAL for input: continue it with submitModal(..)", task));
        }
        return new PollAgain();
    }

    /**
     * The decision for a poll that failed.
     *
     * @param error      the failure, unwrapped
     * @param everFound  whether the task was ever found
     * @param tracked    how long the task has been tracked
     * @param failedPolls the polls in a row that failed, this one included when it {@link #counts counts}
     * @param fewestAllowed the smallest {@code maxFailedPolls} among the waits
     * @return the decision
     */
    static PollDecision onError(Throwable error, boolean everFound, Duration tracked, int failedPolls,
                                int fewestAllowed) {
        if (error instanceof CancellationException) {
            return new Ignore();
        }
        if (error instanceof AuthenticationException) {
            return new FailAll(error);
        }
        if (error instanceof NotFoundException) {
            boolean inGrace = !everFound && tracked.compareTo(NOT_FOUND_GRACE) < 0;
            return inGrace ? new Retry(null) : new Fail(error);
        }
        if (error instanceof RateLimitException) {
            return new Retry(((ApiException) error).retryAfter().orElse(null));
        }
        if (error instanceof ServerException || error instanceof TransportException
                || error instanceof ProtocolException) {
            Duration retryAfter = error instanceof ServerException
                    ? ((ApiException) error).retryAfter().orElse(null) : null;
            return givesUp(failedPolls, fewestAllowed) ? new GiveUp(error, retryAfter) : new Retry(retryAfter);
        }
        return new Fail(error);
    }

    /**
     * Whether a failed poll counts towards {@code PollOptions.maxFailedPolls}: an I/O error, a 5xx answer or an
     * unreadable answer. A 429, a not-found and a cancellation do not.
     *
     * @param error the failure, unwrapped
     * @return true when it counts
     */
    static boolean counts(Throwable error) {
        return error instanceof ServerException || error instanceof TransportException
                || error instanceof ProtocolException;
    }

    /**
     * Whether a wait allowing {@code allowed} failed polls in a row gives up after {@code failedPolls}.
     *
     * @param failedPolls the failed polls in a row
     * @param allowed     the wait's {@code maxFailedPolls}
     * @return true when it gives up
     */
    static boolean givesUp(int failedPolls, int allowed) {
        return failedPolls >= allowed;
    }

    /**
     * Whether a failed batch query says the server has no batch route (HTTP 404 or 405), so that tasks are polled
     * one by one from then on.
     *
     * @param error the batch query's failure, unwrapped
     * @return true for a 404 or 405 answer
     */
    static boolean batchQueryMissing(Throwable error) {
        return error instanceof ApiException
                && (((ApiException) error).httpStatus() == 404 || ((ApiException) error).httpStatus() == 405);
    }
}
