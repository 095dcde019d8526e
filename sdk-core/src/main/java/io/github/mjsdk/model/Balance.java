package io.github.mjsdk.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An account's balance as the provider reports it (docs/protocols.md §h.2.10). Units differ per provider and are
 * not converted: CometAPI's {@code GET /user/quota} gives {@code total_quota} and {@code total_used_quota} in USD;
 * apimart's {@code GET /v1/user/balance} gives {@code remain_balance} and {@code used_balance} in its account
 * currency; JourneyAPI's {@code GET /account} gives {@code credits} (4 per imagine).
 *
 * @param remaining what is left, or {@code null} when the answer lacks it
 * @param used      what was spent, or {@code null} where the provider does not say
 * @param unit      {@code "USD"} (CometAPI), {@code "balance"} (apimart) or {@code "credits"} (JourneyAPI)
 * @param unlimited true when the key has no quota limit (apimart; CometAPI reports limits per key, in
 *                  {@code raw().get("keys")}, so it is false there)
 * @param raw       the whole answer as plain Java values; never null
 */
public record Balance(BigDecimal remaining, BigDecimal used, String unit, boolean unlimited, Map<String, Object> raw) {

    /**
     * Copies {@code raw}.
     *
     * @param remaining see {@link #remaining()}
     * @param used see {@link #used()}
     * @param unit see {@link #unit()}
     * @param unlimited see {@link #unlimited()}
     * @param raw see {@link #raw()}
     */
    public Balance {
        raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    }

    /**
     * What is left on the account (docs/protocols.md §h.2.10), in the provider's own unit ({@link #unit()}), not
     * converted: CometAPI's {@code total_quota} in USD, apimart's {@code remain_balance} in its account currency,
     * JourneyAPI's {@code credits} (an imagine costs 4).
     *
     * @return e.g. {@code 12.50} (apimart) or {@code 396} (JourneyAPI); {@code null} when the answer lacks it or it is
     *         not a number
     */
    @Override
    public BigDecimal remaining() {
        return remaining;
    }

    /**
     * What was spent (docs/protocols.md §h.2.10): CometAPI's {@code total_used_quota}, apimart's
     * {@code used_balance}, in the same unit as {@link #remaining()}.
     *
     * @return the amount; {@code null} when the answer lacks it, and always on JourneyAPI, which does not say
     */
    @Override
    public BigDecimal used() {
        return used;
    }

    /**
     * The unit of {@link #remaining()} and {@link #used()} (docs/protocols.md §h.2.10).
     *
     * @return {@code "USD"} (CometAPI), {@code "balance"} (apimart's account currency) or {@code "credits"}
     *         (JourneyAPI)
     */
    @Override
    public String unit() {
        return unit;
    }

    /**
     * Whether the provider says the key has no quota limit (docs/protocols.md §h.2.10, apimart's
     * {@code unlimited_quota}); then {@link #remaining()} means little.
     *
     * @return {@code true} when apimart says so; {@code false} otherwise, and always on JourneyAPI
     */
    @Override
    public boolean unlimited() {
        return unlimited;
    }

    /**
     * The whole answer as the provider sent it (docs/protocols.md §h.2.10), e.g. apimart's {@code success} or
     * JourneyAPI's {@code email}, {@code total_images} and {@code plan}. Values are plain Java values: maps, lists,
     * strings, numbers, booleans, or {@code null}.
     *
     * @return an unmodifiable map in the answer's order; never null
     */
    @Override
    public Map<String, Object> raw() {
        return raw;
    }
}
