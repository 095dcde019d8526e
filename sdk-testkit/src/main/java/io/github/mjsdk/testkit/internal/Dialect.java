package io.github.mjsdk.testkit.internal;

import io.github.mjsdk.provider.Provider;

/**
 * The API dialect a server speaks, from the {@link Provider} it was built for: one per server instance. Each has its
 * routes under its own base path; the task store, lifecycle, images, auth, faults and journal are shared.
 */
public enum Dialect {
    /** midjourney-proxy (docs/protocols.md §a–§c): CometAPI and self-hosted proxies, at the server's root. */
    PROXY(""),
    /** apimart (§d): {@code /v1/midjourney/...} and {@code /v1/tasks/{id}}, at the server's root. */
    APIMART(""),
    /** JourneyAPI (§e): everything under {@code /api/v1}, as on {@code https://api.journeyapi.com/api/v1}. */
    JOURNEY("/api/v1");

    private final String basePath;

    Dialect(String basePath) {
        this.basePath = basePath;
    }

    /**
     * The dialect that answers like the provider's server, by its {@link Provider#protocol()}.
     *
     * @param provider any provider
     * @return its dialect
     */
    public static Dialect of(Provider provider) {
        return switch (provider.protocol()) {
            case MIDJOURNEY_PROXY -> PROXY;
            case APIMART -> APIMART;
            case JOURNEY_API -> JOURNEY;
        };
    }

    /**
     * The path the API lives under, appended to the server's root to make the base URL a client is given.
     *
     * @return {@code ""} or a path starting with {@code /}, without a trailing slash, e.g. {@code "/api/v1"}
     */
    public String basePath() {
        return basePath;
    }
}
