package io.github.mjsdk.model;

import java.util.Locale;

/**
 * How much a video from an image moves (docs/protocols.md §h.2.7): every provider takes {@code motion} as
 * {@code "low"} or {@code "high"}. The SDK always sends it; the providers' own defaults differ (low on the proxy
 * family and JourneyAPI, high on apimart).
 */
public enum VideoMotion {
    /** Low motion: a mostly still scene, a slow camera; sent as {@code "low"}. */
    LOW,
    /** High motion: more movement of the subject and the camera; sent as {@code "high"}. */
    HIGH;

    /**
     * The value on the wire.
     *
     * @return {@code "low"} or {@code "high"}
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
