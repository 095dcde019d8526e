package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Redact;

/**
 * A reroll (🔄): a fresh 2×2 grid from a finished grid task's prompt (the seeds' mj-turbo-reroll / mj-fast-reroll
 * pages; docs/protocols.md §a.10). Build with {@link #of(String)} and the {@code with…} methods.
 *
 * <p>Construction throws {@link IllegalArgumentException} if {@code taskId} is blank, {@code prompt} is blank but not null, {@code notifyHook} is not an
 * absolute http(s) URL, or {@code state} is over 255 characters.
 *
 * @param taskId     the parent task id: a SUCCESS grid; not blank
 * @param speed      the speed tier, or {@code null} for the client's default
 * @param prompt     a new prompt instead of the parent's, or {@code null} to reuse the parent's
 * @param state      an opaque string of yours, or {@code null}
 * @param notifyHook a callback URL, or {@code null} for the client's default
 */
public record RerollRequest(String taskId, SpeedTier speed, String prompt, String state, String notifyHook) {

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param taskId see {@link #taskId()}
     * @param speed see {@link #speed()}
     * @param prompt see {@link #prompt()}
     * @param state see {@link #state()}
     * @param notifyHook see {@link #notifyHook()}
     */
    public RerollRequest {
        Args.notBlank(taskId, "taskId");
        Args.optionalNotBlank(prompt, "prompt");
        Args.maxLength(state, 255, "state");
        Args.optionalHttpUrl(notifyHook, "notifyHook");
    }

    /**
     * The parent task (docs/protocols.md §a.10, §g.11): it must be SUCCESS and a grid (imagine, reroll, variation,
     * blend). apimart rerolls only an imagine or reroll grid, JourneyAPI only a completed imagine.
     *
     * @return a task id as {@link Task#id()} gives it: 16 digits such as {@code "1712345678901123"} on
     *         midjourney-proxy servers, {@code task_…} on apimart, a UUID on JourneyAPI; never null or blank
     */
    @Override
    public String taskId() {
        return taskId;
    }

    /**
     * The speed tier (docs/protocols.md §b.4, §c.3, §g.21): on the proxy family a path prefix before {@code /mj}
     * (e.g. {@code /mj-turbo/mj/submit/…}), on apimart the {@code speed} field; JourneyAPI has no tiers and refuses one
     * before sending. Only a preference: servers may fall back to another speed.
     *
     * @return e.g. {@link Speed#FAST}, or a reseller's tier from {@link SpeedTier#of(String)}; {@code null} for the
     *         client's default speed (and, with none set there, the server's)
     */
    @Override
    public SpeedTier speed() {
        return speed;
    }

    /**
     * A new prompt to use instead of the parent's (docs/protocols.md §a.11, §h.1.1): on the proxy family it goes
     * through Remix and the modal step, on JourneyAPI as {@code /reroll}'s {@code prompt}; apimart rerolls with the
     * parent's prompt only and refuses one before sending.
     *
     * @return e.g. {@code "a grey fox in fresh snow --ar 3:2"}; {@code null} (the default) to reuse the parent's; never
     *         blank
     */
    @Override
    public String prompt() {
        return prompt;
    }

    /**
     * An opaque string of yours, echoed back unchanged in {@link Task#state()} (docs/protocols.md §a.4), e.g. an order
     * id for telling tasks and callbacks apart. The proxy family sends it as {@code state}, apimart as
     * {@code metadata.state}; JourneyAPI has no such field and refuses a request that sets it before sending.
     *
     * @return at most 255 characters, e.g. {@code "order-42"}; {@code null} when not set
     */
    @Override
    public String state() {
        return state;
    }

    /**
     * A URL the server POSTs the whole task JSON to at each change (docs/protocols.md §a.12, §g.18): unsigned,
     * never retried, possibly duplicated or out of order, so use it to trigger a fetch. Put your own secret in the URL
     * (or use JourneyAPI's {@code webhook_secret}). The proxy family sends it as {@code notifyHook}, JourneyAPI as
     * {@code webhook_url}; apimart has no callbacks and refuses one before sending.
     *
     * @return an absolute http(s) URL, e.g. {@code "https://example.com/mj-hook?token=…"}; {@code null} for the
     *         client's default ({@link io.github.mjsdk.MidjourneyClientBuilder#notifyHook(String)}), or none
     */
    @Override
    public String notifyHook() {
        return notifyHook;
    }

    /**
     * A reroll of a task at the client's default speed, reusing its prompt.
     *
     * @param taskId the parent task id
     * @return the request
     * @throws IllegalArgumentException if {@code taskId} is null or blank
     */
    public static RerollRequest of(String taskId) {
        return new RerollRequest(taskId, null, null, null, null);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public RerollRequest withSpeed(SpeedTier tier) {
        return new RerollRequest(taskId, tier, prompt, state, notifyHook);
    }

    /**
     * A copy with a prompt override.
     *
     * @param newPrompt the prompt to use instead of the parent's, or {@code null} to reuse the parent's
     * @return the copy
     */
    public RerollRequest withPrompt(String newPrompt) {
        return new RerollRequest(taskId, speed, newPrompt, state, notifyHook);
    }

    /**
     * A copy with your own state string.
     *
     * @param value at most 255 characters, or {@code null}
     * @return the copy
     */
    public RerollRequest withState(String value) {
        return new RerollRequest(taskId, speed, prompt, value, notifyHook);
    }

    /**
     * A copy with a callback URL.
     *
     * @param url the URL, or {@code null} for the client's default
     * @return the copy
     */
    public RerollRequest withNotifyHook(String url) {
        return new RerollRequest(taskId, speed, prompt, state, url);
    }

    /**
     * A summary without the callback URL's query (which may carry a secret).
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "RerollRequest[taskId=" + taskId + ", speed=" + (speed == null ? null : speed.id()) + ", prompt="
                + prompt + ", state=" + state + ", notifyHook=" + Redact.url(notifyHook) + "]";
    }
}
