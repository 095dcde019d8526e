package io.github.mjsdk.internal.dialect;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.mjsdk.internal.util.Json;
import io.github.mjsdk.internal.util.LazyJsonMap;
import io.github.mjsdk.model.Button;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the midjourney-proxy task JSON (docs/protocols.md §a.6) straight from an answer's bytes with Jackson's
 * streaming parser, without building a tree first: the fast path of {@link ProxyDialect}'s fetch and list answers.
 *
 * <p>The result is the one {@link TaskReader#read(JsonNode)} gives for the same bytes; a test holds the two together
 * over every fixture and the fuzz corpus. Values of the usual shape (strings, int numbers) are read from the tokens;
 * any other shape is read as a small tree and handed to the {@link TaskReader} and {@link Json} helpers, so odd
 * answers follow exactly the tree reader's rules. {@code properties} and the unknown fields are kept as the JSON text
 * they came as ({@link LazyJsonMap}) and become maps only when read. Every token is decoded on the way (strings
 * included), so whatever the tree reader would reject is rejected here too, with the same {@link IOException}.
 */
final class TaskStream {
    /** Reads one value as a tree, without checking what follows it (the parser is inside a larger document). */
    private static final ObjectReader VALUE = Json.MAPPER.readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TaskStream() {
    }

    /** A parser over the whole body, so that byte offsets are indexes into {@code body}. */
    static JsonParser open(byte[] body) throws IOException {
        return Json.MAPPER.getFactory().createParser(body);
    }

    /**
     * Checks that nothing but whitespace follows the document, as the tree reader does.
     *
     * @throws IOException if a token follows
     */
    static void end(JsonParser parser) throws IOException {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new JsonParseException(parser,
                    "trailing token " + trailing + " after the JSON value");
        }
    }

    /**
     * Reads the object the parser stands on ({@code START_OBJECT}) up to its {@code END_OBJECT}.
     *
     * @param parser a parser from {@link #open} on {@code body}
     * @param body   the bytes the parser reads
     * @return the task, or null when the object has no id (as {@link TaskReader#read(JsonNode)})
     * @throws IOException for malformed JSON
     */
    static Task readObject(JsonParser parser, byte[] body) throws IOException {
        String id = null;
        String rawAction = null;
        String rawStatus = null;
        String prompt = null;
        String promptEn = null;
        String description = null;
        String state = null;
        String imageUrl = null;
        String failReason = null;
        int progress = 0;
        Instant submitTime = null;
        Instant startTime = null;
        Instant finishTime = null;
        List<String> imageUrls = null;
        List<Button> buttons = null;
        Map<String, Object> properties = null;
        long[] extra = null;
        int extraCount = 0;
        long rawProgressFrom = -1;
        long rawProgressTo = -1;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            switch (name) {
                case "id" -> id = text(parser, parser.nextToken());
                case "action" -> rawAction = text(parser, parser.nextToken());
                case "status" -> rawStatus = text(parser, parser.nextToken());
                case "prompt" -> prompt = text(parser, parser.nextToken());
                case "promptEn" -> promptEn = text(parser, parser.nextToken());
                case "description" -> description = text(parser, parser.nextToken());
                case "state" -> state = text(parser, parser.nextToken());
                case "imageUrl" -> imageUrl = text(parser, parser.nextToken());
                case "failReason" -> failReason = text(parser, parser.nextToken());
                case "progress" -> {
                    JsonToken value = parser.nextToken();
                    long from = parser.currentTokenLocation().getByteOffset();
                    progress = progress(parser, value);
                    rawProgressFrom = -1; // a repeated key: only the last value counts, as in the tree reader
                    if (value == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
                        rawProgressFrom = from;
                        rawProgressTo = parser.currentLocation().getByteOffset();
                    }
                }
                case "submitTime" -> submitTime = millis(parser, parser.nextToken());
                case "startTime" -> startTime = millis(parser, parser.nextToken());
                case "finishTime" -> finishTime = millis(parser, parser.nextToken());
                case "imageUrls" -> imageUrls = imageUrls(parser, parser.nextToken());
                case "buttons" -> buttons = buttons(parser, parser.nextToken());
                case "properties" -> properties = object(parser, parser.nextToken(), body);
                default -> {
                    long from = parser.currentTokenLocation().getByteOffset();
                    skip(parser, parser.nextToken());
                    long to = parser.currentLocation().getByteOffset();
                    if (extra == null) {
                        extra = new long[8];
                    } else if (extraCount * 2 == extra.length) {
                        extra = Arrays.copyOf(extra, extra.length * 2);
                    }
                    extra[extraCount * 2] = from;
                    extra[extraCount * 2 + 1] = to;
                    extraCount++;
                }
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "unexpected token " + token);
        }
        if (id == null || id.isBlank()) {
            return null;
        }
        return new Task(id, TaskAction.fromWire(rawAction), rawAction, TaskStatus.fromWire(rawStatus), rawStatus,
                progress, prompt, promptEn, description, state, imageUrl, imageUrls, buttons, failReason,
                submitTime, startTime, finishTime, properties,
                members(body, extra, extraCount, rawProgressFrom, rawProgressTo));
    }

    /** Text as {@link Json#text(JsonNode)}: strings as they are, numbers and booleans as text, else null. */
    private static String text(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return Json.text(tree(parser));
    }

    /** Progress as {@link TaskReader#progress(JsonNode)}. */
    private static int progress(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return TaskReader.progress(parser.getText());
        }
        return TaskReader.progress(tree(parser));
    }

    /** Epoch milliseconds as {@link TaskReader#millis(JsonNode)}. */
    private static Instant millis(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return TaskReader.millis(parser.getLongValue());
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        return TaskReader.millis(tree(parser));
    }

    /** Image URLs as {@link TaskReader#imageUrls(JsonNode)}: strings, or objects with a "url". */
    private static List<String> imageUrls(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            skip(parser, token);
            return null;
        }
        List<String> urls = null;
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            String url;
            if (item == JsonToken.VALUE_STRING) {
                url = parser.getText();
            } else if (item == JsonToken.START_OBJECT) {
                url = Json.text(tree(parser), "url");
            } else {
                skip(parser, item);
                url = null;
            }
            if (url != null && !url.isBlank()) {
                if (urls == null) {
                    urls = new ArrayList<>(4);
                }
                urls.add(url);
            }
        }
        return urls;
    }

    /** Buttons as {@link TaskReader#buttons(JsonNode)}: objects with a customId (or custom_id); others skipped. */
    private static List<Button> buttons(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            skip(parser, token);
            return null;
        }
        List<Button> buttons = null;
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (item != JsonToken.START_OBJECT) {
                skip(parser, item);
                continue;
            }
            Button button = button(parser);
            if (button != null) {
                if (buttons == null) {
                    buttons = new ArrayList<>(9);
                }
                buttons.add(button);
            }
        }
        return buttons;
    }

    private static Button button(JsonParser parser) throws IOException {
        String customId = null;
        String snakeId = null;
        String emoji = null;
        String label = null;
        int type = 0;
        int style = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "customId" -> customId = text(parser, value);
                case "custom_id" -> snakeId = text(parser, value);
                case "emoji" -> emoji = text(parser, value);
                case "label" -> label = text(parser, value);
                case "type" -> type = asInt(parser, value);
                case "style" -> style = asInt(parser, value);
                default -> skip(parser, value);
            }
        }
        if (customId == null) {
            customId = snakeId;
        }
        return customId == null || customId.isBlank() ? null : new Button(customId, emoji, label, type, style);
    }

    /** An int as Jackson's {@code JsonNode.asInt(0)}. */
    private static int asInt(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        JsonNode value = tree(parser);
        return value == null ? 0 : value.asInt(0);
    }

    /** An object kept as its text until read; null (an empty map) for {@code {}} and for any other value. */
    private static Map<String, Object> object(JsonParser parser, JsonToken token, byte[] body) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            skip(parser, token);
            return null;
        }
        long from = parser.currentTokenLocation().getByteOffset();
        JsonToken first = parser.nextToken();
        if (first == JsonToken.END_OBJECT) {
            return null;
        }
        skip(parser, first, 1);
        long to = parser.currentLocation().getByteOffset();
        return new LazyJsonMap(Arrays.copyOfRange(body, (int) from, (int) to));
    }

    /**
     * The unknown fields, each kept as its {@code "name": value} text, joined into one object; a textual progress
     * (bytes {@code rawFrom} to {@code rawTo} of the body, or -1) is added last as {@link Task#RAW_PROGRESS}, as
     * {@link TaskReader#keepRawProgress} keeps it.
     */
    private static Map<String, Object> members(byte[] body, long[] ranges, int count, long rawFrom, long rawTo) {
        if (count == 0 && rawFrom < 0) {
            return null;
        }
        byte[] rawKey = ("\"" + Task.RAW_PROGRESS + "\":").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int length = 1 + count;
        for (int i = 0; i < count; i++) {
            length += (int) (ranges[i * 2 + 1] - ranges[i * 2]);
        }
        if (rawFrom >= 0) {
            length += rawKey.length + (int) (rawTo - rawFrom) + 1;
        }
        byte[] json = new byte[length];
        int at = 0;
        json[at++] = '{';
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json[at++] = ',';
            }
            int from = (int) ranges[i * 2];
            int size = (int) (ranges[i * 2 + 1] - from);
            System.arraycopy(body, from, json, at, size);
            at += size;
        }
        if (rawFrom >= 0) {
            if (count > 0) {
                json[at++] = ',';
            }
            System.arraycopy(rawKey, 0, json, at, rawKey.length);
            at += rawKey.length;
            System.arraycopy(body, (int) rawFrom, json, at, (int) (rawTo - rawFrom));
            at += (int) (rawTo - rawFrom);
        }
        json[at] = '}';
        return new LazyJsonMap(json);
    }

    /** The value the parser stands on, as a tree ({@code null} stays null). */
    private static JsonNode tree(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        return VALUE.readTree(parser);
    }

    /**
     * Steps over the value the parser stands on, decoding every string and number on the way so that input the tree
     * reader would reject is rejected here as well.
     */
    static void skip(JsonParser parser, JsonToken token) throws IOException {
        skip(parser, token, 0);
    }

    /** {@link #skip(JsonParser, JsonToken)} from inside a structure {@code depth} levels deep. */
    private static void skip(JsonParser parser, JsonToken token, int depth) throws IOException {
        JsonToken current = token;
        while (true) {
            if (current == null) {
                throw new JsonParseException(parser, "unexpected end of input");
            }
            switch (current) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> parser.finishToken();
                case VALUE_NUMBER_INT -> parser.getNumberType();
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                default -> {
                }
            }
            if (depth == 0) {
                return;
            }
            current = parser.nextToken();
        }
    }
}
