package io.github.mjsdk.testkit.internal;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Task ids, image hashes and seeds, from one seeded random source so that a server built with the same
 * {@code randomSeed} on the same clock hands out the same values. Not thread-safe; the {@link Simulation} guards it.
 */
final class Ids {
    private static final long MAX_SEED = 4_294_967_295L;

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final SplittableRandom random;

    Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Epoch milliseconds and three random digits: a 16-digit string (docs/protocols.md §a.6). */
    String taskId(Instant now, Predicate<String> taken) {
        long millis = Math.max(0, now.toEpochMilli());
        while (true) {
            String id = String.format("%013d%03d", millis, random.nextInt(1000));
            if (!taken.test(id)) {
                return id;
            }
            millis++;
        }
    }

    /**
     * apimart's task id (docs/protocols.md §d): {@code task_} and a 26-character ULID, 10 characters of epoch
     * milliseconds then 16 random ones, in Crockford's base 32, e.g. {@code task_01KV52C0TEJSYZMCG0NCS4YWKK}.
     */
    String apimartTaskId(Instant now, Predicate<String> taken) {
        while (true) {
            StringBuilder id = new StringBuilder("task_");
            long millis = Math.max(0, now.toEpochMilli());
            for (int shift = 45; shift >= 0; shift -= 5) {
                id.append(CROCKFORD.charAt((int) (millis >>> shift) & 31));
            }
            for (int i = 0; i < 16; i++) {
                id.append(CROCKFORD.charAt(random.nextInt(32)));
            }
            if (!taken.test(id.toString())) {
                return id.toString();
            }
        }
    }

    /** A version-4 UUID string, like Midjourney's image hashes and JourneyAPI's task ids (docs/protocols.md §e). */
    String hash() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** A Midjourney seed, 0–4294967295. */
    long seed() {
        return random.nextLong(MAX_SEED + 1);
    }

    /** A 19-digit Discord snowflake. */
    String snowflake() {
        return Long.toString(1_000_000_000_000_000_000L + random.nextLong(8_000_000_000_000_000_000L));
    }
}
