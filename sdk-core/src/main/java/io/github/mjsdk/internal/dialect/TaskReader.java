package io.github.mjsdk.internal.dialect;

import io.github.mjsdk.internal.util.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.model.Button;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the midjourney-proxy task JSON (docs/protocols.md §a.6, §b.6, §c.2) leniently: ids as strings or numbers,
 * progress as {@code "45%"}, {@code "45"}, {@code ""} or a number, millisecond timestamps with 0 meaning absent,
 * unknown enum values kept raw, unknown fields kept, {@code imageUrls} as strings or {@code [{url}]}.
 */
public final class TaskReader {
    /** 9999-12-31T23:59:59Z: a server time past it is not a time. */
    private static final long LAST_SECOND = 253_402_300_799L;
    private static final Set<String> MODELLED = Set.of("id", "action", "status", "progress", "prompt", "promptEn",
            "description", "state", "imageUrl", "imageUrls", "buttons", "failReason", "submitTime", "startTime",
            "finishTime", "properties");

    private TaskReader() {
    }

    /** The task, or null when the node is not an object with an id. */
    public static Task read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String id = Json.text(node, "id");
        if (id == null || id.isBlank()) {
            return null;
        }
        String rawAction = Json.text(node, "action");
        String rawStatus = Json.text(node, "status");
        Map<String, Object> extra = extra(node, MODELLED);
        keepRawProgress(node.get("progress"), extra);
        return new Task(id, TaskAction.fromWire(rawAction), rawAction, TaskStatus.fromWire(rawStatus), rawStatus,
                progress(node.get("progress")), Json.text(node, "prompt"), Json.text(node, "promptEn"),
                Json.text(node, "description"), Json.text(node, "state"), Json.text(node, "imageUrl"),
                imageUrls(node.get("imageUrls")), buttons(node.get("buttons")), Json.text(node, "failReason"),
                millis(node.get("submitTime")), millis(node.get("startTime")), millis(node.get("finishTime")),
                Json.toMap(node.get("properties")), extra);
    }

    /**
     * Keeps a textual progress as sent ({@code "45%"}, {@code "Waiting to start"}) in {@code extra} under
     * {@link Task#RAW_PROGRESS}, beside the int that {@link #progress} reads from it.
     */
    static void keepRawProgress(JsonNode value, Map<String, Object> extra) {
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            extra.put(Task.RAW_PROGRESS, value.asText());
        }
    }

    /** Every field of {@code node} not named in {@code modelled}, as plain Java values (kept on Task.extra). */
    static Map<String, Object> extra(JsonNode node, Set<String> modelled) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!modelled.contains(field.getKey())) {
                extra.put(field.getKey(), Json.plain(field.getValue()));
            }
        }
        return extra;
    }

    /** Progress as int percent: "45%", "45", 45, 45.5 → 45; "", null, text → 0. */
    public static int progress(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return clamp(value.asDouble());
        }
        if (value.isTextual()) {
            return progress(value.textValue());
        }
        return 0;
    }

    /** Progress from a JSON string: "45%", " 45 % ", "45" → 45; "" and other text → 0. */
    static int progress(String value) {
        String text = value.trim();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        try {
            return clamp(Double.parseDouble(text));
        } catch (NumberFormatException notNumeric) {
            return 0;
        }
    }

    private static int clamp(double percent) {
        if (Double.isNaN(percent)) {
            return 0;
        }
        return (int) Math.max(0, Math.min(100, percent));
    }

    /** Epoch milliseconds (number or numeric string); null, 0, times past the year 9999 and other shapes: null. */
    public static Instant millis(JsonNode value) {
        return millis(epochNumber(value));
    }

    /** Epoch milliseconds as an instant; 0 or less and times past the year 9999: null. */
    static Instant millis(long ms) {
        return ms > 0 && ms <= LAST_SECOND * 1000 ? Instant.ofEpochMilli(ms) : null;
    }

    /** Epoch seconds, for dialects that send seconds; out of range as {@link #millis}. */
    public static Instant seconds(JsonNode value) {
        long s = epochNumber(value);
        return s > 0 && s <= LAST_SECOND ? Instant.ofEpochSecond(s) : null;
    }

    private static long epochNumber(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isIntegralNumber() || value.isFloatingPointNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.textValue().trim());
            } catch (NumberFormatException notNumeric) {
                return 0;
            }
        }
        return 0;
    }

    /** Strings, or objects with a "url" field. */
    public static List<String> imageUrls(JsonNode value) {
        List<String> urls = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (JsonNode item : value) {
                String url = item.isTextual() ? item.textValue() : Json.text(item, "url");
                if (url != null && !url.isBlank()) {
                    urls.add(url);
                }
            }
        }
        return urls;
    }

    /** Button objects; entries without a customId are skipped. */
    public static List<Button> buttons(JsonNode value) {
        List<Button> buttons = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (JsonNode item : value) {
                String customId = Json.text(item, "customId");
                if (customId == null) {
                    customId = Json.text(item, "custom_id");
                }
                if (customId != null && !customId.isBlank()) {
                    buttons.add(new Button(customId, Json.text(item, "emoji"), Json.text(item, "label"),
                            item.path("type").asInt(0), item.path("style").asInt(0)));
                }
            }
        }
        return buttons;
    }
}
