package io.github.mjsdk.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A speed tier: how fast (and at what price) the server should run a job.
 *
 * <p>In the midjourney-proxy protocol a tier is a path prefix put before {@code /mj} on submit calls, e.g.
 * {@code /mj-turbo/mj/submit/imagine} (docs/protocols.md §b.4, §c.3); task queries are never prefixed. Other
 * dialects map a tier to a body field by its {@link #id()}. No tier at all ({@code null} where a tier is accepted,
 * and no {@code defaultSpeed} on the client) means the plain {@code /mj} prefix: whatever the server's default is.
 *
 * <p>{@link Speed} holds the three tiers Midjourney sells; {@link #of(String)} makes a reseller's own tier, such as
 * {@code /mj-vip}. Implementations must be immutable and thread-safe.
 */
public interface SpeedTier {

    /**
     * The path prefix of this tier, put before {@code /mj}.
     *
     * @return a prefix such as {@code "/mj-turbo"}: starts with {@code /}, no trailing {@code /}
     */
    String pathPrefix();

    /**
     * The tier's id, lower case, as body-field dialects spell it (apimart's {@code speed} field).
     *
     * @return e.g. {@code "turbo"}, {@code "fast"}, {@code "relax"}, or {@code "vip"} for {@code /mj-vip}
     */
    String id();

    /**
     * A custom tier for a reseller's own path prefix.
     *
     * @param pathPrefix the prefix, e.g. {@code "/mj-vip"}: a leading {@code /} and one path segment of letters,
     *                   digits, {@code -} or {@code _}
     * @return the tier; for {@code /mj-turbo}, {@code /mj-fast} and {@code /mj-relax} the matching {@link Speed}
     * @throws IllegalArgumentException if {@code pathPrefix} is null or not of that shape
     */
    static SpeedTier of(String pathPrefix) {
        if (pathPrefix == null || !PrefixTier.SHAPE.matcher(pathPrefix).matches()) {
            throw new IllegalArgumentException(
                    "pathPrefix must look like \"/mj-vip\" (one path segment after a leading '/'), got: " + pathPrefix);
        }
        for (Speed speed : Speed.values()) {
            if (speed.pathPrefix().equals(pathPrefix)) {
                return speed;
            }
        }
        return new PrefixTier(pathPrefix);
    }
}

/** A reseller's tier: just a prefix. */
record PrefixTier(String pathPrefix) implements SpeedTier {
    static final Pattern SHAPE = Pattern.compile("/[A-Za-z0-9_-]+");

    PrefixTier {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
    }

    @Override
    public String id() {
        String segment = pathPrefix.substring(1).toLowerCase(Locale.ROOT);
        return segment.startsWith("mj-") ? segment.substring(3) : segment;
    }
}
