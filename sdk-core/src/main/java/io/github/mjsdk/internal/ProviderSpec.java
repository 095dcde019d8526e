package io.github.mjsdk.internal;

import io.github.mjsdk.AuthScheme;
import io.github.mjsdk.provider.Provider;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SDK's implementation of {@link Provider}: its defaults plus a factory of its dialect (given the client's
 * webhook secret, which JourneyAPI sends as {@code webhook_secret}).
 *
 * @param name              display name
 * @param baseUrl           default base URL or null
 * @param authScheme        default auth scheme
 * @param capabilities      what it supports
 * @param dialectFactory    makes the dialect from the webhook secret (may be null)
 */
public record ProviderSpec(String name, String baseUrl, AuthScheme authScheme, Provider.Capabilities capabilities,
                           Function<String, Dialect> dialectFactory) implements Provider {

    @Override
    public Optional<String> defaultBaseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    @Override
    public AuthScheme defaultAuthScheme() {
        return authScheme;
    }

    public Dialect dialect(String webhookSecret) {
        return dialectFactory.apply(webhookSecret);
    }

    @Override
    public String toString() {
        return "Provider[" + name + (baseUrl == null ? "" : ", " + baseUrl) + "]";
    }
}
