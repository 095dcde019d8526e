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
 * @param taskId the upscaled image's task; not blank
 * @param mask   the area to repaint; not null
 * @param prompt the prompt for the repainted area, or {@code null} for the parent's prompt
 * @param speed  the speed tier, or {@code null} for the client's default
 * @param checkSize whether the client downloads the parent's image and compares its size with the mask's before
 *                  sending (the default); see {@link #withoutSizeCheck()}
 */
public record VaryRegionRequest(String taskId, RegionMask mask, String prompt, SpeedTier speed, boolean checkSize) {

    /**
     * Validates the components, as the class description says.
     *
     * @param taskId see {@link #taskId()}
     * @param mask see {@link #mask()}
     * @param prompt see {@link #prompt()}
     * @param speed see {@link #speed()}
     * @param checkSize see {@link #checkSize()}
     */
    public VaryRegionRequest {
        Args.notBlank(taskId, "taskId");
        Args.notNull(mask, "mask");
        Args.optionalNotBlank(prompt, "prompt");
    }

    /**
     * A request whose mask size is checked before sending.
     *
     * @param taskId see {@link #taskId()}
     * @param mask   see {@link #mask()}
     * @param prompt see {@link #prompt()}
     * @param speed  see {@link #speed()}
     * @throws IllegalArgumentException as the canonical constructor
     */
    public VaryRegionRequest(String taskId, RegionMask mask, String prompt, SpeedTier speed) {
        this(taskId, mask, prompt, speed, true);
    }

    /**
     * The task of the upscaled image to repaint (docs/protocols.md §a.10, §a.11, §d): it must be SUCCESS and have
     * the Vary (Region) button ({@code MJ::Inpaint::…}); on apimart it is the parent of {@code /generations/inpaint}.
     *
     * @return a task id as {@link Task#id()} gives it: 16 digits such as {@code "1712345678901123"} on
     *         midjourney-proxy servers, {@code task_…} on apimart, a UUID on JourneyAPI; never null or blank
     */
    @Override
    public String taskId() {
        return taskId;
    }

    /**
     * The area to repaint (docs/protocols.md §a.11, §g.13). Its size must equal the parent image's; the client
     * checks that before sending (unless {@link #checkSize()} is false), and draws the PNG each provider wants.
     *
     * @return the mask; never null
     */
    @Override
    public RegionMask mask() {
        return mask;
    }

    /**
     * The prompt for the repainted area, sent with the modal step (docs/protocols.md §a.11, §g.13).
     *
     * @return e.g. {@code "a red scarf"}; {@code null} (the default) for the parent's prompt; never blank
     */
    @Override
    public String prompt() {
        return prompt;
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
        return new VaryRegionRequest(taskId, mask, value, speed, checkSize);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public VaryRegionRequest withSpeed(SpeedTier tier) {
        return new VaryRegionRequest(taskId, mask, prompt, tier, checkSize);
    }

    /**
     * A copy sent without the size check: the client then neither downloads the parent's image nor compares sizes,
     * and a mask of the wrong size is the server's to refuse (or to stretch). Use it when the image cannot be
     * decoded here (a WebP image without a WebP ImageIO plugin: the check then fails with
     * {@link io.github.mjsdk.image.ImageDecodeException}) and you know the mask's size is right.
     *
     * @return the copy
     */
    public VaryRegionRequest withoutSizeCheck() {
        return new VaryRegionRequest(taskId, mask, prompt, speed, false);
    }
}
