package io.github.mjsdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.error.NotFoundException;
import java.io.IOException;

/** Body reading shared by the dialects: JSON or a typed ProtocolException, and the empty-body not-found. */
final class DialectBodies {
    private DialectBodies() {
    }

    static JsonNode object(ApiResponse response) {
        JsonNode body = parse(response);
        if (!body.isObject()) {
            throw ErrorMapper.notProtocol(response, "JSON that is not an object", null);
        }
        return body;
    }

    static JsonNode parse(ApiResponse response) {
        if (response.isEmpty()) {
            throw ErrorMapper.notProtocol(response, "an empty body", null);
        }
        try {
            JsonNode node = Json.MAPPER.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw ErrorMapper.notProtocol(response, "an empty body", null);
            }
            return node;
        } catch (IOException e) {
            String start = response.excerpt().stripLeading();
            String what = start.startsWith("<") ? "an HTML page instead of JSON" : "malformed or truncated JSON";
            throw ErrorMapper.notProtocol(response, what, e);
        }
    }

    static NotFoundException notFound(ApiResponse response, String taskId) {
        return new NotFoundException("task " + taskId + " not found (" + response.request().describe()
                + " answered HTTP " + response.status() + " with an empty body)", response.status(), null, null,
                response.requestId(), "");
    }
}
