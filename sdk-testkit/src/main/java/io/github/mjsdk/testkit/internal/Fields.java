package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Lenient reading of request body fields, shared by every dialect's routes. */
final class Fields {
    private static final Pattern DATA_URL = Pattern.compile("data:(image/[a-z0-9.+-]+);base64,(.+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private Fields() {
    }

    /** A scalar field as text; null when absent, null, an object or an array. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** A scalar field as non-blank, trimmed text; null otherwise. */
    static String nonBlank(JsonNode body, String field) {
        String value = text(body, field);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A boolean field: {@code true} or {@code "true"}. */
    static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value != null && (value.asBoolean(false) || value.asText().equalsIgnoreCase("true"));
    }

    /** The strings of an array; other items and a missing array give none. */
    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (item.isTextual()) {
                    values.add(item.textValue());
                }
            }
        }
        return values;
    }

    /** The image of a {@code data:image/…;base64,…} URL; null when it is not one or holds no bytes. */
    static Simulation.Attachment dataUrl(String dataUrl) {
        Matcher matcher = DATA_URL.matcher(dataUrl.trim());
        if (!matcher.matches()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
            return bytes.length == 0 ? null
                    : new Simulation.Attachment(matcher.group(1).toLowerCase(Locale.ROOT), bytes);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** Whether a text is an absolute http(s) URL. */
    static boolean httpUrl(String text) {
        return text != null && HttpUrl.parse(text.trim()) != null;
    }
}
