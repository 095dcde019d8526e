package io.github.mjsdk.examples;

import io.github.mjsdk.model.Speed;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --speed}, {@code --out} and {@code --timeout} of the commands that wait for a new grid ({@code vary},
 * {@code pan}, {@code zoom}, {@code blend}). A picocli mixin.
 */
final class GridWaitOptions {
    @Mixin
    private SpeedOption speed;

    @Option(names = "--out", paramLabel = "DIR", description = "save the grid and its four images under DIR/<taskId>/")
    private Path out;

    @Mixin
    private TimeoutOption timeout;

    /**
     * The tier asked for.
     *
     * @return the tier, or {@code null} for the server's default
     */
    Speed speed() {
        return speed.value();
    }

    /**
     * Where to save the grid.
     *
     * @return the folder, or {@code null} to save nothing
     */
    Path out() {
        return out;
    }

    /**
     * The deadline of the wait.
     *
     * @return the deadline, or {@code null} for the tier's default
     */
    Duration timeout() {
        return timeout.value();
    }
}
