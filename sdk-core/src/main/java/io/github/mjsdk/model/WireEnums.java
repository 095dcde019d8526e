package io.github.mjsdk.model;

import java.util.Locale;

/** Lenient reading of wire enum names: case and surrounding blanks ignored, anything unknown is a fallback. */
final class WireEnums {
    private WireEnums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String raw, E unknown) {
        if (raw == null || raw.isBlank()) {
            return unknown;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return unknown;
        }
    }
}
