package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Redact;

/**
 * A video extend: one clip of a finished video task continued by a few seconds (docs/protocols.md §h.2.7). The
 * result is a new video task with its own clips ({@link Task#videoUrls()}). Build with {@link #of(String, int)}
 * and the {@code with…} methods.
 *
 * <p>Construction throws {@link IllegalArgumentException} naming the parameter if {@code taskId} is blank,
 * {@code index} is outside 1–4, {@code prompt} is over {@link VideoRequest#MAX_PROMPT} characters, {@code state} is
 * over 255 characters, or {@code notifyHook} is not an absolute http(s) URL.
 *
 * @param taskId     the finished video task to extend; not blank
 * @param index      which of its clips, 1–4 (1-based; the proxy family is sent 0–3)
 * @param prompt     what should happen next, or {@code null} (JourneyAPI requires one)
 * @param motion     low or high; never null ({@link VideoMotion#LOW} by default)
 * @param speed      the speed tier, or {@code null} for the client's default
 * @param state      an opaque string of yours, or {@code null}
 * @param notifyHook a callback URL, or {@code null} for the client's default
 */
public record VideoExtendRequest(String taskId, int index, String prompt, VideoMotion motion, SpeedTier speed,
                                 String state, String notifyHook) {

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param taskId see {@link #taskId()}
     * @param index see {@link #index()}
     * @param prompt see {@link #prompt()}
     * @param motion see {@link #motion()}
     * @param speed see {@link #speed()}
     * @param state see {@link #state()}
     * @param notifyHook see {@link #notifyHook()}
     */
    public VideoExtendRequest {
        Args.notBlank(taskId, "taskId");
        Args.gridIndex(index, "index");
        Args.maxLength(prompt, VideoRequest.MAX_PROMPT, "prompt");
        motion = motion == null ? VideoMotion.LOW : motion;
        Args.maxLength(state, 255, "state");
        Args.optionalHttpUrl(notifyHook, "notifyHook");
    }

    /**
     * The video task whose clip is extended: {@code taskId} on the proxy family, {@code parent_task_id} on
     * JourneyAPI. It must be a SUCCESS video task; the server refuses anything else.
     *
     * @return the task id; never blank
     */
    @Override
    public String taskId() {
        return taskId;
    }

    /**
     * Which clip to extend, 1-based: 1 is the first of {@link Task#videoUrls()}. The proxy family counts from 0
     * ({@code index} 0–3 is sent); JourneyAPI takes the strings {@code "1"} to {@code "4"}.
     *
     * @return 1–4
     */
    @Override
    public int index() {
        return index;
    }

    /**
     * What should happen next: {@code prompt}. JourneyAPI requires one and a request without it is refused there
     * before sending; the proxy family accepts none (CometAPI) or requires one (trueai answers code 4).
     *
     * @return at most {@link VideoRequest#MAX_PROMPT} characters; {@code null} when not set
     */
    @Override
    public String prompt() {
        return prompt;
    }

    /**
     * How much the extension moves: {@code motion} {@code "low"} or {@code "high"}.
     *
     * @return never null; {@link VideoMotion#LOW} unless set
     */
    @Override
    public VideoMotion motion() {
        return motion;
    }

    /**
     * The speed tier: a path prefix on the proxy family; JourneyAPI refuses one before sending.
     *
     * @return the tier, or {@code null} for the client's default
     */
    @Override
    public SpeedTier speed() {
        return speed;
    }

    /**
     * An opaque string of yours, echoed back in {@link Task#state()}: {@code state} on the proxy family; JourneyAPI
     * refuses it before sending.
     *
     * @return at most 255 characters; {@code null} when not set
     */
    @Override
    public String state() {
        return state;
    }

    /**
     * A URL the server POSTs the task to at each change: {@code notifyHook} on the proxy family, {@code webhook_url}
     * on JourneyAPI.
     *
     * @return an absolute http(s) URL; {@code null} for the client's default, or none
     */
    @Override
    public String notifyHook() {
        return notifyHook;
    }

    /**
     * An extend of one clip with low motion and no prompt, at the client's default speed.
     *
     * @param taskId the finished video task
     * @param index  the clip, 1–4
     * @return the request
     * @throws IllegalArgumentException if {@code taskId} is blank or {@code index} is outside 1–4
     */
    public static VideoExtendRequest of(String taskId, int index) {
        return new VideoExtendRequest(taskId, index, null, null, null, null, null);
    }

    /**
     * A copy with a prompt.
     *
     * @param value the prompt, or {@code null}
     * @return the copy
     */
    public VideoExtendRequest withPrompt(String value) {
        return new VideoExtendRequest(taskId, index, value, motion, speed, state, notifyHook);
    }

    /**
     * A copy with a motion.
     *
     * @param value the motion; {@code null} means low
     * @return the copy
     */
    public VideoExtendRequest withMotion(VideoMotion value) {
        return new VideoExtendRequest(taskId, index, prompt, value, speed, state, notifyHook);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public VideoExtendRequest withSpeed(SpeedTier tier) {
        return new VideoExtendRequest(taskId, index, prompt, motion, tier, state, notifyHook);
    }

    /**
     * A copy with your own state string.
     *
     * @param value at most 255 characters, or {@code null}
     * @return the copy
     */
    public VideoExtendRequest withState(String value) {
        return new VideoExtendRequest(taskId, index, prompt, motion, speed, value, notifyHook);
    }

    /**
     * A copy with a callback URL.
     *
     * @param url the URL, or {@code null} for the client's default
     * @return the copy
     */
    public VideoExtendRequest withNotifyHook(String url) {
        return new VideoExtendRequest(taskId, index, prompt, motion, speed, state, url);
    }

    /**
     * A summary without the callback URL's query.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "VideoExtendRequest[taskId=" + taskId + ", index=" + index + ", prompt=" + prompt + ", motion="
                + motion + ", speed=" + (speed == null ? null : speed.id()) + ", state=" + state + ", notifyHook="
                + Redact.url(notifyHook) + "]";
    }
}
