package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * A submit answer, {@code {code, description, result, properties}} (docs/protocols.md §a.5), and the HTTP status it
 * travels with (200 except for an unknown parent on the PLUS routes, §b.5).
 *
 * @param httpStatus  the HTTP status
 * @param code        the business code
 * @param description the server's text
 * @param result      the task id, or null
 * @param properties  the properties map
 */
record Envelope(int httpStatus, int code, String description, String result, Map<String, Object> properties) {

    /** Code 1, or 22 with {@code numberOfQueues} = the task's place in the queue; PLUS servers add the channel. */
    static Envelope accepted(String taskId, int queuePlace, String instanceId, boolean plus) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (queuePlace > 0) {
            properties.put("numberOfQueues", queuePlace);
        }
        properties.put("discordInstanceId", instanceId);
        if (plus) {
            properties.put("discordChannelId", instanceId);
        }
        return queuePlace > 0
                ? new Envelope(200, 22, "排队中，前面还有" + queuePlace + "个任务", taskId, properties)
                : new Envelope(200, 1, "提交成功", taskId, properties);
    }

    static Envelope modal(String taskId, String finalPrompt, String instanceId) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("finalPrompt", finalPrompt);
        properties.put("remix", true);
        properties.put("discordInstanceId", instanceId);
        return new Envelope(200, 21, "Waiting for window confirm", taskId, properties);
    }

    static Envelope invalid(String description) {
        return new Envelope(200, 4, description, null, Map.of());
    }

    static Envelope notFound(int httpStatus, String description) {
        return new Envelope(httpStatus, 3, description, null, Map.of());
    }

    static Envelope banned(String prompt, String word) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("promptEn", prompt);
        properties.put("bannedWord", word);
        return new Envelope(200, 24, "可能包含敏感词", null, properties);
    }

    static Envelope queueFull(String instanceId) {
        return new Envelope(200, 23, "队列已满，请稍后尝试", null, Map.of("discordInstanceId", instanceId));
    }

    MockResponse reply() {
        ObjectNode body = Replies.JSON.createObjectNode();
        body.put("code", code);
        body.put("description", description);
        body.put("result", result);
        body.set("properties", Replies.JSON.valueToTree(properties));
        return Replies.json(httpStatus, body);
    }
}
