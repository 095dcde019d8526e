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
 * @param taskId            the id of the task that owns the button; not blank
 * @param customId          the button's customId, exactly as the server sent it; not blank
 * @param speed             the speed tier, or {@code null} for the client's default
 * @param state             an opaque string of yours, or {@code null}
 * @param notifyHook        a callback URL, or {@code null} for the client's default
 * @param enableRemix       {@code true} to force the Remix (modal) path, or {@code null} to leave it out
 * @param chooseSameChannel {@code true} to prefer the parent's account (CometAPI), or {@code null}
 * @param modalPrompt       the prompt for the modal step, or {@code null} for the parent's prompt
 * @param maskBase64        the Vary (Region) mask as a data URL, or {@code null}
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
     * The id of the task that owns the button (docs/protocols.md §a.10, §g.10), sent as {@code taskId}. customIds
     * belong to one task, so this must be the task whose latest fetch gave {@link #customId()}.
     *
     * @return a task id as {@link Task#id()} gives it: 16 digits such as {@code "1712345678901123"} on
     *         midjourney-proxy servers, {@code task_…} on apimart, a UUID on JourneyAPI; never null or blank
     */
    @Override
    public String taskId() {
        return taskId;
    }

    /**
     * The customId of the button to click (docs/protocols.md §a.9, §a.10), exactly as the server sent it in
     * {@link Button#customId()}; customIds change, so take it from the latest fetch of {@link #taskId()}.
     *
     * @return e.g. {@code "MJ::JOB::upsample::1::85a4b4c1-8835-46c5-a15c-aea34fad1862"}; never null or blank
     */
    @Override
    public String customId() {
        return customId;
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
     * Whether to force the Remix (modal) path (docs/protocols.md §a.11, §b.1, §c.2, {@code enableRemix}), so that a
     * variation, reroll or pan stops in MODAL and takes {@link #modalPrompt()} even when the account's Remix mode would
     * not force it. Sent only by the proxy family, and only where the server supports it.
     *
     * @return {@code true} or {@code false} to send the field; {@code null} (the default) to leave it out
     */
    @Override
    public Boolean enableRemix() {
        return enableRemix;
    }

    /**
     * Whether to prefer the Discord account that ran the parent task (docs/protocols.md §c.2,
     * {@code chooseSameChannel}; CometAPI's action body). Sent only by the proxy family.
     *
     * @return {@code true} or {@code false} to send the field; {@code null} (the default) to leave it out
     */
    @Override
    public Boolean chooseSameChannel() {
        return chooseSameChannel;
    }

    /**
     * The prompt for the modal step, sent with {@code /submit/modal} when the action stops in MODAL (docs/protocols.md
     * §a.11, §g.13). Required for Custom Zoom (with {@code --zoom} between 1 and 2) and for Vary (Region); a button
     * that always needs the modal step fails with {@code ModalRequiredException} when it is {@code null}.
     *
     * @return e.g. {@code "a red fox in fresh snow --zoom 1.5"}; {@code null} (the default) to confirm with the
     *         parent's prompt; never blank
     */
    @Override
    public String modalPrompt() {
        return modalPrompt;
    }

    /**
     * The mask for Vary (Region), sent with {@code /submit/modal} as {@code maskBase64} (docs/protocols.md §a.4,
     * §a.11, §g.13): a PNG of the parent image's size with a black background and the selected area white.
     * {@link RegionMask} draws one.
     *
     * @return a data URL such as {@code "data:image/png;base64,iVBOR…"}; {@code null} (the default) for none; never
     *         blank
     */
    @Override
    public String maskBase64() {
        return maskBase64;
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
