package io.github.mjsdk.model;

import java.util.Locale;

/**
 * The three speed tiers Midjourney sells (docs/protocols.md §f): Relax (queued, no Fast time), Fast (about a
 * minute per grid), Turbo (up to 4× faster than Fast at twice the GPU cost).
 *
 * <p>Path prefixes follow CometAPI and trueai-org/midjourney-proxy (docs/protocols.md §b.4, §c.3); a gateway may
 * fall back to another tier when the one asked for is unavailable.
 */
public enum Speed implements SpeedTier {
    /** Relax mode: prefix {@code /mj-relax}. */
    RELAX("/mj-relax"),
    /** Fast mode: prefix {@code /mj-fast}. */
    FAST("/mj-fast"),
    /** Turbo mode: prefix {@code /mj-turbo}. */
    TURBO("/mj-turbo");

    private final String pathPrefix;

    Speed(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    @Override
    public String pathPrefix() {
        return pathPrefix;
    }

    /**
     * Parses a tier name as users type it: {@code relax}, {@code fast}, {@code turbo}, any case.
     *
     * @param name the name
     * @return the speed
     * @throws IllegalArgumentException if {@code name} is null or not one of the three
     */
    public static Speed parse(String name) {
        if (name != null) {
            for (Speed speed : values()) {
                if (speed.name().equalsIgnoreCase(name.trim())) {
                    return speed;
                }
            }
        }
        throw new IllegalArgumentException("speed must be one of relax, fast, turbo; got: " + name);
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
