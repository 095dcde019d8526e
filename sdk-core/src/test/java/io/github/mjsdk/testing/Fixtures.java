package io.github.mjsdk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Wire fixtures under {@code src/test/resources/fixtures}, shaped like the payloads in docs/protocols.md, and small helpers
 * to answer with them and to read recorded JSON bodies.
 */
public final class Fixtures {
    /** The grid task of the fixtures. */
    public static final String GRID_ID = "1712345678901123";
    /** The task a reroll (or a remix modal) of the grid creates. */
    public static final String REROLL_ID = "1712345699999456";
    /** The U2 upscale of the grid. */
    public static final String UPSCALE_ID = "1712345700000789";
    /** The grid's image hash. */
    public static final String HASH = "85a4b4c1-8835-46c5-a15c-aea34fad1862";
    /** The grid's reroll button. */
    public static final String REROLL_CUSTOM_ID = "MJ::JOB::reroll::0::" + HASH + "::SOLO";
    /** The grid's prompt. */
    public static final String PROMPT = "a red fox in fresh snow --ar 3:2";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /** The text of {@code fixtures/<name>}. */
    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 200 JSON answer with the fixture as body. */
    public static MockResponse ok(String name) {
        return json(200, text(name));
    }

    /** A 200 JSON answer with an array of the fixtures. */
    public static MockResponse okArray(String... names) {
        StringBuilder array = new StringBuilder("[");
        for (String name : names) {
            array.append(array.length() > 1 ? "," : "").append(text(name));
        }
        return json(200, array.append(']').toString());
    }

    /** A JSON answer. */
    public static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json;charset=UTF-8")
                .body(body).build();
    }

    /** A task fixture's text with the grid id ({@link #GRID_ID}) replaced by {@code id}, for many distinct tasks. */
    public static String task(String name, String id) {
        return text(name).replace(GRID_ID, id);
    }

    /** Parses JSON text. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded request's body as JSON. */
    public static JsonNode body(RecordedRequest request) {
        return parse(request.getBody() == null ? "" : request.getBody().utf8());
    }
}
