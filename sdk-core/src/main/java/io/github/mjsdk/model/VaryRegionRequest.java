package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;

/**
 * Vary (Region): repaint an area of an upscaled image, optionally with a new prompt (docs/protocols.md §a.10,
 * §a.11; apimart §d "Inpaint"). The SDK clicks the parent's {@code MJ::Inpaint::…} button (apimart:
 * {@code /generations/inpaint}), and answers the modal step with the prompt and the mask.
 *
 * <p>Construction throws {@link IllegalArgumentException} if {@code taskId} is blank, {@code mask} is null, or
 * {@code prompt} is blank but not null.
 *
 * @param taskId the upscaled image's task; it must be SUCCESS and have the Vary (Region) button
 * @param mask   the area to repaint; its size must equal the parent image's
 * @param prompt the prompt for the repainted area, or {@code null} for the parent's prompt
 * @param speed  the speed tier, or {@code null} for the client's default
 */
public record VaryRegionRequest(String taskId, RegionMask mask, String prompt, SpeedTier speed) {

    /**
     * Validates the components, as the class description says.
     *
     * @param taskId see {@link #taskId()}
     * @param mask see {@link #mask()}
     * @param prompt see {@link #prompt()}
     * @param speed see {@link #speed()}
     */
    public VaryRegionRequest {
        Args.notBlank(taskId, "taskId");
        Args.notNull(mask, "mask");
        Args.optionalNotBlank(prompt, "prompt");
    }

    /**
     * A Vary (Region) with the parent's prompt at the client's default speed.
     *
     * @param taskId the upscaled image's task
     * @param mask   the area to repaint
     * @return the request
     * @throws IllegalArgumentException if {@code taskId} is blank or {@code mask} null
     */
    public static VaryRegionRequest of(String taskId, RegionMask mask) {
        return new VaryRegionRequest(taskId, mask, null, null);
    }

    /**
     * A copy with a prompt for the repainted area.
     *
     * @param value the prompt, or {@code null} for the parent's
     * @return the copy
     */
    public VaryRegionRequest withPrompt(String value) {
        return new VaryRegionRequest(taskId, mask, value, speed);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public VaryRegionRequest withSpeed(SpeedTier tier) {
        return new VaryRegionRequest(taskId, mask, prompt, tier);
    }
}
