package io.github.mjsdk.internal.dialect;

import io.github.mjsdk.internal.util.ServerText;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.http.HttpErrors;
import io.github.mjsdk.internal.util.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.BannedPromptException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.QueueFullException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.ServiceUnavailableException;
import java.io.IOException;
import java.time.Instant;

/**
 * Turns error answers into typed exceptions (docs/protocols.md §a.5, §g.1): HTTP status first, then the business
 * code of the body. Reads {@code code}, {@code description}, {@code message} and {@code error.message} leniently;
 * never uses the description for control flow.
 */
public final class ErrorMapper {
    private ErrorMapper() {
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    public static JsonNode json(ApiResponse response) {
        if (response.isEmpty()) {
            return null;
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The business code of an error body, or null. */
    public static Integer code(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode code = body.get("code");
        if (code != null && code.isNumber()) {
            return code.asInt();
        }
        if (code != null && code.isTextual()) {
            try {
                return Integer.parseInt(code.textValue().trim());
            } catch (NumberFormatException notNumeric) {
                return null;
            }
        }
        return null;
    }

    /** description, message, error.message or error as text, or null. */
    public static String description(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        for (String field : new String[]{"description", "message"}) {
            String text = Json.text(body, field);
            if (text != null && !text.isBlank()) {
                return text.trim();
            }
        }
        JsonNode error = body.get("error");
        if (error != null && error.isObject()) {
            return Json.text(error, "message");
        }
        return error != null && error.isTextual() ? error.textValue() : null;
    }

    /**
     * The exception for a non-2xx answer: a 4xx that carries a business code keeps the code's meaning, the
     * open-source proxy's Spring-style 404 on a submit route says the route does not exist; anything else is what
     * the HTTP status means ({@link HttpErrors}).
     */
    public static MidjourneyException http(ApiResponse response, ParentCheck parent, Instant now) {
        JsonNode body = json(response);
        Integer code = code(body);
        String description = description(body);
        int status = response.status();
        if (status == 404 && code == null && body != null && body.has("path") && body.has("error")
                && !response.request().idempotent()) {
            return new NotFoundException(response.request().describe() + " does not exist on this server (HTTP 404):"
                    + " it speaks an older midjourney-proxy protocol without this route", status, null, description,
                    response.requestId(), response.excerpt());
        }
        if (code != null && status >= 400 && status < 500 && status != 401 && status != 403 && status != 404
                && status != 429) {
            return business(response, code, body, parent);
        }
        return HttpErrors.of(response, code, description, now);
    }

    /** The exception for a business code that is not an acceptance (1, 21, 22). */
    public static ApiException business(ApiResponse response, int code, JsonNode body, ParentCheck parent) {
        String description = description(body);
        String where = response.request().describe();
        String said = description == null ? "" : ": " + ServerText.clip(description);
        int status = response.status();
        String requestId = response.requestId();
        String excerpt = response.excerpt();
        switch (code) {
            case 3:
                if (parent == ParentCheck.UNVERIFIED) {
                    return new NotFoundException(where + " named a parent task the server does not know (code 3)"
                            + said, status, code, description, requestId, excerpt);
                }
                return new ServiceUnavailableException(where + " found no available account to run the job (code 3)"
                        + said, status, code, description, requestId, excerpt);
            case 4:
                return new InvalidRequestException(where + " was rejected as invalid (code 4)" + said, status, code,
                        description, requestId, excerpt);
            case 23:
                return new QueueFullException(where + " was refused: the queue is full (code 23)" + said, status, code,
                        description, requestId, excerpt);
            case 24:
                JsonNode props = body == null ? null : body.get("properties");
                String word = Json.text(props, "bannedWord");
                return new BannedPromptException(where + " was refused: banned prompt (code 24)"
                        + (word == null ? "" : ", banned word: " + ServerText.clip(word)) + said, status, code, description, requestId,
                        excerpt, word);
            default:
                return new ServerException(where + " failed (code " + code + ")" + said, status, code, description,
                        requestId, excerpt);
        }
    }
}
