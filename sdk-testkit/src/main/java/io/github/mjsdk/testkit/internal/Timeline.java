package io.github.mjsdk.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lifecycle of a task as a function of time (docs/protocols.md §a.7), from the instant it got a job slot and
 * its duration {@code d}: NOT_START until 5 % of {@code d} (then {@code startTime} is set), SUBMITTED ({@code "0%"})
 * until 15 %, IN_PROGRESS with progress rising in six steps ({@code 15%} … {@code 93%}) until {@code d}, then
 * SUCCESS ({@code "100%"}). A task with a fail reason goes from SUBMITTED to FAILURE (progress {@code ""}) at 15 %.
 * A task waiting for a slot is NOT_START; a parked one is MODAL. A stalled task stays as it was when stalled and
 * keeps its slot until it is cancelled or failed.
 */
final class Timeline {
    static final int[] STEPS = {15, 31, 46, 62, 78, 93};
    private static final int SUBMITTED_AT = 50;
    private static final int RUNNING_AT = 150;

    private Timeline() {
    }

    /**
     * A task's state at an instant.
     *
     * @param status     the wire status
     * @param progress   the wire progress string
     * @param percent    progress as a number, 0–100
     * @param startTime  when it was submitted to the bot, or null
     * @param finishTime when it reached SUCCESS or FAILURE, or null
     */
    record Phase(String status, String progress, int percent, Instant startTime, Instant finishTime) {
        boolean terminal() {
            return status.equals("SUCCESS") || status.equals("FAILURE");
        }

        String key() {
            return status + ":" + progress;
        }
    }

    static Phase at(SimTask task, Instant when) {
        if (task.modal) {
            return new Phase("MODAL", "0%", 0, null, null);
        }
        if (task.cancelledAt != null && !when.isBefore(task.cancelledAt)) {
            Instant started = task.startAt == null || task.cancelledAt.isBefore(startTime(task)) ? null
                    : startTime(task);
            return new Phase("FAILURE", "", 0, started, task.cancelledAt);
        }
        if (task.stalledAt != null && when.isAfter(task.stalledAt)) {
            when = task.stalledAt;
        }
        if (task.startAt == null || when.isBefore(startTime(task))) {
            return new Phase("NOT_START", "0%", 0, null, null);
        }
        Instant started = startTime(task);
        Instant end = end(task);
        if (!when.isBefore(end)) {
            return task.failReason != null ? new Phase("FAILURE", "", 0, started, end)
                    : new Phase("SUCCESS", "100%", 100, started, end);
        }
        Instant running = at(task, RUNNING_AT);
        if (when.isBefore(running)) {
            return new Phase("SUBMITTED", "0%", 0, started, null);
        }
        int step = 0;
        while (step + 1 < STEPS.length && !when.isBefore(stepAt(task, step + 1))) {
            step++;
        }
        return new Phase("IN_PROGRESS", STEPS[step] + "%", STEPS[step], started, null);
    }

    /** The instants at which the task's state changes, as far as they are known (none before it has a slot). */
    static List<Instant> changes(SimTask task) {
        List<Instant> changes = new ArrayList<>();
        if (task.startAt == null || task.modal) {
            return changes;
        }
        changes.add(startTime(task));
        if (task.failReason == null) {
            for (int step = 0; step < STEPS.length; step++) {
                changes.add(stepAt(task, step));
            }
        }
        changes.add(end(task));
        if (task.stalledAt != null) {
            changes.removeIf(change -> change.isAfter(task.stalledAt));
        }
        if (task.cancelledAt != null) {
            changes.removeIf(change -> change.isAfter(task.cancelledAt));
            changes.add(task.cancelledAt);
        }
        return changes;
    }

    /** When the task releases its job slot: at SUCCESS or FAILURE, or when cancelled or failed by the test. */
    static Instant end(SimTask task) {
        Instant end;
        if (task.stalledAt != null) {
            end = Instant.MAX;
        } else {
            end = task.failReason != null ? at(task, RUNNING_AT) : task.startAt.plus(task.duration);
        }
        return task.cancelledAt != null && task.cancelledAt.isBefore(end) ? task.cancelledAt : end;
    }

    private static Instant startTime(SimTask task) {
        return at(task, SUBMITTED_AT);
    }

    private static Instant stepAt(SimTask task, int step) {
        Duration running = task.duration.multipliedBy(1000 - RUNNING_AT).dividedBy(1000);
        return at(task, RUNNING_AT).plus(running.multipliedBy(step).dividedBy(STEPS.length));
    }

    private static Instant at(SimTask task, int permille) {
        return task.startAt.plus(task.duration.multipliedBy(permille).dividedBy(1000));
    }
}
