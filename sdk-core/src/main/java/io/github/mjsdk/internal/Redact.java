package io.github.mjsdk.internal;

/** Hides secrets in strings meant for humans: URLs with query tokens, bodies that echo a key. */
public final class Redact {
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
}
