package io.github.mjsdk.examples;

import io.github.mjsdk.model.Speed;
import picocli.CommandLine.Option;

/** {@code --speed TIER}: the tier of the job a command submits. A picocli mixin. */
final class SpeedOption {
    @Option(names = "--speed", paramLabel = "TIER", description = "relax, fast or turbo (default: the server's)")
    private Speed speed;

    /**
     * The tier asked for.
     *
     * @return the tier, or {@code null} for the server's (or the provider's) default
     */
    Speed value() {
        return speed;
    }
}
