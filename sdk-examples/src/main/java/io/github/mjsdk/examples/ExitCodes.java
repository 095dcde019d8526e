package io.github.mjsdk.examples;

import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.error.TaskTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The exit codes of {@code mj} and the QuickStart, and which exception maps to which. */
final class ExitCodes {
    /** The command did what it was asked. */
    static final int OK = 0;
    /**
     * Something outside the API went wrong: a file could not be written, the simulator's port is taken, the wait was
     * interrupted.
     */
    static final int UNEXPECTED = 1;
    /**
     * Bad command line: unknown option, missing or invalid argument, no API key, an operation the provider lacks
     * (picocli's own code).
     */
    static final int USAGE = 2;
    /** The task ended in FAILURE or CANCEL, or stopped in MODAL waiting for input. */
    static final int TASK_FAILED = 3;
    /** The API refused or broke: HTTP or business error, unreadable answer, network failure, wrong task state. */
    static final int API_ERROR = 4;
    /** The task did not finish before the deadline ({@code --timeout}). */
    static final int TIMEOUT = 5;

    /**
     * The table for {@code --help}.
     *
     * @return code to meaning, in order
     */
    static Map<String, String> help() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("0", "ok");
        table.put("1", "unexpected error (e.g. a file could not be written, a port is taken)");
        table.put("2", "usage error (bad option or argument, no API key, an operation the provider lacks)");
        table.put("3", "task failed (FAILURE or CANCEL, or a MODAL step needs input)");
        table.put("4", "API error (HTTP or business error, unreadable answer, network, wrong task state)");
        table.put("5", "timeout (the task did not finish before --timeout)");
        return table;
    }

    private ExitCodes() {
    }

    /**
     * The exit code for a failure of a command.
     *
     * @param failure what was thrown, possibly wrapped in a CompletionException
     * @return 1, 2, 3, 4 or 5
     */
    static int of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TaskTimeoutException) {
            return TIMEOUT;
        }
        if (cause instanceof TaskFailedException || cause instanceof ModalRequiredException) {
            return TASK_FAILED;
        }
        if (cause instanceof MidjourneyException) {
            // ApiException, ProtocolException, TransportException, IllegalTaskStateException, ImageDecodeException
            return API_ERROR;
        }
        if (cause instanceof IllegalArgumentException || cause instanceof Connection.MissingKeyException
                || cause instanceof io.github.mjsdk.error.OperationNotSupportedException) {
            return USAGE;
        }
        return UNEXPECTED;
    }

    /**
     * The failure behind CompletionException and ExecutionException wrappers.
     *
     * @param failure what was thrown
     * @return the innermost non-wrapper cause
     */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
