package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Redact;
import java.util.List;

/**
 * A blend: 2 to 5 images into one 2×2 grid (docs/protocols.md §a.4, §h.2.2). Build with {@link #of(List)} and the
 * {@code with…} methods. apimart takes at most 4 images; that limit is checked when the call is made.
 *
 * <p>Construction throws {@link IllegalArgumentException} if {@code images} is null, holds a null, or has fewer than
 * {@link #MIN_IMAGES} or more than {@link #MAX_IMAGES} entries; if {@code state} is over 255 characters; or if
 * {@code notifyHook} is not an absolute http(s) URL.
 *
 * @param images     the images, 2 to 5, in order (copied)
 * @param dimensions the grid's aspect ratio; {@code null} means {@link BlendDimensions#SQUARE}
 * @param speed      the speed tier, or {@code null} for the client's default
 * @param state      an opaque string of yours (at most 255 characters), or {@code null}
 * @param notifyHook a callback URL, or {@code null} for the client's default
 */
public record BlendRequest(List<ImageInput> images, BlendDimensions dimensions, SpeedTier speed, String state,
                           String notifyHook) {
    /** The fewest images a blend takes. */
    public static final int MIN_IMAGES = 2;
    /** The most images a blend takes (the proxy family and JourneyAPI; apimart takes 4). */
    public static final int MAX_IMAGES = 5;

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param images see {@link #images()}
     * @param dimensions see {@link #dimensions()}
     * @param speed see {@link #speed()}
     * @param state see {@link #state()}
     * @param notifyHook see {@link #notifyHook()}
     */
    public BlendRequest {
        Args.notNull(images, "images");
        if (images.size() < MIN_IMAGES || images.size() > MAX_IMAGES) {
            throw new IllegalArgumentException("images: a blend takes " + MIN_IMAGES + " to " + MAX_IMAGES
                    + " images, got " + images.size());
        }
        for (int i = 0; i < images.size(); i++) {
            Args.notNull(images.get(i), "images[" + i + "]");
        }
        images = List.copyOf(images);
        dimensions = dimensions == null ? BlendDimensions.SQUARE : dimensions;
        Args.maxLength(state, 255, "state");
        Args.optionalHttpUrl(notifyHook, "notifyHook");
    }

    /**
     * A square blend at the client's default speed.
     *
     * @param images 2 to 5 images
     * @return the request
     * @throws IllegalArgumentException if the count is outside 2–5 or an entry is null
     */
    public static BlendRequest of(List<ImageInput> images) {
        return new BlendRequest(images, null, null, null, null);
    }

    /**
     * A copy with an aspect ratio.
     *
     * @param value the dimensions; {@code null} means square
     * @return the copy
     */
    public BlendRequest withDimensions(BlendDimensions value) {
        return new BlendRequest(images, value, speed, state, notifyHook);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public BlendRequest withSpeed(SpeedTier tier) {
        return new BlendRequest(images, dimensions, tier, state, notifyHook);
    }

    /**
     * A copy with your own state string.
     *
     * @param value at most 255 characters, or {@code null}
     * @return the copy
     */
    public BlendRequest withState(String value) {
        return new BlendRequest(images, dimensions, speed, value, notifyHook);
    }

    /**
     * A copy with a callback URL.
     *
     * @param url the URL, or {@code null} for the client's default
     * @return the copy
     */
    public BlendRequest withNotifyHook(String url) {
        return new BlendRequest(images, dimensions, speed, state, url);
    }

    /**
     * A summary without the image bytes or the callback URL's query.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "BlendRequest[images=" + images + ", dimensions=" + dimensions + ", speed="
                + (speed == null ? null : speed.id()) + ", state=" + state + ", notifyHook="
                + Redact.url(notifyHook) + "]";
    }
}
