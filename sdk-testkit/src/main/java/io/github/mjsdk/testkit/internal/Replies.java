package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import mockwebserver3.MockResponse;
import okio.Buffer;
import okio.ByteString;

/** The HTTP answers the simulator sends: JSON, empty bodies, PNGs, and Spring Boot's error JSON. */
final class Replies {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SPRING_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

    private Replies() {
    }

    /** A request body as a JSON object; null when it is empty, not JSON, or not an object. */
    static JsonNode jsonObject(ByteString body) {
        if (body == null || body.size() == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body.utf8());
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    static MockResponse json(int status, Object body) {
        try {
            return new MockResponse.Builder().code(status)
                    .setHeader("Content-Type", "application/json")
                    .body(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserialisable answer", e);
        }
    }

    /** A status with {@code Content-Length: 0}: the 401 of the proxy, the fetch of an unknown task. */
    static MockResponse empty(int status) {
        return new MockResponse.Builder().code(status).body("").build();
    }

    static MockResponse bytes(String contentType, byte[] body) {
        return new MockResponse.Builder().code(200)
                .setHeader("Content-Type", contentType)
                .setHeader("Cache-Control", "public, max-age=86400")
                .body(new Buffer().write(body))
                .build();
    }

    /**
     * Spring Boot's default error body, e.g. {@code {"timestamp":"…","status":404,"error":"Not Found","path":"…"}},
     * as the open-source proxy answers a route it does not have (docs/protocols.md, "Observed behaviour of novicezk/midjourney-proxy v2.6.3").
     */
    static MockResponse springError(int status, String path, Instant now) {
        ObjectNode body = JSON.createObjectNode()
                .put("timestamp", SPRING_TIME.format(now))
                .put("status", status)
                .put("error", reason(status))
                .put("path", path);
        return json(status, body);
    }

    /**
     * The HTML 404 page the servlet container (Tomcat) answers for a path outside the open-source proxy's context
     * path {@code /mj}, such as {@code /mj-turbo/mj/submit/imagine}: the request never reaches Spring, so no JSON.
     */
    static MockResponse tomcatNotFound(String path) {
        String page = "<!doctype html><html lang=\"en\"><head><title>HTTP Status 404 \u2013 Not Found</title></head>"
                + "<body><h1>HTTP Status 404 \u2013 Not Found</h1><hr class=\"line\" /><p><b>Type</b> Status Report</p>"
                + "<p><b>Description</b> No resource at " + path.replace("<", "&lt;") + ".</p><hr class=\"line\" />"
                + "<h3>Apache Tomcat</h3></body></html>";
        return new MockResponse.Builder().code(404)
                .setHeader("Content-Type", "text/html;charset=utf-8")
                .setHeader("Content-Language", "en")
                .body(page)
                .build();
    }

    private static String reason(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            default:
                return "Internal Server Error";
        }
    }
}
