package io.github.mjsdk.testkit.internal;

import io.github.mjsdk.provider.AuthScheme;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import okhttp3.Headers;

/** The credential check of the API routes (docs/protocols.md §a.2, §c.1, §g.20): one scheme, one key. */
final class Auth {
    private final String key;
    private final AuthScheme scheme;

    Auth(String key, AuthScheme scheme) {
        this.key = key;
        this.scheme = scheme;
    }

    /** Whether the request carries the key the way the scheme says; always true when no key is set. */
    boolean accepts(Headers headers) {
        if (key == null) {
            return true;
        }
        switch (scheme) {
            case MJ_API_SECRET:
                return same(headers.get("mj-api-secret"), key);
            case RAW:
                return same(headers.get("Authorization"), key);
            default:
                String value = headers.get("Authorization");
                if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    return false;
                }
                return same(value.substring(7).trim(), key);
        }
    }

    /** Whether a {@code key} query parameter is the key; always true when no key is set. */
    boolean acceptsKey(String given) {
        return key == null || same(given, key);
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
