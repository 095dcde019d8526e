package io.github.mjsdk.provider;

import io.github.mjsdk.AuthScheme;
import java.util.Optional;

/**
 * A Midjourney API provider: its wire dialect, its default base URL and its auth scheme. Obtain one from
 * {@link Providers}; implementations outside this SDK are not supported. Immutable and thread-safe.
 */
public interface Provider {

    /**
     * The provider's display name.
     *
     * @return e.g. {@code "CometAPI"}, {@code "midjourney-proxy"}, {@code "apimart"}, {@code "JourneyAPI"}
     */
    String name();

    /**
     * The base URL used when the builder sets none.
     *
     * @return e.g. {@code https://api.cometapi.com}; empty for a self-hosted proxy whose URL you give
     */
    Optional<String> defaultBaseUrl();

    /**
     * The auth scheme used when the builder sets none.
     *
     * @return the scheme the provider documents
     */
    AuthScheme defaultAuthScheme();

    /**
     * What the provider supports, for the provider table in the README.
     *
     * @return the capabilities
     */
    Capabilities capabilities();

    /**
     * What a provider can do through this SDK.
     *
     * @param speedTiers  whether a call can choose a speed tier (path prefix or body field)
     * @param webhooks    whether submits can carry a callback URL
     * @param batchQuery  whether many tasks can be queried in one request
     * @param modal       whether the modal (Remix) step exists
     * @param buttons     whether tasks carry buttons that {@code action(..)} can click by customId
     */
    record Capabilities(boolean speedTiers, boolean webhooks, boolean batchQuery, boolean modal, boolean buttons) {
    }
}
