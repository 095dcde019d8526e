package io.github.mjsdk.error;

/**
 * The server answered something the protocol does not allow: an HTML error page, malformed, truncated or empty
 * JSON where JSON was due, or a body over the size cap. Carries the HTTP status and a bounded body excerpt.
 */
public class ProtocolException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /** Serialized: see {@link #httpStatus()}. */
    private final int httpStatus;
    /** Serialized: see {@link #bodyExcerpt()}. */
    private final String bodyExcerpt;

    /**
     * Creates the exception.
     *
     * @param message     what went wrong, for humans
     * @param httpStatus  the HTTP status of the answer
     * @param bodyExcerpt the start of the body (cut to {@value ApiException#MAX_EXCERPT_CHARS} characters), or
     *                    {@code null}
     * @param cause       the parse failure, or {@code null}
     */
    public ProtocolException(String message, int httpStatus, String bodyExcerpt, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.bodyExcerpt = bodyExcerpt == null || bodyExcerpt.length() <= ApiException.MAX_EXCERPT_CHARS
                ? bodyExcerpt
                : bodyExcerpt.substring(0, ApiException.MAX_EXCERPT_CHARS) + "…";
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status, e.g. 200 for an HTML page served with 200
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The start of the body, at most {@value ApiException#MAX_EXCERPT_CHARS} characters.
     *
     * @return the excerpt; empty string for none
     */
    public String bodyExcerpt() {
        return bodyExcerpt == null ? "" : bodyExcerpt;
    }
}
