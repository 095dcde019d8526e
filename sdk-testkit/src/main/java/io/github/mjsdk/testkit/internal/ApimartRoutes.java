package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * apimart's API (docs/protocols.md §d) at the server's root: {@code POST /v1/midjourney/generations} (also
 * {@code /generations/imagine}), the follow-ups {@code /generations/{reroll|upscale|variation|high-variation|
 * low-variation|pan|zoom|inpaint}} (endpoint {@link Endpoint#ACTION}), {@code /generations/modal}, and the two
 * queries {@code GET /v1/midjourney/{id}} and {@code GET /v1/tasks/{id}} (endpoint {@link Endpoint#FETCH}). Errors
 * are JSON {@code {code, message}}; a bad key is HTTP 401 {@code {"code":401,"message":…}}.
 */
final class ApimartRoutes implements ApiRoutes {
    private static final Set<String> FOLLOW_UPS = Set.of("reroll", "upscale", "variation", "high-variation",
            "low-variation", "pan", "zoom", "inpaint");

    private final Simulation simulation;
    private final ApimartJson json;
    private final ApimartSubmits submits;

    ApimartRoutes(Simulation simulation, ServerConfig config, String root) {
        this.simulation = simulation;
        this.json = new ApimartJson(root);
        this.submits = new ApimartSubmits(simulation, config, root);
    }

    @Override
    public RequestPath parse(String encodedPath) {
        List<String> segments = RequestPath.segments(encodedPath);
        if (segments.size() < 3 || !segments.get(0).equals("v1")) {
            return RequestPath.image(encodedPath);
        }
        String area = segments.get(1);
        if (area.equals("user") && segments.size() == 3 && segments.get(2).equals("balance")) {
            return RequestPath.of(Endpoint.BALANCE, List.of());
        }
        if (area.equals("tasks") && segments.size() == 3) {
            return RequestPath.of(Endpoint.FETCH, List.of("tasks", segments.get(2)));
        }
        if (!area.equals("midjourney")) {
            return RequestPath.other();
        }
        String third = segments.get(2);
        if (segments.size() == 3) {
            return third.equals("generations") ? RequestPath.of(Endpoint.IMAGINE, List.of())
                    : RequestPath.of(Endpoint.FETCH, List.of("midjourney", third));
        }
        if (segments.size() == 4 && third.equals("generations")) {
            String verb = segments.get(3);
            if (verb.equals("imagine")) {
                return RequestPath.of(Endpoint.IMAGINE, List.of());
            }
            if (verb.equals("modal")) {
                return RequestPath.of(Endpoint.MODAL, List.of());
            }
            if (verb.equals("describe")) {
                return RequestPath.of(Endpoint.DESCRIBE, List.of());
            }
            if (verb.equals("blend")) {
                return RequestPath.of(Endpoint.BLEND, List.of());
            }
            if (verb.equals("video")) {
                return RequestPath.of(Endpoint.VIDEO, List.of());
            }
            if (FOLLOW_UPS.contains(verb)) {
                return RequestPath.of(Endpoint.ACTION, List.of(verb));
            }
        }
        return RequestPath.other();
    }

    @Override
    public MockResponse unserved(RequestPath path, String where, Instant now) {
        return path.endpoint() == Endpoint.OTHER ? error(404, 404, "no route " + where) : null;
    }

    @Override
    public MockResponse unauthorized() {
        return error(401, 401, "invalid or missing API key (Authorization: Bearer <token>)");
    }

    @Override
    public MockResponse answer(RecordedRequest request, RequestPath path, Instant now) {
        String method = request.getMethod();
        if (path.endpoint() == Endpoint.BALANCE) {
            if (!method.equals("GET")) {
                return error(405, 405, "method " + method + " not allowed");
            }
            int tasks = simulation.taskCount();
            return Replies.json(200, Replies.JSON.createObjectNode().put("success", true)
                    .put("remain_balance", new java.math.BigDecimal("100.00").subtract(
                            new java.math.BigDecimal("0.05").multiply(java.math.BigDecimal.valueOf(tasks))))
                    .put("used_balance", new java.math.BigDecimal("0.05").multiply(java.math.BigDecimal.valueOf(tasks)))
                    .put("unlimited_quota", false));
        }
        if (path.endpoint() == Endpoint.FETCH) {
            return method.equals("GET") ? query(path.params().get(0), path.params().get(1))
                    : error(405, 405, "method " + method + " not allowed");
        }
        if (!method.equals("POST")) {
            return error(405, 405, "method " + method + " not allowed");
        }
        JsonNode body = Replies.jsonObject(request.getBody());
        if (body == null) {
            return error(400, 4, "the request body must be a JSON object");
        }
        switch (path.endpoint()) {
            case IMAGINE:
                return submits.imagine(body);
            case MODAL:
                return submits.modal(body);
            case DESCRIBE:
                return submits.describe(body);
            case BLEND:
                return submits.blend(body);
            case VIDEO:
                return submits.video(body);
            default:
                return submits.followUp(path.params().get(0), body);
        }
    }

    @Override
    public MockResponse failed(String where, Instant now) {
        return error(500, 500, "internal error on " + where);
    }

    private MockResponse query(String flavour, String taskId) {
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.find(taskId);
            if (flavour.equals("midjourney")) {
                return task == null ? error(404, 3, "task " + taskId + " not found")
                        : Replies.json(200, json.detailed(task, now));
            }
            if (task == null) {
                return error(404, 404, "task " + taskId + " not found");
            }
            return Replies.json(200, Replies.JSON.createObjectNode().put("code", 200)
                    .set("data", json.unified(task, now)));
        }
    }

    /** An error answer: {@code {"code": code, "message": message}} with an HTTP status. */
    static MockResponse error(int httpStatus, int code, String message) {
        return Replies.json(httpStatus, Replies.JSON.createObjectNode().put("code", code).put("message", message));
    }
}
