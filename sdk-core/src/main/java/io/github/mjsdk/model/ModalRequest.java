package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;

/**
 * The modal step: input for a task parked in status MODAL (docs/protocols.md §a.11, {@code /submit/modal}).
 *
 * <p>Construction throws {@link IllegalArgumentException} if {@code taskId} is blank, or {@code prompt} or {@code maskBase64} is blank but not null.
 *
 * @param taskId     the id of the MODAL task; not blank
 * @param prompt     the prompt, or {@code null} to let the server reuse the parent's
 * @param maskBase64 the Vary (Region) mask as a data URL, or {@code null}
 * @param speed      the speed tier, or {@code null} for the client's default
 */
public record ModalRequest(String taskId, String prompt, String maskBase64, SpeedTier speed) {

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param taskId see {@link #taskId()}
     * @param prompt see {@link #prompt()}
     * @param maskBase64 see {@link #maskBase64()}
     * @param speed see {@link #speed()}
     */
    public ModalRequest {
        Args.notBlank(taskId, "taskId");
        Args.optionalNotBlank(prompt, "prompt");
        Args.optionalNotBlank(maskBase64, "maskBase64");
    }

    /**
     * The id of the task waiting in status MODAL (docs/protocols.md §a.11, §g.13): the {@code result} of the action
     * that answered code 21 ({@link SubmitResult#taskId()}), not the parent's id. On trueai and apimart that same id
     * then runs to the end.
     *
     * @return a task id as {@link Task#id()} gives it: 16 digits such as {@code "1712345678901123"} on midjourney-proxy
     *         servers, {@code task_…} on apimart, a UUID on JourneyAPI; never null or blank
     */
    @Override
    public String taskId() {
        return taskId;
    }

    /**
     * The prompt for the modal step (docs/protocols.md §a.11, §g.13). Custom Zoom needs {@code --zoom} with a value in
     * (1, 2]; Vary (Region) takes the prompt for the repainted area.
     *
     * @return e.g. {@code "a red fox in fresh snow --zoom 1.5"}; {@code null} to let the server reuse the parent's
     *         prompt (trueai answers code 4 when the parent has none); never blank
     */
    @Override
    public String prompt() {
        return prompt;
    }

    /**
     * The Vary (Region) mask (docs/protocols.md §a.11, §g.13): a PNG of the parent image's size, selection white. The
     * proxy family sends it as {@code maskBase64} and wants a black background; apimart sends it as {@code mask_url}
     * and wants a transparent one. {@link RegionMask} draws either.
     *
     * @return a data URL such as {@code "data:image/png;base64,iVBOR…"}; {@code null} when the step needs no mask;
     *         never blank
     */
    @Override
    public String maskBase64() {
        return maskBase64;
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
     * A modal confirmation with a prompt.
     *
     * @param taskId the MODAL task's id
     * @param prompt the prompt, or {@code null} to let the server reuse the parent's
     * @return the request
     * @throws IllegalArgumentException if {@code taskId} is null or blank
     */
    public static ModalRequest of(String taskId, String prompt) {
        return new ModalRequest(taskId, prompt, null, null);
    }

    /**
     * A copy with a mask.
     *
     * @param mask the data URL, or {@code null}
     * @return the copy
     */
    public ModalRequest withMaskBase64(String mask) {
        return new ModalRequest(taskId, prompt, mask, speed);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public ModalRequest withSpeed(SpeedTier tier) {
        return new ModalRequest(taskId, prompt, maskBase64, tier);
    }

    /**
     * A summary without the mask data.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "ModalRequest[taskId=" + taskId + ", prompt=" + prompt + ", mask=" + (maskBase64 != null)
                + ", speed=" + (speed == null ? null : speed.id()) + "]";
    }
}
