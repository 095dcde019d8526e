package io.github.mjsdk.model;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An account's balance as the provider reports it (docs/protocols.md §h.2.10). Units differ per provider and are
 * not converted: apimart's {@code GET /v1/user/balance} gives {@code remain_balance} and {@code used_balance} in its
 * account currency; JourneyAPI's {@code GET /account} gives {@code credits} (4 per imagine).
 *
 * @param remaining what is left (apimart {@code remain_balance}, JourneyAPI {@code credits}), or {@code null} when
 *                  the answer lacks it
 * @param used      what was spent (apimart {@code used_balance}), or {@code null} where the provider does not say
 * @param unit      {@code "balance"} (apimart's account currency) or {@code "credits"} (JourneyAPI)
 * @param unlimited true when the provider says the key has no quota limit (apimart {@code unlimited_quota})
 * @param raw       the whole answer as plain Java values (maps, lists, strings, numbers), never null
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
        raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }
}
