package io.github.mjsdk.internal.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.provider.Protocol;

/** Picks the one dialect of each {@link Protocol}. */
public final class Dialects {
    private Dialects() {
    }

    /**
     * The dialect of a protocol.
     *
     * @param protocol      the provider's protocol
     * @param webhookSecret the client's webhook secret, which JourneyAPI sends as {@code webhook_secret}; may be null
     * @return a new dialect
     */
    public static Dialect of(Protocol protocol, String webhookSecret) {
        return of(new io.github.mjsdk.provider.Provider(protocol.name(), protocol, null,
                io.github.mjsdk.provider.AuthScheme.BEARER), webhookSecret);
    }

    /**
     * The dialect of a provider: its protocol's, limited to what the provider can do (a midjourney-proxy without
     * speed-tier prefixes refuses tiers before sending).
     *
     * @param provider      the provider
     * @param webhookSecret the client's webhook secret, which JourneyAPI sends as {@code webhook_secret}; may be null
     * @return a new dialect
     */
    public static Dialect of(io.github.mjsdk.provider.Provider provider, String webhookSecret) {
        return of(provider, webhookSecret, null);
    }

    /**
     * The dialect of a provider, with the base URL of its account service when that is on another host.
     *
     * @param provider       the provider
     * @param webhookSecret  the client's webhook secret, which JourneyAPI sends as {@code webhook_secret}; may be null
     * @param accountBaseUrl the proxy family's balance host (CometAPI's {@code https://query.cometapi.com}), without
     *                       a trailing slash; null for none
     * @return a new dialect
     */
    public static Dialect of(io.github.mjsdk.provider.Provider provider, String webhookSecret, String accountBaseUrl) {
        return switch (provider.protocol()) {
            case MIDJOURNEY_PROXY -> new ProxyDialect(provider.name(), provider.capabilities().speedTiers(),
                    accountBaseUrl);
            case APIMART -> new ApimartDialect();
            case JOURNEY_API -> new JourneyDialect(webhookSecret);
        };
    }

    /**
     * A task from a callback body of any protocol: the proxy family's task JSON, else JourneyAPI's.
     *
     * @param node the parsed body, or null
     * @return the task, or null when the body is not a task of either shape (no id)
     */
    public static Task readCallback(JsonNode node) {
        Task task = TaskReader.read(node);
        return task != null ? task : JourneyDialect.read(node);
    }
}
