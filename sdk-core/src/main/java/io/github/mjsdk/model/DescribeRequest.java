package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Redact;

/**
 * A describe: an image to four suggested prompts (docs/protocols.md §h.2.1). The result's prompts are
 * {@link Task#describePrompts()}. Build with {@link #of(ImageInput)} and the {@code with…} methods.
 *
 * <p>Construction throws {@link IllegalArgumentException} if {@code image} is null, {@code state} is over 255
 * characters, or {@code notifyHook} is not an absolute http(s) URL.
 *
 * @param image      the image; bytes go as a data URL ({@code base64}), a URL as {@code link} on the proxy family,
 *                   as {@code image_urls[0]} on apimart, as {@code image_url} on JourneyAPI (URLs only there)
 * @param speed      the speed tier, or {@code null} for the client's default
 * @param state      an opaque string of yours (at most 255 characters), or {@code null}
 * @param notifyHook a callback URL, or {@code null} for the client's default
 */
public record DescribeRequest(ImageInput image, SpeedTier speed, String state, String notifyHook) {

    /**
     * Validates the components, as the class description says.
     *
     * @param image see {@link #image()}
     * @param speed see {@link #speed()}
     * @param state see {@link #state()}
     * @param notifyHook see {@link #notifyHook()}
     */
    public DescribeRequest {
        Args.notNull(image, "image");
        Args.maxLength(state, 255, "state");
        Args.optionalHttpUrl(notifyHook, "notifyHook");
    }

    /**
     * A describe of an image at the client's default speed.
     *
     * @param image the image
     * @return the request
     * @throws IllegalArgumentException if {@code image} is null
     */
    public static DescribeRequest of(ImageInput image) {
        return new DescribeRequest(image, null, null, null);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public DescribeRequest withSpeed(SpeedTier tier) {
        return new DescribeRequest(image, tier, state, notifyHook);
    }

    /**
     * A copy with your own state string.
     *
     * @param value at most 255 characters, or {@code null}
     * @return the copy
     */
    public DescribeRequest withState(String value) {
        return new DescribeRequest(image, speed, value, notifyHook);
    }

    /**
     * A copy with a callback URL.
     *
     * @param url the URL, or {@code null} for the client's default
     * @return the copy
     */
    public DescribeRequest withNotifyHook(String url) {
        return new DescribeRequest(image, speed, state, url);
    }

    /**
     * A summary without the image bytes or the callback URL's query.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "DescribeRequest[image=" + image + ", speed=" + (speed == null ? null : speed.id()) + ", state="
                + state + ", notifyHook=" + Redact.url(notifyHook) + "]";
    }
}
