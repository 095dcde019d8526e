package io.github.mjsdk.testkit.internal;

/**
 * What clicking a button does (docs/protocols.md §a.10, §a.11, §b.5): the shape and action of the task it creates
 * and when it stops in MODAL.
 */
enum ActionKind {
    /** U1–U4 on a grid. */
    UPSCALE(Shape.UPSCALE, "UPSCALE", false, false),
    /** V1–V4 on a grid. */
    VARIATION(Shape.GRID, "VARIATION", true, false),
    /** 🔄: a new grid with the parent's action (§b.5). */
    REROLL(Shape.GRID, null, true, false),
    /** Vary (Subtle) and Vary (Strong) on a single image. */
    VARY(Shape.GRID, "VARIATION", true, false),
    /** Vary (Region): always a modal with a mask. */
    VARY_REGION(Shape.GRID, "VARIATION", false, true),
    /** Zoom Out 2x / 1.5x. */
    ZOOM_OUT(Shape.GRID, "ZOOM", false, false),
    /** Custom Zoom: always a modal whose prompt carries {@code --zoom}. */
    CUSTOM_ZOOM(Shape.GRID, "ZOOM", false, true),
    /** ⬅️ ➡️ ⬆️ ⬇️. */
    PAN(Shape.GRID, "PAN", true, false),
    /** Upscale (Subtle) / (Creative) on a single image. */
    UPSCALE_HD(Shape.UPSCALE_HD, "UPSCALE_HD", false, false);

    final Shape shape;
    final String action;
    final boolean remixable;
    final boolean alwaysModal;

    ActionKind(Shape shape, String action, boolean remixable, boolean alwaysModal) {
        this.shape = shape;
        this.action = action;
        this.remixable = remixable;
        this.alwaysModal = alwaysModal;
    }

    /** The action of the task this creates from {@code parent} (a reroll repeats the parent's, §b.5). */
    String actionFrom(SimTask parent) {
        if (action != null) {
            return action;
        }
        return parent.shape == Shape.GRID && !parent.action.equals("REROLL") ? parent.action : "IMAGINE";
    }
}
