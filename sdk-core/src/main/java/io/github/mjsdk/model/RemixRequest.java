package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;

/**
 * Remix: a follow-up with a new prompt (docs/protocols.md §h.2.11). On the proxy family the SDK clicks the parent's
 * button with {@code enableRemix: true}, and answers the modal step the new task stops in with {@code prompt}; on
 * JourneyAPI only a reroll can be remixed ({@code POST /reroll {parent_task_id, prompt}}); apimart documents no
 * remix.
 *
 * <p>Build one with {@link #reroll}, {@link #variation}, {@link #vary} or {@link #pan}. Construction throws
 * {@link IllegalArgumentException} naming the parameter if {@code taskId} or {@code prompt} is blank,
 * {@code target} is null, {@code index} is not 1–4 for {@link Target#VARIATION} (0 otherwise), or
 * {@code direction} is null for {@link Target#PAN} (non-null otherwise).
 *
 * @param taskId    the parent task: a grid for a reroll or a variation, an upscaled image for Vary Strong / Subtle
 *                  and a pan; not blank
 * @param target    which follow-up is remixed; not null
 * @param index     the grid position 1 (top left) to 4 (bottom right) for {@link Target#VARIATION}, else 0
 * @param direction the pan's direction for {@link Target#PAN}, else null
 * @param prompt    the new prompt, Midjourney flags included; not blank
 * @param speed     the speed tier, or {@code null} for the client's default
 */
public record RemixRequest(String taskId, Target target, int index, PanDirection direction, String prompt,
                           SpeedTier speed) {

    /** The follow-up a remix changes the prompt of. */
    public enum Target {
        /** 🔄 on a grid. */
        REROLL,
        /** V1–V4 on a grid. */
        VARIATION,
        /** Vary (Strong) on an upscaled image. */
        VARY_STRONG,
        /** Vary (Subtle) on an upscaled image. */
        VARY_SUBTLE,
        /** A pan on an upscaled image. */
        PAN
    }

    /**
     * Validates the components, as the class description says.
     *
     * @param taskId    see {@link #taskId()}
     * @param target    see {@link #target()}
     * @param index     see {@link #index()}
     * @param direction see {@link #direction()}
     * @param prompt    see {@link #prompt()}
     * @param speed     see {@link #speed()}
     */
    public RemixRequest {
        Args.notBlank(taskId, "taskId");
        Args.notNull(target, "target");
        Args.notBlank(prompt, "prompt");
        if (target == Target.VARIATION) {
            Args.gridIndex(index, "index");
        } else if (index != 0) {
            throw new IllegalArgumentException("index: only a VARIATION remix takes a grid position, got " + index
                    + " for " + target);
        }
        if ((target == Target.PAN) != (direction != null)) {
            throw new IllegalArgumentException("direction: a PAN remix needs one and no other takes one (target "
                    + target + ", direction " + direction + ")");
        }
    }

    /**
     * A remixed reroll: a new grid from the parent grid with another prompt.
     *
     * @param taskId the grid's task
     * @param prompt the new prompt
     * @return the request, at the client's default speed
     * @throws IllegalArgumentException if {@code taskId} or {@code prompt} is blank
     */
    public static RemixRequest reroll(String taskId, String prompt) {
        return new RemixRequest(taskId, Target.REROLL, 0, null, prompt, null);
    }

    /**
     * A remixed variation (V1–V4) of one image of a grid.
     *
     * @param taskId the grid's task
     * @param index  the grid position, 1 (top left) to 4 (bottom right)
     * @param prompt the new prompt
     * @return the request, at the client's default speed
     * @throws IllegalArgumentException if {@code taskId} or {@code prompt} is blank, or {@code index} is not 1–4
     */
    public static RemixRequest variation(String taskId, int index, String prompt) {
        return new RemixRequest(taskId, Target.VARIATION, index, null, prompt, null);
    }

    /**
     * A remixed Vary (Strong) or Vary (Subtle) of an upscaled image.
     *
     * @param taskId the upscaled image's task
     * @param mode   {@link VariantMode#VARY_STRONG} or {@link VariantMode#VARY_SUBTLE}
     * @param prompt the new prompt
     * @return the request, at the client's default speed
     * @throws IllegalArgumentException if {@code taskId} or {@code prompt} is blank, or {@code mode} is null or an
     *                                  upscale mode
     */
    public static RemixRequest vary(String taskId, VariantMode mode, String prompt) {
        Args.notNull(mode, "mode");
        Target target = switch (mode) {
            case VARY_STRONG -> Target.VARY_STRONG;
            case VARY_SUBTLE -> Target.VARY_SUBTLE;
            default -> throw new IllegalArgumentException("mode: only VARY_STRONG or VARY_SUBTLE can be remixed, got "
                    + mode);
        };
        return new RemixRequest(taskId, target, 0, null, prompt, null);
    }

    /**
     * A remixed pan of an upscaled image.
     *
     * @param taskId    the upscaled image's task
     * @param direction the direction
     * @param prompt    the new prompt
     * @return the request, at the client's default speed
     * @throws IllegalArgumentException if {@code taskId} or {@code prompt} is blank, or {@code direction} is null
     */
    public static RemixRequest pan(String taskId, PanDirection direction, String prompt) {
        Args.notNull(direction, "direction");
        return new RemixRequest(taskId, Target.PAN, 0, direction, prompt, null);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public RemixRequest withSpeed(SpeedTier tier) {
        return new RemixRequest(taskId, target, index, direction, prompt, tier);
    }

    /**
     * The follow-up's name for messages.
     *
     * @return e.g. {@code "remix of V2"}, {@code "remix of Pan left"}, {@code "remix of a reroll"}
     */
    public String label() {
        return "remix of " + switch (target) {
            case REROLL -> "a reroll";
            case VARIATION -> "V" + index;
            case VARY_STRONG -> "Vary (Strong)";
            case VARY_SUBTLE -> "Vary (Subtle)";
            case PAN -> "Pan " + direction.wire();
        };
    }
}
