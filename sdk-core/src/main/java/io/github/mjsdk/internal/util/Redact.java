package io.github.mjsdk.internal.util;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;

/** Hides secrets in strings meant for humans: URLs with query tokens, bodies that echo a key. */
public final class Redact {
    /** The shortest value a URL query parameter or an extra header must have to be treated as a secret. */
    public static final int MIN_GUESSED_SECRET = 8;

    private Redact() {
    }

    /**
     * A URL without its query and fragment ({@code https://h/p?token=s} becomes {@code https://h/p?…}), so a secret
     * token carried in a {@code notifyHook} never reaches a log or a {@code toString()}.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int cut = url.length();
        int q = url.indexOf('?');
        int h = url.indexOf('#');
        if (q >= 0) {
            cut = q;
        }
        if (h >= 0 && h < cut) {
            cut = h;
        }
        int at = url.indexOf('@');
        int scheme = url.indexOf("://");
        String head = url.substring(0, cut);
        if (at > 0 && scheme > 0 && at < cut) {
            head = url.substring(0, scheme + 3) + "…@" + url.substring(at + 1, cut);
        }
        return cut < url.length() ? head + "?…" : head;
    }

    /** {@code text} with every occurrence of {@code secret} replaced by {@code ***}. */
    public static String secret(String text, String secret) {
        if (text == null || secret == null || secret.length() < 4) {
            return text;
        }
        return text.replace(secret, "***");
    }

    /** {@code text} with every occurrence of each of {@code secrets} replaced by {@code ***}, longest first. */
    public static String secrets(String text, Collection<String> secrets) {
        String result = text;
        for (String secret : secrets) {
            result = secret(result, secret);
        }
        return result;
    }

    /**
     * {@code text} with each of {@code secrets} replaced by {@code ***}, whether it appears as it is or behind JSON
     * escapes ({@code \\u0073k-…}, PHP's {@code \/}): servers echo keys either way, and a message, a description or a
     * {@code failReason} is decoded from the body before anyone reads it.
     */
    public static String escaped(String text, Collection<String> secrets) {
        String result = secrets(text, secrets);
        if (result == null || result.indexOf('\\') < 0) {
            return result;
        }
        EscapedText view = new EscapedText(result);
        for (String secret : secrets) {
            if (secret == null || secret.length() < 4) {
                continue;
            }
            String replaced = view.replaceAll(secret);
            if (replaced != null) {
                result = replaced;
                view = new EscapedText(result);
            }
        }
        return result;
    }

    /**
     * A body with every secret replaced by {@code ***}, as it is and behind JSON escapes (see {@link #escaped}). The
     * same array when no secret occurs, so that a clean answer costs one scan and no copy.
     */
    public static byte[] jsonBody(byte[] body, Collection<String> secrets) {
        return jsonBody(body, secrets, utf8(secrets));
    }

    /**
     * {@link #jsonBody(byte[], Collection)} with the secrets already encoded by {@link #utf8(Collection)}.
     *
     * @param body    the body
     * @param secrets the secrets
     * @param encoded the same secrets in UTF-8, in the same order
     * @return the body, redacted
     */
    public static byte[] jsonBody(byte[] body, Collection<String> secrets, byte[][] encoded) {
        if (secrets.isEmpty() || (!contains(body, (byte) '\\') && !containsAny(body, encoded))) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String redacted = escaped(text, secrets);
        return redacted.equals(text) ? body : redacted.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] body, byte b) {
        for (byte each : body) {
            if (each == b) {
                return true;
            }
        }
        return false;
    }

    /** The secrets in UTF-8, in order; null ones as empty arrays. */
    public static byte[][] utf8(Collection<String> secrets) {
        byte[][] encoded = new byte[secrets.size()][];
        int i = 0;
        for (String secret : secrets) {
            encoded[i++] = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        }
        return encoded;
    }

    private static boolean containsAny(byte[] body, byte[][] secrets) {
        for (byte[] secret : secrets) {
            if (secret.length >= 4 && indexOf(body, secret) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * The values worth hiding from what servers echo: the given secrets as they are (null and blank skipped), then
     * the query parameter values of {@code url} of at least {@value #MIN_GUESSED_SECRET} characters (the
     * {@code ?token=} of a notifyHook), longest first so that no secret is cut by a shorter one inside it.
     */
    public static List<String> secretsOf(Collection<String> secrets, String url) {
        Set<String> found = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                found.add(secret);
            }
        }
        found.addAll(queryValues(url));
        List<String> ordered = new ArrayList<>(found);
        ordered.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return List.copyOf(ordered);
    }

    /** The query parameter values of an http(s) URL that are long enough to be tokens, raw and decoded. */
    public static Set<String> queryValues(String url) {
        Set<String> values = new LinkedHashSet<>();
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
        if (parsed == null) {
            return values;
        }
        for (int i = 0; i < parsed.querySize(); i++) {
            String value = parsed.queryParameterValue(i);
            if (value != null && value.length() >= MIN_GUESSED_SECRET) {
                values.add(value);
            }
        }
        String raw = parsed.encodedQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq >= 0 && pair.length() - eq - 1 >= MIN_GUESSED_SECRET) {
                    values.add(pair.substring(eq + 1));
                }
            }
        }
        return values;
    }
}
