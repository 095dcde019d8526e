package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import mockwebserver3.MockResponse;

/**
 * The task queries (docs/protocols.md §a.3, §g.16, §g.17): {@code GET /mj/task/{id}/fetch} answers the task, or
 * HTTP 200 with an empty body for an unknown id, like the open-source proxy; {@code POST
 * /mj/task/list-by-condition {ids}} answers the known tasks in the order asked, unknown ids left out.
 */
final class QueryRoutes {
    private final Simulation simulation;
    private final TaskJson json;

    QueryRoutes(Simulation simulation, TaskJson json) {
        this.simulation = simulation;
        this.json = json;
    }

    MockResponse fetch(String taskId) {
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.find(taskId);
            return task == null ? Replies.empty(200) : Replies.json(200, json.render(task, now));
        }
    }

    MockResponse list(JsonNode body) {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode given = body.get("ids");
        if (given != null && given.isArray()) {
            for (JsonNode id : given) {
                if (id.isTextual() || id.isNumber()) {
                    ids.add(id.asText().trim());
                }
            }
        }
        ArrayNode tasks = Replies.JSON.createArrayNode();
        synchronized (simulation) {
            Instant now = simulation.now();
            for (String id : ids) {
                SimTask task = simulation.find(id);
                if (task != null) {
                    tasks.add(json.render(task, now));
                }
            }
        }
        return Replies.json(200, tasks);
    }

    /**
     * CometAPI's quota query (docs/protocols.md §h.2.10), {@code GET /user/quota?key=…}: a balance of 100 USD less
     * 0.05 per task created so far, and one key without a limit.
     */
    MockResponse quota() {
        int tasks = simulation.taskCount();
        java.math.BigDecimal used = java.math.BigDecimal.valueOf(5 * (long) tasks, 2);
        ObjectNode body = Replies.JSON.createObjectNode().put("username", "simulated")
                .put("total_quota", java.math.BigDecimal.valueOf(100).subtract(used)).put("total_used_quota", used)
                .put("request_count", tasks);
        body.putArray("keys").addObject().put("name", "simulated").put("remain_quota", -1).put("used_quota", used);
        return Replies.json(200, body);
    }
}
