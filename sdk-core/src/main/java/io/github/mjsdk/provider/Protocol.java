package io.github.mjsdk.provider;

import java.util.EnumSet;
import java.util.Set;

/**
 * The wire protocol a provider speaks, with what the SDK can do through it. Each constant has one dialect inside
 * the SDK; see {@code docs/protocols.md} for the shapes of each.
 */
public enum Protocol {
    /**
     * The midjourney-proxy protocol ({@code /mj/submit/*}, {@code /mj/task/*}; docs/protocols.md §a–§c): CometAPI
     * and self-hosted proxies. Speed tiers as {@code /mj-turbo}, {@code /mj-fast}, {@code /mj-relax} path prefixes,
     * {@code notifyHook} callbacks, batch queries through {@code list-by-condition}.
     */
    MIDJOURNEY_PROXY(new Capabilities(true, true, true),
            EnumSet.complementOf(EnumSet.of(MidjourneyOperation.UPSCALE_2X_4X))),
    /**
     * apimart's REST dialect ({@code /v1/midjourney/*}, {@code /v1/tasks/{id}}; docs/protocols.md §d): speed tiers as
     * a {@code speed} body field, no callbacks, one task per query.
     */
    APIMART(new Capabilities(true, false, false), EnumSet.of(MidjourneyOperation.IMAGINE,
            MidjourneyOperation.REROLL, MidjourneyOperation.UPSCALE, MidjourneyOperation.VARY,
            MidjourneyOperation.BUTTON, MidjourneyOperation.DESCRIBE, MidjourneyOperation.BLEND,
            MidjourneyOperation.UPSCALE_SUBTLE_CREATIVE, MidjourneyOperation.VARY_SUBTLE_STRONG,
            MidjourneyOperation.PAN, MidjourneyOperation.ZOOM_OUT, MidjourneyOperation.VARY_REGION,
            MidjourneyOperation.BALANCE, MidjourneyOperation.EDIT, MidjourneyOperation.VIDEO)),
    /**
     * JourneyAPI's REST dialect (docs/protocols.md §e): callbacks with {@code webhook_url} and
     * {@code webhook_secret}; no speed tiers or batch query.
     */
    JOURNEY_API(new Capabilities(false, true, false), EnumSet.of(MidjourneyOperation.IMAGINE,
            MidjourneyOperation.REROLL, MidjourneyOperation.UPSCALE, MidjourneyOperation.VARY,
            MidjourneyOperation.DESCRIBE, MidjourneyOperation.BLEND, MidjourneyOperation.UPSCALE_SUBTLE_CREATIVE,
            MidjourneyOperation.UPSCALE_2X_4X, MidjourneyOperation.VARY_SUBTLE_STRONG, MidjourneyOperation.PAN,
            MidjourneyOperation.ZOOM_OUT,
            MidjourneyOperation.CUSTOM_ZOOM, MidjourneyOperation.VARY_REGION, MidjourneyOperation.REMIX,
            MidjourneyOperation.BALANCE, MidjourneyOperation.VIDEO,
            MidjourneyOperation.VIDEO_EXTEND));

    private final Capabilities capabilities;
    private final Set<MidjourneyOperation> operations;

    Protocol(Capabilities capabilities, Set<MidjourneyOperation> operations) {
        this.capabilities = capabilities;
        this.operations = Set.copyOf(operations);
    }

    /**
     * The operations the SDK can express in this protocol: the most any of its servers offers. Each
     * {@link Provider} offers these or fewer ({@link Provider#operations()}: CometAPI has no retexture, a
     * self-hosted proxy no balance query); a call its provider lacks fails before sending with
     * {@link io.github.mjsdk.error.OperationNotSupportedException}.
     *
     * @return an unmodifiable set, never null
     */
    public Set<MidjourneyOperation> operations() {
        return operations;
    }

    /**
     * Whether the SDK can run an operation through this protocol.
     *
     * @param operation the operation; null is never supported
     * @return true when {@link #operations()} contains it
     */
    public boolean supports(MidjourneyOperation operation) {
        return operation != null && operations.contains(operation);
    }

    /**
     * What the SDK can do through this protocol.
     *
     * @return the capabilities, never null
     */
    public Capabilities capabilities() {
        return capabilities;
    }

    /**
     * How a protocol's server is driven, beside the operations it offers ({@link #operations()}; buttons by
     * customId and the modal step are {@link MidjourneyOperation#BUTTON}). Immutable.
     *
     * @param speedTiers whether a call can choose a speed tier (path prefix or body field)
     * @param webhooks   whether submits can carry a callback URL
     * @param batchQuery whether many tasks can be queried in one request
     */
    public record Capabilities(boolean speedTiers, boolean webhooks, boolean batchQuery) {
    }
}
