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
 * @param taskId        the new task's id
 * @param code          the business code: 1, 22 or 21
 * @param description   the server's text, or {@code null}
 * @param queuePosition how many tasks are ahead of this one; 0 unless queued
 * @param properties    the server's {@code properties} map; never null
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
     * The new task's id, as a string (docs/protocols.md §a.5, §g.9). For code 21 on old servers (open-source proxy
     * 2.5 and earlier) it is instead the id of the task that already existed.
     *
     * @return a 16-digit task id such as {@code "1712345678901123"} on midjourney-proxy servers ({@code task_…} on
     *         apimart, a UUID on JourneyAPI); never null
     */
    @Override
    public String taskId() {
        return taskId;
    }

    /**
     * The business code, independent of the HTTP status (docs/protocols.md §a.5). Gateways may rewrite 21 and 22 to
     * 1, so a later fetch is what shows whether the task waits in MODAL.
     *
     * @return {@link #CODE_SUCCESS} 1 (accepted, running now), {@link #CODE_IN_QUEUE} 22 (accepted, queued) or
     *         {@link #CODE_EXISTED_OR_MODAL} 21 (waits in MODAL for {@code /submit/modal}; "already exists" on old
     *         servers)
     */
    @Override
    public int code() {
        return code;
    }

    /**
     * The server's human-readable text: Chinese, English or localised, and different between versions. Show it,
     * never parse it (docs/protocols.md §g.5).
     *
     * @return e.g. {@code "提交成功"}, {@code "排队中，前面还有1个任务"} or {@code "Submit success"}; may be
     *         {@code null} when the server sent none
     */
    @Override
    public String description() {
        return description;
    }

    /**
     * How many tasks are ahead of this one in the account's queue, from {@code properties.numberOfQueues}
     * (docs/protocols.md §a.5).
     *
     * @return the count, e.g. 3, when {@code code} is 22; 0 otherwise
     */
    @Override
    public int queuePosition() {
        return queuePosition;
    }

    /**
     * The server's {@code properties} map (docs/protocols.md §a.5), e.g. {@code discordInstanceId},
     * {@code numberOfQueues}; on servers without that envelope, the other fields of the submit answer. Values are
     * JSON-like Java objects: {@code String}, {@code Boolean}, {@code Integer}/{@code Long}/{@code Double} and other
     * numbers, {@code List}, {@code Map}, or {@code null}. A server may echo a {@code notifyHook} URL here, with the
     * secret it carries.
     *
     * @return an unmodifiable map in the server's order; never null, empty when the server sent none
     */
    @Override
    public Map<String, Object> properties() {
        return properties;
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
