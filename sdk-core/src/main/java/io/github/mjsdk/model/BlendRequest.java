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
 * @param images     the images, 2 to 5, in order; never null
 * @param dimensions the grid's aspect ratio; never null, {@link BlendDimensions#SQUARE} by default
 * @param speed      the speed tier, or {@code null} for the client's default
 * @param state      an opaque string of yours, or {@code null}
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
     * The images to blend, in order (docs/protocols.md §a.4, §h.2.2): the proxy family sends them as data URLs in
     * {@code base64Array}, apimart as {@code image_urls} (at most 4, 12 MiB each), JourneyAPI as {@code image_urls}
     * (public URLs only); a form or count the provider cannot take is refused before sending.
     *
     * @return an unmodifiable copy of {@link #MIN_IMAGES} to {@link #MAX_IMAGES} images, none null; never null
     */
    @Override
    public List<ImageInput> images() {
        return images;
    }

    /**
     * The aspect ratio of the blended grid (docs/protocols.md §a.4, §h.2.2): sent as {@code dimensions} with the
     * constant's name on the proxy family and apimart, and as {@code dimension} in lower case on JourneyAPI.
     *
     * @return {@link BlendDimensions#PORTRAIT} (2:3), {@link BlendDimensions#SQUARE} (1:1) or
     *         {@link BlendDimensions#LANDSCAPE} (3:2); never null: {@code null} given to the constructor becomes
     *         {@link BlendDimensions#SQUARE}
     */
    @Override
    public BlendDimensions dimensions() {
        return dimensions;
    }

    /**
     * The speed tier (docs/protocols.md §b.4, §c.3, §g.21): on the proxy family a path prefix before {@code /mj}
     * (e.g. {@code /mj-turbo/mj/submit/…}), on apimart the {@code speed} field; JourneyAPI has no tiers and refuses one
     * before sending. Only a preference: servers may fall back to another speed.
     *
     * @return e.g. {@link Speed#FAST}, or a reseller's tier from {@link SpeedTier#of(String)}; {@code null} for the
     *         client's default speed (and, with none set there, the server's)
     */
    @Override
    public SpeedTier speed() {
        return speed;
    }

    /**
     * An opaque string of yours, echoed back unchanged in {@link Task#state()} (docs/protocols.md §a.4), e.g. an order
     * id for telling tasks and callbacks apart. The proxy family sends it as {@code state}, apimart as
     * {@code metadata.state}; JourneyAPI has no such field and refuses a request that sets it before sending.
     *
     * @return at most 255 characters, e.g. {@code "order-42"}; {@code null} when not set
     */
    @Override
    public String state() {
        return state;
    }

    /**
     * A URL the server POSTs the whole task JSON to at each change (docs/protocols.md §a.12, §g.18): unsigned,
     * never retried, possibly duplicated or out of order, so use it to trigger a fetch. Put your own secret in the URL
     * (or use JourneyAPI's {@code webhook_secret}). The proxy family sends it as {@code notifyHook}, JourneyAPI as
     * {@code webhook_url}; apimart has no callbacks and refuses one before sending.
     *
     * @return an absolute http(s) URL, e.g. {@code "https://example.com/mj-hook?token=…"}; {@code null} for the
     *         client's default ({@link io.github.mjsdk.MidjourneyClientBuilder#notifyHook(String)}), or none
     */
    @Override
    public String notifyHook() {
        return notifyHook;
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
