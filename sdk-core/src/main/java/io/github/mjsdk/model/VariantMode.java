package io.github.mjsdk.model;

/**
 * The two flavours of the Upscale and Vary buttons under an upscaled image (docs/protocols.md §a.10):
 * Upscale (Subtle) / (Creative) ({@code upsample_*_2x_subtle|creative}) and Vary (Subtle) / (Strong)
 * ({@code low_variation}, {@code high_variation}); and JourneyAPI's 2× / 4× upscales of an upscale-1x image
 * ({@code POST /upscale-2x-4x}, docs/protocols.md §h.2.9).
 */
public enum VariantMode {
    /** Upscale (Subtle): a 2× upscale that keeps the image. */
    UPSCALE_SUBTLE,
    /** Upscale (Creative): a 2× upscale that adds detail. */
    UPSCALE_CREATIVE,
    /** Vary (Subtle): a new grid close to the image. */
    VARY_SUBTLE,
    /** Vary (Strong): a new grid further from the image. */
    VARY_STRONG,
    /** Upscale 2×: twice the size, the image kept (JourneyAPI's {@code /upscale-2x-4x {type: "2x"}}). */
    UPSCALE_2X,
    /** Upscale 4×: four times the size, the image kept (JourneyAPI's {@code /upscale-2x-4x {type: "4x"}}). */
    UPSCALE_4X;

    /**
     * Whether this is one of the upscales.
     *
     * @return true for {@link #UPSCALE_SUBTLE}, {@link #UPSCALE_CREATIVE}, {@link #UPSCALE_2X} and
     *     {@link #UPSCALE_4X}
     */
    public boolean upscale() {
        return this != VARY_SUBTLE && this != VARY_STRONG;
    }
}
