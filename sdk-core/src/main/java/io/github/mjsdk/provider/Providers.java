package io.github.mjsdk.provider;

import java.util.EnumSet;
import java.util.Locale;

/**
 * The providers this SDK speaks to. Each preset sets the dialect, the default base URL and the auth scheme
 * together; the builder's {@code baseUrl(..)} and {@code authScheme(..)} still override them.
 *
 * <table>
 *   <caption>Presets</caption>
 *   <tr><th>preset</th><th>dialect (docs/protocols.md)</th><th>base URL</th><th>auth</th></tr>
 *   <tr><td>{@link #cometApi()}</td><td>midjourney-proxy, §a–§c</td><td>https://api.cometapi.com</td>
 *       <td>Bearer</td></tr>
 *   <tr><td>{@link #midjourneyProxy(String)}</td><td>midjourney-proxy, §a–§b: the open-source novicezk proxy, no
 *       speed tiers, the operations it has</td><td>yours</td><td>mj-api-secret</td></tr>
 *   <tr><td>{@link #trueAi(String)}</td><td>midjourney-proxy, §a–§b: trueai-org's proxy, speed tiers and every
 *       operation but the balance query</td><td>yours</td><td>mj-api-secret</td></tr>
 *   <tr><td>{@link #apimart()}</td><td>apimart, §d</td><td>https://api.apimart.ai</td><td>Bearer</td></tr>
 *   <tr><td>{@link #journeyApi()}</td><td>JourneyAPI, §e</td><td>https://api.journeyapi.com/api/v1</td>
 *       <td>raw Authorization</td></tr>
 * </table>
 */
public final class Providers {
    private static final Provider COMET = new Provider("CometAPI", Protocol.MIDJOURNEY_PROXY,
            "https://api.cometapi.com", AuthScheme.BEARER)
            .withOperation(MidjourneyOperation.RETEXTURE, false)
            .withOperation(MidjourneyOperation.UPLOAD_IMAGES, false)
            .withOperation(MidjourneyOperation.CANCEL, false);
    private static final Provider PROXY = new Provider("midjourney-proxy", Protocol.MIDJOURNEY_PROXY, null,
            AuthScheme.MJ_API_SECRET, Protocol.MIDJOURNEY_PROXY.capabilities(), EnumSet.of(MidjourneyOperation.IMAGINE,
            MidjourneyOperation.REROLL, MidjourneyOperation.UPSCALE, MidjourneyOperation.VARY,
            MidjourneyOperation.DESCRIBE, MidjourneyOperation.BLEND)).withSpeedTiers(false);
    private static final Provider TRUEAI = new Provider("trueai midjourney-proxy", Protocol.MIDJOURNEY_PROXY, null,
            AuthScheme.MJ_API_SECRET).withOperation(MidjourneyOperation.BALANCE, false);
    private static final Provider APIMART = new Provider("apimart", Protocol.APIMART, "https://api.apimart.ai",
            AuthScheme.BEARER);
    private static final Provider JOURNEY = new Provider("JourneyAPI", Protocol.JOURNEY_API,
            "https://api.journeyapi.com/api/v1", AuthScheme.RAW);

    /**
     * CometAPI's account query service, where its balance lives ({@code GET /user/quota?key=<key>},
     * docs/protocols.md §h.2.10; https://apidoc.cometapi.com/tools/balance-api): the default of the builder's
     * {@code accountBaseUrl(..)}.
     */
    public static final String COMETAPI_QUOTA_BASE_URL = "https://query.cometapi.com";

    private Providers() {
    }

    /**
     * CometAPI: the midjourney-proxy protocol behind a gateway, speed by {@code /mj-turbo|/mj-fast|/mj-relax}
     * prefix, {@code Authorization: Bearer}. The default provider. Its balance query lives on another host
     * (docs/protocols.md §h.2.10). It has no retexture (docs/protocols.md §h.2.8) and no cancel route (its gateway has
     * none, §h.2.6), and image upload is not in its documentation, so all three are refused before sending (§h.2.5: switch upload on with
     * {@code withOperation(MidjourneyOperation.UPLOAD_IMAGES, true)} if your account serves it).
     *
     * @return the preset
     */
    public static Provider cometApi() {
        return COMET;
    }

