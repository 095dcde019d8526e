package io.github.mjsdk.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server's answer to an accepted submit (docs/protocols.md §a.5): the id of the new task and how it was
 * accepted. Errors never come back as a {@code SubmitResult}; they are typed exceptions.
 *
 * <p>Construction throws {@link NullPointerException} if {@code taskId} is null.
 *
 * @param taskId        the new task's id (a 16-digit string on midjourney-proxy servers); for code 21 on old
 *                      servers, the id of the task that already existed
 * @param code          the business code: 1 (accepted), 22 (queued), 21 (waits in MODAL for {@code /submit/modal};
 *                      or "already exists" on old servers)
 * @param description   the server's text, e.g. {@code "提交成功"} or {@code "Submit success"}; show it, never parse
 *                      it; may be {@code null}
 * @param queuePosition how many tasks are ahead of this one ({@code properties.numberOfQueues}) when
 *                      {@code code} is 22; 0 otherwise
 * @param properties    the server's {@code properties} map, values as JSON-like Java objects; never null
 */
public record SubmitResult(String taskId, int code, String description, int queuePosition,
                           Map<String, Object> properties) {

    /** Business code: accepted, running now. */
    public static final int CODE_SUCCESS = 1;
    /** Business code: waits in MODAL (PLUS servers) or "already exists" (open-source proxy ≤ 2.5). */
    public static final int CODE_EXISTED_OR_MODAL = 21;
    /** Business code: accepted, queued behind {@code numberOfQueues} tasks. */
    public static final int CODE_IN_QUEUE = 22;

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param taskId see {@link #taskId()}
     * @param code see {@link #code()}
     * @param description see {@link #description()}
     * @param queuePosition see {@link #queuePosition()}
     * @param properties see {@link #properties()}
     */
    public SubmitResult {
        Objects.requireNonNull(taskId, "taskId");
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /**
     * Whether the task was queued behind others (code 22).
     *
     * @return {@code true} for code 22
     */
    public boolean queued() {
        return code == CODE_IN_QUEUE;
    }

    /**
     * Whether the new task waits in status MODAL for {@code /submit/modal} (code 21 on a PLUS-protocol server).
     * Gateways may rewrite 21 to 1, so a task can also turn out to be MODAL on a later fetch.
     *
     * @return {@code true} for code 21 without the "already exists" marker ({@code properties.status})
     */
    public boolean waitsForModal() {
        return code == CODE_EXISTED_OR_MODAL && !properties.containsKey("status");
    }

    /**
     * A short summary: task id, code, queue position, description and the names (not the values) of the
     * properties, since a server may echo a {@code notifyHook} URL and the secret it carries there.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "SubmitResult[taskId=" + taskId + ", code=" + code + ", queuePosition=" + queuePosition
                + ", description=" + description + ", properties=" + properties.keySet() + "]";
    }
}
