package io.github.mjsdk.model;

/**
 * The aspect ratio of a blend's grid (docs/protocols.md §a.4, §h.2.2). The proxy family sends the constant's name
 * as {@code dimensions}, apimart too, and JourneyAPI the lower-case name as {@code dimension}.
 */
public enum BlendDimensions {
    /** 2:3. */
    PORTRAIT,
    /** 1:1, every provider's default. */
    SQUARE,
    /** 3:2. */
    LANDSCAPE
}