    /**
     * The open-source midjourney-proxy (novicezk/midjourney-proxy, v2.6.3 observed) at your URL, with the
     * {@code mj-api-secret} header. It offers what that server has: imagine, reroll, U1–U4, V1–V4 (through
     * {@code /mj/submit/change} when its tasks carry no buttons), describe and blend; every other operation (pan,
     * zoom, Vary (Region), the variants, remix, video, edits, seed, cancel, shorten, upload) is refused before
     * anything is sent with {@link io.github.mjsdk.error.OperationNotSupportedException}, where that server would
     * answer HTTP 404 (docs/protocols.md §h.1.1). For trueai-org's proxy use {@link #trueAi(String)}; for another
     * server switch operations on with {@link Provider#withOperation(MidjourneyOperation, boolean)}.
     *
     * <p>Without speed tiers: the open-source proxy has no {@code /mj-turbo}, {@code /mj-fast} or
     * {@code /mj-relax} routes, so a call that names a tier (or a client with a {@code defaultSpeed}) is refused
     * before anything is sent. If your proxy has the prefixes (a reseller's gateway), write
     * {@code Providers.midjourneyProxy(url).withSpeedTiers(true)}.
     *
     * <p>The open-source proxy's docs give its base as {@code http://host:8080/mj}: a base URL whose path ends in
     * {@code /mj} is accepted as the same server as {@code http://host:8080} (the SDK appends {@code /mj/...}
     * itself).
     *
     * @param baseUrl the proxy's base, e.g. {@code "https://mj.example.com"} or {@code "http://mj:8080/mj"}
     * @return the preset
     * @throws IllegalArgumentException if {@code baseUrl} is blank
     */
    public static Provider midjourneyProxy(String baseUrl) {
        return PROXY.withBaseUrl(baseUrl);
    }

    /**
     * trueai-org's midjourney-proxy at your URL, with the {@code mj-api-secret} header: the proxy protocol with the
     * {@code /mj-turbo}, {@code /mj-fast} and {@code /mj-relax} prefixes (docs/protocols.md §b.1) and every typed
     * operation except the balance query, which it has only as an admin page (docs/protocols.md §h.2.10).
     *
     * @param baseUrl the proxy's base, e.g. {@code "https://mj.example.com"}
     * @return the preset
     * @throws IllegalArgumentException if {@code baseUrl} is blank
     */
    public static Provider trueAi(String baseUrl) {
        return TRUEAI.withBaseUrl(baseUrl);
    }

    /**
     * A provider by its configuration name, as {@code MIDJOURNEY_PROVIDER} and {@code mj --provider} take it:
     * {@code cometapi}, {@code midjourney-proxy} and {@code trueai} (their base URL must then be set on the
     * builder), {@code apimart}, {@code journeyapi}; any case.
     *
     * @param name the name
     * @return the preset
     * @throws IllegalArgumentException if {@code name} is null or none of these
     */
    public static Provider named(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (key) {
            case "cometapi":
            case "comet":
                return COMET;
            case "midjourney-proxy":
            case "proxy":
                return PROXY;
            case "trueai":
                return TRUEAI;
            case "apimart":
                return APIMART;
            case "journeyapi":
            case "journey":
                return JOURNEY;
            default:
                throw new IllegalArgumentException("provider must be one of cometapi, midjourney-proxy, trueai,"
                        + " apimart, journeyapi; got: " + name);
        }
    }

    /**
     * apimart: its own REST dialect, speed as a {@code speed} body field, {@code Authorization: Bearer}.
     *
     * @return the preset
     */
    public static Provider apimart() {
        return APIMART;
    }

    /**
     * JourneyAPI: its own REST dialect, raw {@code Authorization} key, callbacks with {@code webhook_url} and
     * {@code webhook_secret}; no speed tiers, buttons or modal step.
     *
     * @return the preset
     */
    public static Provider journeyApi() {
        return JOURNEY;
    }
}
