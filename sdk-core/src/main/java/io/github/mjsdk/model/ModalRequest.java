package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;

/**
 * The modal step: input for a task parked in status MODAL (docs/protocols.md §a.11, {@code /submit/modal}).
 *
 * <p>Construction throws {@link IllegalArgumentException} if {@code taskId} is blank, or {@code prompt} or {@code maskBase64} is blank but not null.
 *
 * @param taskId     the id of the MODAL task (the {@code result} of the action that answered code 21)
 * @param prompt     the prompt; {@code null} lets the server reuse the parent's prompt; Custom Zoom needs
 *                   {@code --zoom} with a value in (1, 2]
 * @param maskBase64 the Vary (Region) mask as a data URL (black background, white selection), or {@code null}
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
