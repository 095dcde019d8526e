package io.github.mjsdk.testkit.internal;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.provider.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The settings a server was built with, validated by its builder.
 *
 * @param apiKey      the key requests must carry, or null to accept every request
 * @param authScheme  how requests carry the key
 * @param limits      jobs at once, queue length and job duration at each tier; holds every {@link Speed}
 * @param clock       the time the lifecycle runs on
 * @param remix       whether follow-ups park in MODAL (midjourney-proxy only)
 * @param legacy      whether the server answers as the open-source proxy 2.6 (midjourney-proxy only)
 * @param bannedWords lower-case words that refuse a prompt
 * @param randomSeed  the seed of ids, seeds and pictures
 * @param port        the port asked for; 0 for any free port
 * @param notifyHook  the callback URL of tasks that name none, or null
 * @param provider    the provider whose dialect the server speaks
 * @param dialect     that provider's dialect
 */
public record ServerConfig(String apiKey, AuthScheme authScheme, Map<Speed, TierLimits> limits, Clock clock,
                           boolean remix, boolean legacy, Set<String> bannedWords,
                           long randomSeed, int port, String notifyHook, Provider provider, Dialect dialect) {

    /**
     * The duration of a job at a tier.
     *
     * @param speed the tier, or null for none (runs as FAST)
     * @return the duration
     */
    public Duration duration(Speed speed) {
        return limits(speed).jobDuration();
    }

    /**
     * The account's limits at a tier.
     *
     * @param speed the tier, or null for none (counts as FAST)
     * @return the limits
     */
    public TierLimits limits(Speed speed) {
        return limits.get(speed == null ? Speed.FAST : speed);
    }
}
