package io.github.mjsdk.error;

import java.util.Optional;

/**
 * The prompt hit the server's banned-word check: business code 24, with {@code properties.bannedWord} when given
 * (docs/protocols.md §a.5). Not retryable with the same prompt.
 */
public class BannedPromptException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #bannedWord()}. */
    private final String bannedWord;

    /**
     * Creates the exception.
     *
     * @param message     what went wrong, for humans
     * @param httpStatus  the HTTP status of the answer
     * @param code        the business code (24)
     * @param description the server's description, or {@code null}
     * @param requestId   the server's request id, or {@code null}
     * @param bodyExcerpt the start of the body, or {@code null}
     * @param bannedWord  the word the server named, or {@code null}
     */
    public BannedPromptException(String message, int httpStatus, Integer code, String description, String requestId,
                                 String bodyExcerpt, String bannedWord) {
        super(message, httpStatus, code, description, requestId, bodyExcerpt);
        this.bannedWord = bannedWord;
    }

    /**
     * The banned word, as the server reported it in {@code properties.bannedWord}.
     *
     * @return the word, or empty when the server did not name it
     */
    public Optional<String> bannedWord() {
        return Optional.ofNullable(bannedWord);
    }
}
