package io.github.mjsdk.internal.util;

/**
 * A text with its backslash escapes decoded ({@code \\u0073}, {@code \/}, {@code \"}, {@code \n} …) and, for each
 * decoded character, where it came from in the original: so that a secret a server echoed in escaped form is found
 * in the decoded text and cut out of the original.
 */
final class EscapedText {
    private final String original;
    private final StringBuilder decoded;
    /** For decoded character i: its first character in the original is starts[i], its last ends[i] - 1. */
    private final int[] starts;
    private final int[] ends;

    EscapedText(String original) {
        this.original = original;
        this.decoded = new StringBuilder(original.length());
        this.starts = new int[original.length()];
        this.ends = new int[original.length()];
        int i = 0;
        while (i < original.length()) {
            int from = i;
            char c = original.charAt(i);
            if (c == '\\' && i + 1 < original.length()) {
                char next = original.charAt(i + 1);
                if (next == 'u' && i + 6 <= original.length() && isHex(original, i + 2)) {
                    c = (char) Integer.parseInt(original, i + 2, i + 6, 16);
                    i += 6;
                } else {
                    c = unescaped(next);
                    i += 2;
                }
            } else {
                i++;
            }
            starts[decoded.length()] = from;
            ends[decoded.length()] = i;
            decoded.append(c);
        }
    }

    /**
     * The original with the characters behind every occurrence of {@code secret} in the decoded text replaced by
     * {@code ***}, or null when it does not occur.
     */
    String replaceAll(String secret) {
        String text = decoded.toString();
        int at = text.indexOf(secret);
        if (at < 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(original.length());
        int copied = 0;
        while (at >= 0) {
            out.append(original, copied, starts[at]).append("***");
            copied = ends[at + secret.length() - 1];
            at = text.indexOf(secret, at + secret.length());
        }
        return out.append(original, copied, original.length()).toString();
    }

    private static boolean isHex(String text, int at) {
        for (int k = at; k < at + 4; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static char unescaped(char escape) {
        switch (escape) {
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            default:
                return escape;
        }
    }
}
