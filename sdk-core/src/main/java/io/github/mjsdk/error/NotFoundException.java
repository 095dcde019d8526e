package io.github.mjsdk.error;

/**
 * The thing asked for does not exist: HTTP 404; business code 3 on a call that names a parent task the SDK has not
 * just fetched; a task fetch answered with an empty body or 204 (docs/protocols.md §g.16); or a route the server
 * does not have (an older midjourney-proxy without {@code /submit/action}; docs/protocols.md, "Observed behaviour
 * of novicezk/midjourney-proxy v2.6.3").
 */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; see {@link ApiException#ApiException(String, int, Integer, String, String, String)}.
     *
     * @param message     what went wrong, for humans
     * @param httpStatus  the HTTP status of the answer
     * @param code        the business code, or {@code null}
     * @param description the server's description, or {@code null}
     * @param requestId   the server's request id, or {@code null}
     * @param bodyExcerpt the start of the body, or {@code null}
     */
    public NotFoundException(String message, int httpStatus, Integer code, String description, String requestId,
              String bodyExcerpt) {
        super(message, httpStatus, code, description, requestId, bodyExcerpt);
    }
}
