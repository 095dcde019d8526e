package io.github.mjsdk.model;

import java.util.Locale;

/**
 * The direction of a pan (docs/protocols.md §a.10: buttons {@code MJ::JOB::pan_<direction>::1::<hash>::SOLO}).
 */
public enum PanDirection {
    /** ⬅️. */
    LEFT,
    /** ➡️. */
    RIGHT,
    /** ⬆️. */
    UP,
    /** ⬇️. */
    DOWN;

    /**
     * The wire word.
     *
     * @return {@code left}, {@code right}, {@code up} or {@code down}
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
