package io.github.mjsdk.examples;

import io.github.mjsdk.admission.BatchProgress;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.TaskListener;
import java.io.PrintStream;
import java.util.Objects;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress of a wait on stderr, driven by the wait's {@link TaskListener}. On a terminal it is a bar redrawn in
 * place (with {@code \r}) showing the task's progress percent and status; the bar library refreshes it on a daemon
 * thread of its own, so it never keeps the JVM alive. When stderr is not a terminal (a pipe, a file, a CI log) it is
 * one plain line per change of status or progress, e.g. {@code imagine: IN_PROGRESS 40%}, and no {@code \r}. A batch
 * ({@link #batch}) shows one bar for all its jobs, jobs finished out of the total, and as lines
 * {@code batch: 3/10 finished (2 done, 1 failed, 4 running, 3 queued)}.
 */
abstract sealed class Progress implements TaskListener, AutoCloseable {
    private static final int WIDTH = 100;

    /**
     * Starts showing progress: a bar at 0 % on a terminal, else nothing until the first update.
     *
     * @param name    what is running, e.g. {@code "imagine"}
     * @param console where to show it ({@link Console#err()}) and whether that is a terminal
     * @return the listener; pass it to a waiting call and close it when the call completes
     */
    static Progress start(String name, Console console) {
        return console.terminal() ? new Bar(name, 100, console.err()) : new Lines(name, console.err());
    }

    /**
     * Starts showing a batch's progress: a bar at 0 of {@code total} on a terminal, else nothing until the first
     * update ({@link #onBatch}).
     *
     * @param name    what is running, e.g. {@code "batch"}
     * @param total   the number of jobs
     * @param console where to show it and whether that is a terminal
     * @return the display; feed it the batch's progress and close it when the batch is done
     */
    static Progress batch(String name, int total, Console console) {
        return console.terminal() ? new Bar(name, total, console.err()) : new Lines(name, console.err());
    }

    /**
     * Shows where a batch stands.
     *
     * @param progress the batch's progress
     */
    abstract void onBatch(BatchProgress progress);

    /** The jobs of a batch by state, e.g. {@code 2 done, 1 failed, 4 running, 3 queued}. */
    static String states(BatchProgress progress) {
        return progress.done() + " done, " + progress.failed() + " failed, " + progress.running() + " running, "
                + progress.queued() + " queued";
    }

    /** Ends the display: the bar draws its final state and ends its line. */
    @Override
    public abstract void close();

    /** A bar redrawn in place; only for a terminal. */
    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(String name, int max, PrintStream err) {
            bar = new ProgressBarBuilder()
                    .setTaskName(name)
                    .setInitialMax(max)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(err, WIDTH))
                    .build();
        }

        @Override
        public void onUpdate(Task task) {
            bar.stepTo(task.progress());
            bar.setExtraMessage(task.status().name());
        }

        @Override
        void onBatch(BatchProgress progress) {
            bar.stepTo(progress.finished());
            bar.setExtraMessage(states(progress));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** One plain line per change; for anything that is not a terminal. */
    private static final class Lines extends Progress {
        private final String name;
        private final PrintStream err;
        private TaskStatus status;
        private int progress = -1;

        Lines(String name, PrintStream err) {
            this.name = name;
            this.err = err;
        }

        @Override
        public synchronized void onUpdate(Task task) {
            if (Objects.equals(task.status(), status) && task.progress() == progress) {
                return;
            }
            status = task.status();
            progress = task.progress();
            err.println(name + ": " + status.name() + " " + progress + "%");
        }

        @Override
        synchronized void onBatch(BatchProgress batch) {
            err.println(name + ": " + batch.finished() + "/" + batch.total() + " finished (" + states(batch) + ")");
        }

        @Override
        public void close() {
            err.flush();
        }
    }
}
