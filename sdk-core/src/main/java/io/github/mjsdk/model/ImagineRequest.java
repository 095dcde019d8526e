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
 * @param prompt        the prompt including Midjourney flags; not blank
 * @param base64Array   image prompts as data URLs; never null, may be empty
 * @param botType       the bot to use, or {@code null} for the server's default
 * @param state         an opaque string of yours, or {@code null}
 * @param notifyHook    a callback URL, or {@code null} for the client's default
 * @param accountFilter the server's account filter; never null, may be empty
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
     * The prompt (docs/protocols.md §a.4, {@code prompt}), Midjourney flags such as {@code --ar 3:2} and {@code --v 7}
     * included. The server trims it; with image prompts the open-source proxy puts their URLs in front of it in the
     * task (§g.23).
     *
     * @return e.g. {@code "a red fox in fresh snow --ar 3:2"}; never null or blank
     */
    @Override
    public String prompt() {
        return prompt;
    }

    /**
     * Image prompts as data URLs (docs/protocols.md §a.4, {@code base64Array}): the proxy family uploads each one and
     * puts its URL in front of the prompt; apimart takes them as {@code image_urls}; JourneyAPI takes at most one.
     *
     * @return an unmodifiable list of {@code data:} URLs such as {@code "data:image/png;base64,iVBOR…"}; never null,
     *         empty for none
     */
    @Override
    public List<String> base64Array() {
        return base64Array;
    }

    /**
     * The Discord bot that runs the imagine (docs/protocols.md §a.4, §b.2, {@code botType}; PLUS and trueai). apimart
     * sends {@link BotType#NIJI_JOURNEY} as {@code niji: true}; JourneyAPI has no bot choice and refuses one before
     * sending.
     *
     * @return {@link BotType#MID_JOURNEY} or {@link BotType#NIJI_JOURNEY}; {@code null} to leave the field out, so the
     *         server uses its default ({@code MID_JOURNEY})
     */
    @Override
    public BotType botType() {
        return botType;
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
     * The server's account filter (docs/protocols.md §b.3, {@code accountFilter}; PLUS and trueai): which Discord
     * account may take the job. {@code modes} is an ordered preference list such as {@code ["FAST", "RELAX"]}; the
     * other keys ({@code instanceId}, {@code remix}, {@code nijiRemix}, {@code remixAutoConsidered}, {@code remark})
     * narrow the choice. apimart and JourneyAPI have none and refuse a non-empty filter before sending.
     *
     * @return an unmodifiable copy in insertion order, values as JSON-like Java objects; never null, empty for none
     *         (the field is then left out)
     */
    @Override
    public Map<String, Object> accountFilter() {
        return accountFilter;
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
