package io.github.mjsdk.provider;

import io.github.mjsdk.internal.util.Args;
import java.util.Optional;

/**
 * Who a client talks to, as data: a display name, the {@link Protocol} its server speaks, the base URL used when
 * the builder sets none, and the auth scheme used when the builder sets none. Get the presets from
 * {@link Providers}, or describe another server that speaks one of the protocols, such as a gateway in front of a
 * midjourney-proxy:
 *
 * <pre>{@code
 * Provider gateway = new Provider("my-gateway", Protocol.MIDJOURNEY_PROXY, "https://mj.example.com",
 *         AuthScheme.BEARER);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name              the display name used in messages, e.g. {@code "CometAPI"}; not blank
 * @param protocol          the wire protocol; not null
 * @param baseUrl           the base URL when the builder sets none, e.g. {@code "https://api.cometapi.com"};
 *                          null for a server whose URL the builder must give
 * @param defaultAuthScheme the auth scheme when the builder sets none; not null
 * @param capabilities      what this server can do: the protocol's capabilities, or fewer (the open-source
 *                          midjourney-proxy has no speed-tier path prefixes); not null
 */
public record Provider(String name, Protocol protocol, String baseUrl, AuthScheme defaultAuthScheme,
                       Protocol.Capabilities capabilities) {

    /**
     * Validates the components.
     *
     * @param name              the display name; not blank
     * @param protocol          the wire protocol; not null
     * @param baseUrl           the default base URL, or null
     * @param defaultAuthScheme the default auth scheme; not null
     * @param capabilities      what the server can do; not null
     * @throws IllegalArgumentException if {@code name} is blank, or {@code protocol}, {@code defaultAuthScheme} or
     *                                  {@code capabilities} is null
     */
    public Provider {
        Args.notBlank(name, "name");
        Args.notNull(protocol, "protocol");
        Args.notNull(defaultAuthScheme, "defaultAuthScheme");
        Args.notNull(capabilities, "capabilities");
    }

    /**
     * A provider with everything its protocol can do ({@link Protocol#capabilities()}).
     *
     * @param name              the display name; not blank
     * @param protocol          the wire protocol; not null
     * @param baseUrl           the default base URL, or null
     * @param defaultAuthScheme the default auth scheme; not null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Provider(String name, Protocol protocol, String baseUrl, AuthScheme defaultAuthScheme) {
        this(name, protocol, baseUrl, defaultAuthScheme, protocol == null ? null : protocol.capabilities());
    }

    /**
     * The display name.
     *
     * @return e.g. {@code "CometAPI"}, {@code "midjourney-proxy"}, {@code "apimart"}, {@code "JourneyAPI"}
     */
    @Override
    public String name() {
        return name;
    }

    /**
     * The wire protocol the server speaks.
     *
     * @return the protocol, never null
     */
    @Override
    public Protocol protocol() {
        return protocol;
    }

    /**
     * The base URL given for this provider, as written.
     *
     * @return e.g. {@code "https://api.cometapi.com"}, or null when the builder must give one
     */
    @Override
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The auth scheme used when the builder sets none.
     *
     * @return the scheme the provider documents, never null
     */
    @Override
    public AuthScheme defaultAuthScheme() {
        return defaultAuthScheme;
    }

    /**
     * The base URL used when the builder sets none.
     *
     * @return e.g. {@code https://api.cometapi.com}; empty for a self-hosted proxy whose URL you give
     */
    public Optional<String> defaultBaseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /**
     * What the SDK can do with this provider: its protocol's capabilities, or fewer when the server lacks some
     * (see {@link #withSpeedTiers(boolean)}). A call that needs a missing one is refused before anything is sent,
     * with an {@link IllegalArgumentException} naming the provider.
     *
     * @return the capabilities, never null
     */
    @Override
    public Protocol.Capabilities capabilities() {
        return capabilities;
    }

    /**
     * This provider with or without speed tiers. A self-hosted midjourney-proxy ({@link
     * Providers#midjourneyProxy(String)}) has none by default, because the open-source novicezk proxy has no
     * {@code /mj-turbo}, {@code /mj-fast} or {@code /mj-relax} routes (docs/protocols.md, "Observed behaviour of
     * novicezk/midjourney-proxy v2.6.3"); say {@code withSpeedTiers(true)} when yours has them (trueai-org's proxy
     * mounts every route under the three prefixes, docs/protocols.md §b.1, and so do resellers' gateways).
     *
     * @param on whether calls may choose a speed tier
     * @return a copy with that capability
     * @throws IllegalArgumentException if {@code on} is true and the protocol has no speed tiers at all
     */
    public Provider withSpeedTiers(boolean on) {
        if (on && !protocol.capabilities().speedTiers()) {
            throw new IllegalArgumentException(name + " (" + protocol + ") has no speed tiers");
        }
        Protocol.Capabilities c = capabilities;
        return new Provider(name, protocol, baseUrl, defaultAuthScheme,
                new Protocol.Capabilities(on, c.webhooks(), c.batchQuery(), c.modal(), c.buttons()));
    }

    /**
     * This provider at another default base URL.
     *
     * @param url the base URL, e.g. {@code "https://mj.example.com"}
     * @return a copy with that URL
     * @throws IllegalArgumentException if {@code url} is blank
     */
    public Provider withBaseUrl(String url) {
        return new Provider(name, protocol, Args.notBlank(url, "baseUrl"), defaultAuthScheme, capabilities);
    }
}
