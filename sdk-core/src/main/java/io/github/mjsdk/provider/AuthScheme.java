package io.github.mjsdk.provider;

import java.util.Locale;

/**
 * How the API key is sent (docs/protocols.md §g.20).
 */
public enum AuthScheme {
    /** {@code Authorization: Bearer <key>}: CometAPI, apimart, new-api gateways. The default. */
    BEARER,
    /** {@code mj-api-secret: <key>}: self-hosted midjourney-proxy servers (novicezk, trueai-org). */
    MJ_API_SECRET,
    /** {@code Authorization: <key>} without a prefix: JourneyAPI, trueai-org user tokens. */
    RAW;

    /**
     * Parses a scheme as written in configuration: {@code bearer}, {@code mj-api-secret} (or
     * {@code mj_api_secret}), {@code raw}; any case.
     *
     * @param value the text
     * @return the scheme
     * @throws IllegalArgumentException if {@code value} is null or none of these
     */
    public static AuthScheme parse(String value) {
        if (value != null) {
            String normal = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (AuthScheme scheme : values()) {
                if (scheme.name().equals(normal)) {
                    return scheme;
                }
            }
        }
        throw new IllegalArgumentException("authScheme must be one of bearer, mj-api-secret, raw; got: " + value);
    }

    /**
     * The header that carries the key.
     *
     * @return {@code "mj-api-secret"} for {@link #MJ_API_SECRET}, else {@code "Authorization"}
     */
    public String headerName() {
        return this == MJ_API_SECRET ? "mj-api-secret" : "Authorization";
    }

    /**
     * The header's value for a key.
     *
     * @param key the API key
     * @return {@code "Bearer " + key} for {@link #BEARER}, else the key as it is
     */
    public String headerValue(String key) {
        return this == BEARER ? "Bearer " + key : key;
    }
}
