package io.github.mjsdk.internal.dialect;

import io.github.mjsdk.internal.http.HttpErrors;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.util.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.NotFoundException;
import java.io.IOException;
import java.time.Instant;

/** Body reading shared by the dialects: JSON or a typed ProtocolException, and the empty-body not-found. */
final class DialectBodies {
    private DialectBodies() {
    }

    static JsonNode object(ApiResponse response) {
        JsonNode body = parse(response);
        if (!body.isObject()) {
            throw HttpErrors.notProtocol(response, "JSON that is not an object", null);
        }
        return body;
    }

    /**
     * A field as a decimal, from a JSON number or a numeric string (balances: {@code 12.5} or {@code "12.5"});
     * null when absent, null or not a number.
     */
    static java.math.BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static JsonNode parse(ApiResponse response) {
        if (response.isEmpty()) {
            throw HttpErrors.notProtocol(response, "an empty body", null);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw HttpErrors.notProtocol(response, "an empty body", null);
            }
            return node;
        } catch (IOException e) {
            throw malformed(response, e);
        }
    }

    /** The ProtocolException for a body the JSON parser rejected: an HTML page, or malformed or truncated JSON. */
    static MidjourneyException malformed(ApiResponse response, IOException e) {
        String start = response.excerpt().stripLeading();
        String what = start.startsWith("<") ? "an HTML page instead of JSON" : "malformed or truncated JSON";
        return HttpErrors.notProtocol(response, what, e);
    }

    /**
     * Checks a task query's answer as {@link #taskBody} does, without parsing it: typed exceptions for an HTTP error,
     * NotFoundException for 204 or an empty body.
     */
    static void checkTaskAnswer(ApiResponse response, String taskId, Instant now) {
        if (!response.isSuccessful()) {
            throw ErrorMapper.http(response, ParentCheck.UNVERIFIED, now);
        }
        if (response.status() == 204 || response.isEmpty()) {
            throw notFound(response, taskId);
        }
    }

    /**
     * The JSON object of a task query's answer: typed exceptions for an HTTP error, NotFoundException for 204 or an
     * empty body (docs/protocols.md §g.16), ProtocolException for anything that is not a JSON object.
     */
    static JsonNode taskBody(ApiResponse response, String taskId, Instant now) {
        checkTaskAnswer(response, taskId, now);
        return object(response);
    }

    static NotFoundException notFound(ApiResponse response, String taskId) {
        return new NotFoundException("task " + taskId + " not found (" + response.request().describe()
                + " answered HTTP " + response.status() + " with an empty body)", response.status(), null, null,
                response.requestId(), "");
    }
}
