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
 */
public record Provider(String name, Protocol protocol, String baseUrl, AuthScheme defaultAuthScheme) {

    /**
     * Validates the components.
     *
     * @param name              the display name; not blank
     * @param protocol          the wire protocol; not null
     * @param baseUrl           the default base URL, or null
     * @param defaultAuthScheme the default auth scheme; not null
     * @throws IllegalArgumentException if {@code name} is blank, or {@code protocol} or {@code defaultAuthScheme}
     *                                  is null
     */
    public Provider {
        Args.notBlank(name, "name");
        Args.notNull(protocol, "protocol");
        Args.notNull(defaultAuthScheme, "defaultAuthScheme");
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
     * What the SDK can do with this provider: its protocol's capabilities.
     *
     * @return the capabilities, never null
     */
    public Protocol.Capabilities capabilities() {
        return protocol.capabilities();
    }

    /**
     * This provider at another default base URL.
     *
     * @param url the base URL, e.g. {@code "https://mj.example.com"}
     * @return a copy with that URL
     * @throws IllegalArgumentException if {@code url} is blank
     */
    public Provider withBaseUrl(String url) {
        return new Provider(name, protocol, Args.notBlank(url, "baseUrl"), defaultAuthScheme);
    }
}
