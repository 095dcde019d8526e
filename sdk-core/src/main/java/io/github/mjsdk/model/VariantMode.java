package io.github.mjsdk.model;

/**
 * The two flavours of the Upscale and Vary buttons under an upscaled image (docs/protocols.md §a.10):
 * Upscale (Subtle) / (Creative) ({@code upsample_*_2x_subtle|creative}) and Vary (Subtle) / (Strong)
 * ({@code low_variation}, {@code high_variation}).
 */
public enum VariantMode {
    /** Upscale (Subtle): a 2× upscale that keeps the image. */
    UPSCALE_SUBTLE,
    /** Upscale (Creative): a 2× upscale that adds detail. */
    UPSCALE_CREATIVE,
    /** Vary (Subtle): a new grid close to the image. */
    VARY_SUBTLE,
    /** Vary (Strong): a new grid further from the image. */
    VARY_STRONG;

    /**
     * Whether this is one of the upscales.
     *
     * @return true for {@link #UPSCALE_SUBTLE} and {@link #UPSCALE_CREATIVE}
     */
    public boolean upscale() {
        return this == UPSCALE_SUBTLE || this == UPSCALE_CREATIVE;
    }
}
