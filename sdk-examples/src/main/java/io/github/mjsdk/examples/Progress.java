package io.github.mjsdk.examples;

import io.github.mjsdk.model.Task;
import io.github.mjsdk.poll.TaskListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr driven by a wait's {@link TaskListener}: the bar shows the task's progress percent and
 * its status. The bar library refreshes it on a daemon thread of its own, so it never keeps the JVM alive.
 */
final class Progress implements TaskListener, AutoCloseable {
    private static final int WIDTH = 100;

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * Shows a bar at 0 %.
     *
     * @param name what is running, e.g. {@code "imagine"}
     * @param err  where to draw it
     * @return the bar; pass it as the listener of a waiting call and close it when the call completes
     */
    static Progress start(String name, PrintStream err) {
        return new Progress(new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(100)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(err, WIDTH))
                .build());
    }

    @Override
    public void onUpdate(Task task) {
        bar.stepTo(task.progress());
        bar.setExtraMessage(task.status().name());
    }

    /** Draws the final state and ends the line. */
    @Override
    public void close() {
        bar.close();
    }
}
