package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Redact;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code /imagine}: a new 2×2 grid from a prompt (docs/protocols.md §a.4, §c.2). Build with {@link #of(String)}
 * and the {@code with…} methods; every instance is immutable.
 *
 * <pre>{@code
 * ImagineRequest req = ImagineRequest.of("a red fox in fresh snow --ar 3:2")
 *         .withSpeed(Speed.TURBO)
 *         .withState("order-42");
 * }</pre>
 *
 * <p>Construction throws {@link IllegalArgumentException} if {@code prompt} is blank, {@code base64Array} holds a null or a value that is not a {@code data:} URL, {@code state} is over 255 characters, or {@code notifyHook} is not an absolute
 * http(s) URL.
 *
 * @param prompt        the prompt including Midjourney flags such as {@code --ar 3:2}; not blank
 * @param base64Array   image prompts as data URLs ({@code data:image/png;base64,…}); empty for none
 * @param botType       the bot to use, or {@code null} for the server's default
 * @param state         an opaque string of yours (at most 255 characters), echoed in {@link Task#state()}, or
 *                      {@code null}
 * @param notifyHook    a URL the server POSTs the task JSON to at each change (docs/protocols.md §a.12), or
 *                      {@code null} for the client's default
 * @param accountFilter the server's account filter ({@code instanceId}, {@code modes}, {@code remix} …;
 *                      docs/protocols.md §b.3), or empty
 * @param speed         the speed tier, or {@code null} for the client's default
 */
public record ImagineRequest(String prompt, List<String> base64Array, BotType botType, String state,
                             String notifyHook, Map<String, Object> accountFilter, SpeedTier speed) {

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param prompt see {@link #prompt()}
     * @param base64Array see {@link #base64Array()}
     * @param botType see {@link #botType()}
     * @param state see {@link #state()}
     * @param notifyHook see {@link #notifyHook()}
     * @param accountFilter see {@link #accountFilter()}
     * @param speed see {@link #speed()}
     */
    public ImagineRequest {
        Args.notBlank(prompt, "prompt");
        if (base64Array != null) {
            for (String image : base64Array) {
                if (image == null || !image.startsWith("data:")) {
                    throw new IllegalArgumentException(
                            "base64Array entries must be data URLs (data:image/png;base64,…), got: "
                                    + (image == null ? "null" : "a value not starting with data:"));
                }
            }
        }
        base64Array = base64Array == null ? List.of() : List.copyOf(base64Array);
        Args.maxLength(state, 255, "state");
        Args.optionalHttpUrl(notifyHook, "notifyHook");
        accountFilter = accountFilter == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(accountFilter));
    }

    /**
     * A request with just a prompt.
     *
     * @param prompt the prompt, e.g. {@code "a red fox --ar 3:2"}
     * @return the request
     * @throws IllegalArgumentException if {@code prompt} is null or blank
     */
    public static ImagineRequest of(String prompt) {
        return new ImagineRequest(prompt, null, null, null, null, null, null);
    }

    /**
     * A copy with image prompts.
     *
     * @param dataUrls data URLs of the images
     * @return the copy
     */
    public ImagineRequest withBase64Array(List<String> dataUrls) {
        return new ImagineRequest(prompt, dataUrls, botType, state, notifyHook, accountFilter, speed);
    }

    /**
     * A copy with a bot type.
     *
     * @param type the bot, or {@code null} for the server's default
     * @return the copy
     */
    public ImagineRequest withBotType(BotType type) {
        return new ImagineRequest(prompt, base64Array, type, state, notifyHook, accountFilter, speed);
    }

    /**
     * A copy with your own state string.
     *
     * @param value at most 255 characters, or {@code null}
     * @return the copy
     */
    public ImagineRequest withState(String value) {
        return new ImagineRequest(prompt, base64Array, botType, value, notifyHook, accountFilter, speed);
    }

    /**
     * A copy with a callback URL.
     *
     * @param url the URL, or {@code null} for the client's default
     * @return the copy
     */
    public ImagineRequest withNotifyHook(String url) {
        return new ImagineRequest(prompt, base64Array, botType, state, url, accountFilter, speed);
    }

    /**
     * A copy with an account filter.
     *
     * @param filter the filter map, or {@code null} for none
     * @return the copy
     */
    public ImagineRequest withAccountFilter(Map<String, Object> filter) {
        return new ImagineRequest(prompt, base64Array, botType, state, notifyHook, filter, speed);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public ImagineRequest withSpeed(SpeedTier tier) {
        return new ImagineRequest(prompt, base64Array, botType, state, notifyHook, accountFilter, tier);
    }

    /**
     * A summary without image data and without the callback URL's query (which may carry a secret).
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "ImagineRequest[prompt=" + prompt + ", images=" + base64Array.size() + ", botType=" + botType
                + ", state=" + state + ", notifyHook=" + Redact.url(notifyHook) + ", speed="
                + (speed == null ? null : speed.id()) + "]";
    }
}
