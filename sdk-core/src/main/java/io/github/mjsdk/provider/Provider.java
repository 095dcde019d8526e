package io.github.mjsdk.provider;

import io.github.mjsdk.internal.util.Args;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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
 * @param operations        the typed operations this server offers: the protocol's
 *                          ({@link Protocol#operations()}) or fewer (CometAPI has no retexture and documents no
 *                          image upload; a self-hosted proxy has no balance query); not null, copied
 */
public record Provider(String name, Protocol protocol, String baseUrl, AuthScheme defaultAuthScheme,
                       Protocol.Capabilities capabilities, Set<MidjourneyOperation> operations) {

    /**
     * Validates the components.
     *
     * @param name              the display name; not blank
     * @param protocol          the wire protocol; not null
     * @param baseUrl           the default base URL, or null
     * @param defaultAuthScheme the default auth scheme; not null
     * @param capabilities      what the server can do; not null
     * @param operations        what the server offers; not null, each one the protocol can express
     * @throws IllegalArgumentException if {@code name} is blank, {@code protocol}, {@code defaultAuthScheme},
     *                                  {@code capabilities} or {@code operations} is null, or {@code operations}
     *                                  holds one the protocol cannot express
     */
    public Provider {
        Args.notBlank(name, "name");
        Args.notNull(protocol, "protocol");
        Args.notNull(defaultAuthScheme, "defaultAuthScheme");
        Args.notNull(capabilities, "capabilities");
        Args.notNull(operations, "operations");
        for (MidjourneyOperation operation : operations) {
            if (!protocol.supports(operation)) {
                throw new IllegalArgumentException("operations: " + protocol + " cannot express "
                        + (operation == null ? "null" : operation.label()));
            }
        }
        operations = Set.copyOf(operations);
    }

    /**
     * A provider with everything its protocol can express ({@link Protocol#operations()}).
     *
     * @param name              the display name; not blank
     * @param protocol          the wire protocol; not null
     * @param baseUrl           the default base URL, or null
     * @param defaultAuthScheme the default auth scheme; not null
     * @param capabilities      what the server can do; not null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Provider(String name, Protocol protocol, String baseUrl, AuthScheme defaultAuthScheme,
                    Protocol.Capabilities capabilities) {
        this(name, protocol, baseUrl, defaultAuthScheme, capabilities,
                protocol == null ? Set.of() : protocol.operations());
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
                new Protocol.Capabilities(on, c.webhooks(), c.batchQuery()), operations);
    }

    /**
     * The typed operations this server offers; any other fails before sending with
     * {@link io.github.mjsdk.error.OperationNotSupportedException}. The README's operations × providers table is
     * generated from the presets' sets.
     *
     * @return an unmodifiable set, never null
     */
    @Override
    public Set<MidjourneyOperation> operations() {
        return operations;
    }

    /**
     * Whether this server offers an operation.
     *
     * @param operation the operation; null is never offered
     * @return true when {@link #operations()} contains it
     */
    public boolean supports(MidjourneyOperation operation) {
        return operation != null && operations.contains(operation);
    }

    /**
     * This provider with an operation offered or not: say {@code withOperation(MidjourneyOperation.UPLOAD_IMAGES,
     * true)} on a CometAPI account whose gateway serves the route, or switch off what your proxy lacks so that a
     * call fails before sending instead of with the server's 404.
     *
     * @param operation the operation
     * @param on        whether calls may use it
     * @return a copy with that operation
     * @throws IllegalArgumentException if {@code operation} is null, or {@code on} is true and the protocol cannot
     *                                  express it
     */
    public Provider withOperation(MidjourneyOperation operation, boolean on) {
        Args.notNull(operation, "operation");
        EnumSet<MidjourneyOperation> changed = EnumSet.noneOf(MidjourneyOperation.class);
        changed.addAll(operations);
        if (on) {
            changed.add(operation);
        } else {
            changed.remove(operation);
        }
        return new Provider(name, protocol, baseUrl, defaultAuthScheme, capabilities, changed);
    }

    /**
     * This provider at another default base URL.
     *
     * @param url the base URL, e.g. {@code "https://mj.example.com"}
     * @return a copy with that URL
     * @throws IllegalArgumentException if {@code url} is blank
     */
    public Provider withBaseUrl(String url) {
        return new Provider(name, protocol, Args.notBlank(url, "baseUrl"), defaultAuthScheme, capabilities,
                operations);
    }
}
