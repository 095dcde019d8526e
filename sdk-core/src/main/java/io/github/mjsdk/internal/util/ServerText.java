package io.github.mjsdk.internal.util;

/**
 * Server-supplied text made fit for an exception message or a log line: one line (CR, LF and other control
 * characters escaped, so a server cannot forge log lines) and at most {@value #MAX_CHARS} characters.
 */
public final class ServerText {
    /** The most characters of server text a message carries. */
    public static final int MAX_CHARS = 512;

    private ServerText() {
    }

    /**
     * The text on one line, cut to {@value #MAX_CHARS} characters with {@code …} at the cut.
     *
     * @param text the server's text, or null
     * @return the text fit for a message, or null for null
     */
    public static String clip(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS + 8));
        int i = 0;
        for (; i < text.length() && out.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < text.length()) {
            out.setLength(Math.min(out.length(), MAX_CHARS));
            out.append('…');
        }
        return out.toString();
    }
}
