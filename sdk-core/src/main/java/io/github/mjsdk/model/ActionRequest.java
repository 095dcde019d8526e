package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Redact;

/**
 * A click on any button of a finished task, by its {@code customId} (docs/protocols.md §a.3, §c.2
 * {@code /submit/action}). Take the customId from the latest {@link Task#buttons()} of the task you act on.
 *
 * <p>Construction throws {@link IllegalArgumentException} if {@code taskId} or {@code customId} is blank, {@code state} is over 255 characters, an optional text is blank but not null, or
 * {@code notifyHook} is not an absolute http(s) URL.
 *
 * @param taskId            the id of the task that owns the button
 * @param customId          the button's customId, exactly as the server sent it
 * @param speed             the speed tier, or {@code null} for the client's default
 * @param state             an opaque string of yours (at most 255 characters), or {@code null}
 * @param notifyHook        a callback URL, or {@code null} for the client's default
 * @param enableRemix       {@code true} to force the Remix (modal) path where the server supports it, or
 *                          {@code null} to leave it out
 * @param chooseSameChannel {@code true} to prefer the account that ran the parent (CometAPI), or {@code null}
 * @param modalPrompt       the prompt for the modal step when the action stops in MODAL (required for Custom Zoom,
 *                          with {@code --zoom}; for Vary (Region)), or {@code null} to confirm with the parent's prompt
 * @param maskBase64        the mask for Vary (Region) as a data URL (black background, white selection), or
 *                          {@code null}
 */
public record ActionRequest(String taskId, String customId, SpeedTier speed, String state, String notifyHook,
                            Boolean enableRemix, Boolean chooseSameChannel, String modalPrompt, String maskBase64) {

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param taskId see {@link #taskId()}
     * @param customId see {@link #customId()}
     * @param speed see {@link #speed()}
     * @param state see {@link #state()}
     * @param notifyHook see {@link #notifyHook()}
     * @param enableRemix see {@link #enableRemix()}
     * @param chooseSameChannel see {@link #chooseSameChannel()}
     * @param modalPrompt see {@link #modalPrompt()}
     * @param maskBase64 see {@link #maskBase64()}
     */
    public ActionRequest {
        Args.notBlank(taskId, "taskId");
        Args.notBlank(customId, "customId");
        Args.maxLength(state, 255, "state");
        Args.optionalHttpUrl(notifyHook, "notifyHook");
        Args.optionalNotBlank(modalPrompt, "modalPrompt");
        Args.optionalNotBlank(maskBase64, "maskBase64");
    }

    /**
     * A click on a button.
     *
     * @param taskId   the id of the task that owns the button
     * @param customId the button's customId
     * @return the request
     * @throws IllegalArgumentException if either is null or blank
     */
    public static ActionRequest of(String taskId, String customId) {
        return new ActionRequest(taskId, customId, null, null, null, null, null, null, null);
    }

    /**
     * A click on a button of a task.
     *
     * @param task   the task that owns the button
     * @param button one of {@code task.buttons()}
     * @return the request
     * @throws IllegalArgumentException if either is null
     */
    public static ActionRequest of(Task task, Button button) {
        Args.notNull(task, "task");
        Args.notNull(button, "button");
        return of(task.id(), button.customId());
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public ActionRequest withSpeed(SpeedTier tier) {
        return new ActionRequest(taskId, customId, tier, state, notifyHook, enableRemix, chooseSameChannel,
                modalPrompt, maskBase64);
    }

    /**
     * A copy with your own state string.
     *
     * @param value at most 255 characters, or {@code null}
     * @return the copy
     */
    public ActionRequest withState(String value) {
        return new ActionRequest(taskId, customId, speed, value, notifyHook, enableRemix, chooseSameChannel,
                modalPrompt, maskBase64);
    }

    /**
     * A copy with a callback URL.
     *
     * @param url the URL, or {@code null} for the client's default
     * @return the copy
     */
    public ActionRequest withNotifyHook(String url) {
        return new ActionRequest(taskId, customId, speed, state, url, enableRemix, chooseSameChannel,
                modalPrompt, maskBase64);
    }

    /**
     * A copy that forces (or not) the Remix path.
     *
     * @param remix {@code true} to force Remix, {@code null} to leave the field out
     * @return the copy
     */
    public ActionRequest withEnableRemix(Boolean remix) {
        return new ActionRequest(taskId, customId, speed, state, notifyHook, remix, chooseSameChannel,
                modalPrompt, maskBase64);
    }

    /**
     * A copy that prefers (or not) the parent's account.
     *
     * @param sameChannel {@code true} to prefer it, {@code null} to leave the field out
     * @return the copy
     */
    public ActionRequest withChooseSameChannel(Boolean sameChannel) {
        return new ActionRequest(taskId, customId, speed, state, notifyHook, enableRemix, sameChannel,
                modalPrompt, maskBase64);
    }

    /**
     * A copy with the input for a modal step.
     *
     * @param prompt the prompt for {@code /submit/modal}, or {@code null}
     * @param mask   the mask data URL for Vary (Region), or {@code null}
     * @return the copy
     */
    public ActionRequest withModalInput(String prompt, String mask) {
        return new ActionRequest(taskId, customId, speed, state, notifyHook, enableRemix, chooseSameChannel,
                prompt, mask);
    }

    /**
     * A summary without the mask data and without the callback URL's query.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "ActionRequest[taskId=" + taskId + ", customId=" + customId + ", speed="
                + (speed == null ? null : speed.id()) + ", state=" + state + ", notifyHook="
                + Redact.url(notifyHook) + ", enableRemix=" + enableRemix + ", chooseSameChannel=" + chooseSameChannel
                + ", modalPrompt=" + modalPrompt + ", mask=" + (maskBase64 != null) + "]";
    }
}
