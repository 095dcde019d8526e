package io.github.mjsdk.provider;

/**
 * A Midjourney operation the SDK has a typed call for. Which protocol can express which is data on {@link Protocol}
 * ({@link Protocol#supports(MidjourneyOperation)}), and which a provider offers is data on {@link Provider}
 * ({@link Provider#supports(MidjourneyOperation)}); the client refuses an operation its provider lacks
 * before sending anything, and the README's operations × providers table is generated from the same data
 * (docs/protocols.md §h.1.1 has the provider-by-provider matrix with its sources).
 */
public enum MidjourneyOperation {
    /** Text (and image prompts) to a 2×2 grid: {@code imagine(..)}. */
    IMAGINE("imagine"),
    /** 🔄 on a grid: {@code reroll(..)}. */
    REROLL("reroll"),
    /** U1–U4 on a grid: {@code upscale(..)}. */
    UPSCALE("upscale U1–U4"),
    /** V1–V4 on a grid: {@code vary(..)}. */
    VARY("vary V1–V4"),
    /** Any button by its customId, with the modal step: {@code action(..)}, {@code submitModal(..)}. */
    BUTTON("any button by customId"),
    /** Image to four suggested prompts: {@code describe(..)} (docs/protocols.md §h.2.1). */
    DESCRIBE("describe"),
    /** Two to five images blended into a grid: {@code blend(..)} (docs/protocols.md §h.2.2). */
    BLEND("blend"),
    /** Upscale (Subtle) / (Creative) on an upscaled image: {@code upscaleVariant(..)} (docs/protocols.md §h.1.1). */
    UPSCALE_SUBTLE_CREATIVE("upscale subtle / creative"),
    /**
     * Upscale 2× / 4× of an upscaled image: {@code variant(..)} with {@code UPSCALE_2X} or {@code UPSCALE_4X}
     * (docs/protocols.md §h.2.9; JourneyAPI's {@code /upscale-2x-4x}).
     */
    UPSCALE_2X_4X("upscale 2× / 4×"),
    /** Vary (Subtle) / (Strong) on an upscaled image: {@code varyVariant(..)} (docs/protocols.md §h.1.1). */
    VARY_SUBTLE_STRONG("vary subtle / strong"),
    /** Pan ⬅ ➡ ⬆ ⬇ on an upscaled image: {@code pan(..)} (docs/protocols.md §h.1.1, §h.2.9). */
    PAN("pan"),
    /** Zoom Out 1.5× / 2× on an upscaled image: {@code zoomOut(..)} (docs/protocols.md §h.1.1, §h.2.9). */
    ZOOM_OUT("zoom out 1.5× / 2×"),
    /** Custom Zoom, a ratio in (1, 2] through the modal step: {@code zoomOut(..)} (docs/protocols.md §a.10). */
    CUSTOM_ZOOM("custom zoom (1, 2]"),
    /** Vary (Region) with a mask and an optional prompt, through the modal step: {@code varyRegion(..)}. */
    VARY_REGION("vary region (mask)"),
    /** The seed of a finished image task: {@code imageSeed(..)} (docs/protocols.md §h.2.4; PLUS and trueai). */
    IMAGE_SEED("image seed"),
    /** Cancel a waiting or running task on the server: {@code cancel(..)} (docs/protocols.md §h.2.6; trueai). */
    CANCEL("cancel"),
    /** Prompt analysis, five shorter prompts: {@code shorten(..)} (docs/protocols.md §h.2.3; PLUS and trueai). */
    SHORTEN("shorten"),
    /**
     * An image (or, on apimart, a grid's picture) animated into short clips: {@code video(..)} (docs/protocols.md
     * §h.2.7; CometAPI and trueai, apimart, JourneyAPI; not the open-source novicezk proxy).
     */
    VIDEO("video from an image"),
    /** One clip of a finished video continued: {@code extendVideo(..)} (docs/protocols.md §h.2.7). */
    VIDEO_EXTEND("video extend"),
    /** The account's balance: {@code balance()} (docs/protocols.md §h.2.10; CometAPI, apimart, JourneyAPI). */
    BALANCE("account balance"),
    /**
     * A new prompt on a reroll, a variation (V1–V4, Vary Strong / Subtle) or a pan, through the modal step:
     * {@code remix(..)} (docs/protocols.md §h.2.11; JourneyAPI: reroll only).
     */
    REMIX("remix (new prompt)"),
    /** The image editor, an image and a prompt to a grid: {@code edit(..)} (docs/protocols.md §h.2.8). */
    EDIT("edits"),
    /** Retexture, an image and a prompt to a grid: {@code edit(..)} (docs/protocols.md §h.2.8; trueai). */
    RETEXTURE("retexture"),
    /**
     * Images uploaded to the server's Discord channel, their URLs back: {@code uploadImages(..)}
     * (docs/protocols.md §h.2.5; trueai).
     */
    UPLOAD_IMAGES("upload images");

    private final String label;

    MidjourneyOperation(String label) {
        this.label = label;
    }

    /**
     * The operation's name for people: in error messages and the README's table.
     *
     * @return e.g. {@code "describe"}, never null
     */
    public String label() {
        return label;
    }
}
