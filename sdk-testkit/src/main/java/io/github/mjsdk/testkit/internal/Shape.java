package io.github.mjsdk.testkit.internal;

/** What a task's image is: a 2×2 grid, or one image of a grid at quadrant size or twice that. */
enum Shape {
    /** Four pictures in a 2×2 grid, with U1–U4, 🔄 and V1–V4 buttons. */
    GRID,
    /** One quadrant of a grid at its own size (U1–U4), with the single-image buttons. */
    UPSCALE,
    /** One quadrant at twice its size (Upscale Subtle/Creative), with the single-image buttons minus upscales. */
    UPSCALE_HD,
    /** Video clips animated from one picture ({@code /mj/video/{id}/{n}}); its image is the first frame. */
    VIDEO
}
