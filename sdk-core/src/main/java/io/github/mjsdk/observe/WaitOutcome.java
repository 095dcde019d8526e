package io.github.mjsdk.observe;

import java.util.Locale;

/** How a wait ended ({@link WaitEnded#outcome()}). */
public enum WaitOutcome {
    /** The task reached SUCCESS. */
    SUCCESS,
    /** The task reached FAILURE or CANCEL on the server ({@code TaskFailedException}). */
    FAILED,
    /** The wait's deadline passed first ({@code TaskTimeoutException}). */
    TIMEOUT,
    /** The task stopped in MODAL and the request gave no modal answer ({@code ModalRequiredException}). */
    MODAL_REQUIRED,
    /** The caller cancelled the future, or the client was closed. */
    CANCELLED,
    /** A poll failed for good: an authentication error, or a task the server no longer knows. */
    ERROR;

    /**
     * The outcome's name for metric tags and logs.
     *
     * @return lower case with {@code _}, e.g. {@code "success"}, {@code "modal_required"}
     */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
