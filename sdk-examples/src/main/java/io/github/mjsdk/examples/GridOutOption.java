package io.github.mjsdk.examples;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out DIR} of the commands whose result is a new grid: where to save it. A picocli mixin. */
final class GridOutOption {
    @Option(names = "--out", paramLabel = "DIR", description = "save the grid and its four images under DIR/<taskId>/")
    private Path out;

    /**
     * The folder asked for.
     *
     * @return the folder under which {@code <taskId>/grid.png} and {@code 1.png} … {@code 4.png} go, or
     *     {@code null} to save nothing
     */
    Path value() {
        return out;
    }
}
