package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mjsdk.provider.AuthScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Raw HTTP against a FakeMidjourneyServer, for asserting wire details. */
final class Wire implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType TYPE = MediaType.get("application/json");

    private final FakeMidjourneyServer server;
    private final OkHttpClient http;

    Wire(FakeMidjourneyServer server) {
        this(server, new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build());
    }

    Wire(FakeMidjourneyServer server, OkHttpClient http) {
        this.server = server;
        this.http = http;
    }

    /** A JSON object from name/value pairs. */
    static ObjectNode body(Object... pairs) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
        }
        return node;
    }

    Answer post(String path, Object body) {
        return send(authorized(new Request.Builder().url(server.baseUrl() + path)
                .post(RequestBody.create(body.toString(), TYPE))));
    }

    Answer get(String path) {
        return send(authorized(new Request.Builder().url(server.baseUrl() + path)));
    }

    Answer getUrl(String url) {
        return send(new Request.Builder().url(url));
    }

    Answer send(Request.Builder request) {
        try (Response response = http.newCall(request.build()).execute()) {
            return new Answer(response.code(), response.headers(), response.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Request.Builder authorized(Request.Builder request) {
        String key = server.apiKey();
        if (key != null) {
            if (server.authScheme() == AuthScheme.MJ_API_SECRET) {
                request.header("mj-api-secret", key);
            } else {
                request.header("Authorization", server.authScheme() == AuthScheme.BEARER ? "Bearer " + key : key);
            }
        }
        return request;
    }

    /** Submits an imagine that must be accepted with code 1; its task id. */
    String imagine(String tierRoot, String prompt) {
        JsonNode answer = post(tierRoot + "/submit/imagine", body("prompt", prompt)).json();
        assertThat(answer.path("code").asInt()).as(answer.toString()).isEqualTo(1);
        return answer.path("result").asText();
    }

    JsonNode fetch(String id) {
        Answer answer = get("/mj/task/" + id + "/fetch");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    /** Clicks a button that must be accepted (code 1, 22 or 21); the new task id. */
    String click(String parentId, String customId) {
        JsonNode answer = post("/mj/submit/action", body("taskId", parentId, "customId", customId)).json();
        assertThat(answer.path("code").asInt()).as(answer.toString()).isIn(1, 21, 22);
        return answer.path("result").asText();
    }

    /** The customId of the button with this label (or emoji) on a fetched task. */
    static String button(JsonNode task, String labelOrEmoji) {
        for (JsonNode button : task.path("buttons")) {
            if (button.path("label").asText().equals(labelOrEmoji) || button.path("emoji").asText()
                    .equals(labelOrEmoji)) {
                return button.path("customId").asText();
            }
        }
        throw new AssertionError("no button " + labelOrEmoji + " on " + task);
    }

    @Override
    public void close() {
        http.connectionPool().evictAll();
    }

    /** An HTTP answer. */
    record Answer(int status, Headers headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }
    }
}
