package io.github.mjsdk.model;

/**
 * What kind of job a task is (docs/protocols.md §a.7, §b.2). A reroll task usually carries its parent's action
 * (IMAGINE, VARIATION …) rather than {@code REROLL} (docs/protocols.md §g.12): do not key logic on it.
 */
public enum TaskAction {
    /** {@code /imagine}: a new 2×2 grid from a prompt. */
    IMAGINE,
    /** U1–U4: one image of a grid at full size. */
    UPSCALE,
    /** V1–V4 and Vary (Subtle/Strong/Region). */
    VARIATION,
    /** 🔄 on the open-source proxy; newer servers report the parent's action. */
    REROLL,
    /** {@code /describe}: four prompts from an image. */
    DESCRIBE,
    /** {@code /blend}: one grid from 2–5 images. */
    BLEND,
    /** Zoom Out and Custom Zoom. */
    ZOOM,
    /** Pan left, right, up or down. */
    PAN,
    /** {@code /shorten}: prompt analysis. */
    SHORTEN,
    /** Face swap. */
    SWAP_FACE,
    /** Face swap on a video. */
    SWAP_VIDEO_FACE,
    /** Upscale Subtle/Creative and 2×/4× upscalers. */
    UPSCALE_HD,
    /**
     * A video from an image, and a video extend (docs/protocols.md §h.2.7): the proxy family's {@code VIDEO},
     * JourneyAPI's {@code imagine-video} and {@code imagine-video-extend}. Its clips are {@link Task#videoUrls()}.
     */
    VIDEO,
    /** Image editor. */
    EDIT,
    /** Retexture. */
    RETEXTURE,
    /** Vary (Region), on gateways that name it. */
    INPAINT,
    /** Custom Zoom, on gateways that name it. */
    CUSTOM_ZOOM,
    /** Vary (Strong), on gateways that name it. */
    HIGH_VARIATION,
    /** Vary (Subtle), on gateways that name it. */
    LOW_VARIATION,
    /** A generic button action. */
    ACTION,
    /** An action this SDK does not know; the raw string is kept in {@link Task#rawAction()}. */
    UNKNOWN;

    /**
     * Reads an action string, ignoring case and surrounding blanks.
     *
     * @param raw the wire value, e.g. {@code "IMAGINE"}; may be {@code null}
     * @return the action, or {@link #UNKNOWN} for {@code null}, blank or unknown values
     */
    public static TaskAction fromWire(String raw) {
        return WireEnums.parse(TaskAction.class, raw, UNKNOWN);
    }
}
