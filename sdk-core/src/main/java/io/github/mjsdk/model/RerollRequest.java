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
 * @param taskId     the parent task id; the parent must be SUCCESS and a grid (imagine, reroll, variation, blend)
 * @param speed      the speed tier, or {@code null} for the client's default
 * @param prompt     a new prompt to use instead of the parent's (sent through Remix and the modal step), or
 *                   {@code null} to reuse the parent's
 * @param state      an opaque string of yours (at most 255 characters), echoed in {@link Task#state()}, or
 *                   {@code null}
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
