package io.github.mjsdk.examples;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout DURATION}: the deadline of a command's wait. A picocli mixin. */
final class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "give up waiting after this long, e.g. 90s, 10m (default 10m; relax 30m)")
    private Duration timeout;

    /**
     * The deadline asked for.
     *
     * @return the deadline, or {@code null} for the tier's default (10 min; 30 min relax)
     */
    Duration value() {
        return timeout;
    }
}
