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
 * @param image      the image to describe; not null
 * @param speed      the speed tier, or {@code null} for the client's default
 * @param state      an opaque string of yours, or {@code null}
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
     * The image to describe (docs/protocols.md §h.2.1). Bytes go as a data URL ({@code base64}) and a URL as
     * {@code link} on the proxy family, as {@code image_urls[0]} on apimart (at most 12 MiB), and as {@code image_url}
     * on JourneyAPI, which takes public URLs only; a form the provider cannot take is refused before sending.
     *
     * @return the image, from a file, bytes or a public http(s) URL ({@link ImageInput}); never null
     */
    @Override
    public ImageInput image() {
        return image;
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
