package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.model.Speed;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * JourneyAPI's Midjourney API (docs/protocols.md §e) under {@code /api/v1}, every route a {@code POST} with a JSON
 * body: {@code /imagine} (endpoint {@link Endpoint#IMAGINE}), {@code /reroll}, {@code /upscale-1x} and
 * {@code /variations} ({@link Endpoint#ACTION}), {@code /fetch} ({@link Endpoint#FETCH}). Submits answer
 * {@code {"task_id": "<uuid>"}}; errors are {@code {"error": "…"}} with HTTP 400 (a missing or bad field, a parent
 * the route cannot act on), 404 (an unknown task) or 429 (the queue is full); a bad key is HTTP 401 with body
 * {@code {}}. There are no tiers: every job takes the FAST duration. A banned word is accepted and the task fails.
 */
final class JourneyRoutes implements ApiRoutes {
    private static final Set<String> FOLLOW_UPS = Set.of("reroll", "upscale-1x", "variations", "upscale-alt",
            "upscale-2x-4x", "pan", "outpaint", "inpaint");
    private static final Set<String> DIRECTIONS = Set.of("left", "right", "up", "down");
    private static final Set<String> INDEXES = Set.of("1", "2", "3", "4");

    private final Simulation simulation;
    private final JourneyJson json;
    private final PromptRules rules;
    private final Jobs jobs;

    JourneyRoutes(Simulation simulation, ServerConfig config, JourneyJson json) {
        this.simulation = simulation;
        this.json = json;
        this.rules = new PromptRules(config.bannedWords());
        this.jobs = new Jobs(simulation, config);
    }

    @Override
    public RequestPath parse(String encodedPath) {
        List<String> segments = RequestPath.segments(encodedPath);
        if (segments.size() != 3 || !segments.get(0).equals("api") || !segments.get(1).equals("v1")) {
            return RequestPath.image(encodedPath);
        }
        String verb = segments.get(2);
        if (verb.equals("imagine")) {
            return RequestPath.of(Endpoint.IMAGINE, List.of());
        }
        if (verb.equals("fetch")) {
            return RequestPath.of(Endpoint.FETCH, List.of());
        }
        if (verb.equals("account")) {
            return RequestPath.of(Endpoint.BALANCE, List.of());
        }
        if (verb.equals("describe")) {
            return RequestPath.of(Endpoint.DESCRIBE, List.of());
        }
        if (verb.equals("blend")) {
            return RequestPath.of(Endpoint.BLEND, List.of());
        }
        if (verb.equals("imagine-video") || verb.equals("extend-video")) {
            return RequestPath.of(Endpoint.VIDEO, List.of(verb));
        }
        return FOLLOW_UPS.contains(verb) ? RequestPath.of(Endpoint.ACTION, List.of(verb)) : RequestPath.other();
    }

    @Override
    public MockResponse unserved(RequestPath path, String where, Instant now) {
        return path.endpoint() == Endpoint.OTHER ? error(404, "Not found: " + where) : null;
    }

    @Override
    public MockResponse unauthorized() {
        return Replies.json(401, Replies.JSON.createObjectNode());
    }

    @Override
    public MockResponse answer(RecordedRequest request, RequestPath path, Instant now) {
        if (path.endpoint() == Endpoint.BALANCE) {
            if (!request.getMethod().equals("GET")) {
                return error(405, "Method not allowed: use GET");
            }
            int tasks = simulation.taskCount();
            return Replies.json(200, Replies.JSON.createObjectNode().put("email", "simulated@journeyapi.example")
                    .put("credits", Math.max(0, 1000 - 4 * tasks)).put("total_images", 4 * tasks)
                    .put("plan", "simulated"));
        }
        if (!request.getMethod().equals("POST")) {
            return error(405, "Method not allowed: use POST");
        }
        JsonNode body = Replies.jsonObject(request.getBody());
        if (body == null) {
            return error(400, "The request body must be a JSON object");
        }
        switch (path.endpoint()) {
            case IMAGINE:
                return imagine(body);
            case FETCH:
                return fetch(body);
            case DESCRIBE:
                return describe(body);
            case BLEND:
                return blend(body);
            case VIDEO:
                return video(path.params().get(0), body);
            default:
                return followUp(path.params().get(0), body);
        }
    }

    @Override
    public MockResponse failed(String where, Instant now) {
        return error(500, "Internal server error");
    }

    private MockResponse fetch(JsonNode body) {
        String taskId = Fields.nonBlank(body, "task_id");
        if (taskId == null) {
            return error(400, "task_id is required");
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.find(taskId);
            return task == null ? error(404, "Task not found") : Replies.json(200, json.render(task, now));
        }
    }

    /** {@code /describe {image_url (public), webhook_url?, webhook_secret?}}: a finished task has {@code content}[4]. */
    private MockResponse describe(JsonNode body) {
        String image = Fields.nonBlank(body, "image_url");
        if (image == null || !Fields.httpUrl(image)) {
            return error(400, "image_url is required and must be an http(s) URL");
        }
        MockResponse badHook = checkWebhook(body);
        if (badHook != null) {
            return badHook;
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.create(now);
            task.action = "DESCRIBE";
            task.shape = Shape.GRID;
            task.prompt = image;
            task.described = Descriptions.of(image);
            return admit(task, body, now);
        }
    }

    /** {@code /blend {image_urls 2–5 public URLs, dimension square|portrait|landscape, webhook_url?, …}}. */
    private MockResponse blend(JsonNode body) {
        List<String> images = Fields.strings(body.get("image_urls"));
        if (images.size() < 2 || images.size() > 5 || !images.stream().allMatch(Fields::httpUrl)) {
            return error(400, "image_urls must hold 2 to 5 http(s) URLs");
        }
        String dimension = Fields.nonBlank(body, "dimension");
        String ratio = dimension == null ? "1:1" : switch (dimension) {
            case "portrait" -> "2:3";
            case "square" -> "1:1";
            case "landscape" -> "3:2";
            default -> null;
        };
        if (ratio == null) {
            return error(400, "dimension must be square, portrait or landscape");
        }
        MockResponse badHook = checkWebhook(body);
        if (badHook != null) {
            return badHook;
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.create(now);
            task.action = "BLEND";
            task.shape = Shape.GRID;
            task.prompt = String.join(" ", images) + " --ar " + ratio;
            return admit(task, body, now);
        }
    }

    /**
     * {@code /imagine-video {prompt, image_url (public), motion low|high?, webhook_url?, webhook_secret?}} →
     * {@code task_type: imagine-video}; {@code /extend-video {parent_task_id, index "1".."4", prompt, motion?, …}}
     * on a finished video → {@code imagine-video-extend}. Both finish with four {@code video_urls}
     * (docs/protocols.md §h.2.7).
     */
    private MockResponse video(String route, JsonNode body) {
        String prompt = Fields.nonBlank(body, "prompt");
        if (prompt == null) {
            return error(400, "prompt is required");
        }
        String motion = Fields.nonBlank(body, "motion");
        if (motion != null && !motion.equals("low") && !motion.equals("high")) {
            return error(400, "motion must be low or high");
        }
        MockResponse badHook = checkWebhook(body);
        if (badHook != null) {
            return badHook;
        }
        boolean extend = route.equals("extend-video");
        String image = Fields.nonBlank(body, "image_url");
        if ((!extend || image != null) && (image == null || !Fields.httpUrl(image))) {
            return error(400, "image_url is required and must be an http(s) URL");
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task;
            if (extend) {
                String parentId = Fields.nonBlank(body, "parent_task_id");
                JsonNode index = body.get("index");
                if (parentId == null) {
                    return error(400, "parent_task_id is required");
                }
                if (index == null || !index.isTextual() || !INDEXES.contains(index.textValue())) {
                    return error(400, "index must be one of \"1\", \"2\", \"3\", \"4\"");
                }
                SimTask parent = simulation.find(parentId);
                if (parent == null) {
                    return error(404, "Parent task not found");
                }
                String refusal = Jobs.extendRefusal(parent, Integer.parseInt(index.textValue()), now);
                if (refusal != null) {
                    return error(400, "parent_task_id: " + refusal);
                }
                task = jobs.extend(parent, Integer.parseInt(index.textValue()), prompt, now);
                task.journeyType = "imagine-video-extend";
            } else {
                task = jobs.video(image, prompt, 4, now);
                task.journeyType = "imagine-video";
            }
            return admit(task, body, now);
        }
    }

    /** {@code {prompt, model?, aspect_ratio?, image_url?, webhook_url?, webhook_secret?}}. */
    private MockResponse imagine(JsonNode body) {
        String prompt = Fields.nonBlank(body, "prompt");
        if (prompt == null) {
            return error(400, "prompt is required");
        }
        String model = Fields.nonBlank(body, "model");
        if (model != null && !model.equals("midjourney")) {
            return error(400, "model " + model + " is not simulated: only midjourney");
        }
        String image = Fields.nonBlank(body, "image_url");
        if (image != null && !Fields.httpUrl(image)) {
            return error(400, "image_url must be an http(s) URL");
        }
        MockResponse badHook = checkWebhook(body);
        if (badHook != null) {
            return badHook;
        }
        String ratio = Fields.nonBlank(body, "aspect_ratio");
        if (ratio != null && !PromptRules.parameters(prompt).containsKey("ar")) {
            prompt = prompt + " --ar " + ratio;
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.create(now);
            task.action = "IMAGINE";
            task.shape = Shape.GRID;
            task.prompt = image == null ? prompt : image + " " + prompt;
            Long seed = PromptRules.seed(task.prompt);
            if (seed != null) {
                task.seed = seed;
            }
            return admit(task, body, now);
        }
    }

    /**
     * {@code {parent_task_id, prompt?, webhook_url?, webhook_secret?}} for reroll (the parent must be a finished
     * imagine task), {@code {parent_task_id, index: "1".."4", …}} for upscale-1x and variations (the parent must be
     * a finished grid: imagine, reroll or variations).
     */
    private MockResponse followUp(String route, JsonNode body) {
        String variant = Fields.nonBlank(body, "index");
        if (route.equals("upscale-alt") || route.equals("upscale-2x-4x") || route.equals("pan") || route.equals("outpaint") || route.equals("inpaint")
                || (route.equals("variations") && ("strong".equals(variant) || "subtle".equals(variant)))) {
            return singleImage(route, body);
        }
        String parentId = Fields.nonBlank(body, "parent_task_id");
        if (parentId == null) {
            return error(400, "parent_task_id is required");
        }
        boolean reroll = route.equals("reroll");
        JsonNode index = body.get("index");
        if (!reroll && (index == null || !index.isTextual() || !INDEXES.contains(index.textValue()))) {
            return error(400, "index must be one of \"1\", \"2\", \"3\", \"4\"");
        }
        MockResponse badHook = checkWebhook(body);
        if (badHook != null) {
            return badHook;
        }
        String prompt = reroll ? Fields.nonBlank(body, "prompt") : null;
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask parent = simulation.find(parentId);
            if (parent == null) {
                return error(404, "Parent task not found");
            }
            boolean finished = Timeline.at(parent, now).status().equals("SUCCESS");
            if (reroll && (!finished || !parent.action.equals("IMAGINE"))) {
                return error(400, "parent_task_id must reference a completed /imagine task (got a "
                        + JourneyJson.taskType(parent.action) + " task, " + json.render(parent, now).path("status")
                        .asText() + ")");
            }
            if (!reroll && (!finished || parent.shape != Shape.GRID)) {
                return error(400, "parent_task_id must reference a completed grid task (imagine, reroll or"
                        + " variations)");
            }
            SimTask task;
            if (reroll) {
                task = jobs.derive(parent, "REROLL", Shape.GRID, parent.quadrant, now);
                if (prompt != null) {
                    task.prompt = prompt;
                }
                Long seed = PromptRules.seed(task.prompt);
                if (seed != null) {
                    task.seed = seed;
                }
            } else if (route.equals("upscale-1x")) {
                task = jobs.derive(parent, "UPSCALE", Shape.UPSCALE, Integer.parseInt(index.textValue()), now);
            } else {
                task = jobs.derive(parent, "VARIATION", Shape.GRID, parent.quadrant, now);
            }
            return admit(task, body, now);
        }
    }

    /**
     * The follow-ups on an upscale-1x (docs/protocols.md §h.2.9): {@code /upscale-alt {type: subtle|creative}} →
     * {@code upscale-subtle|creative} (one image), {@code /variations {index: strong|subtle}} → a variations grid,
     * {@code /pan {direction}} → {@code pan-<direction>} (a grid of four), {@code /outpaint {zoom_ratio}} →
     * {@code outpaint-<ratio>}, {@code /inpaint {mask, prompt?}} → {@code inpaint} (Apiframe's shapes, assumed).
     */
    private MockResponse singleImage(String route, JsonNode body) {
        String parentId = Fields.nonBlank(body, "parent_task_id");
        if (parentId == null) {
            return error(400, "parent_task_id is required");
        }
        String value = switch (route) {
            case "upscale-alt", "upscale-2x-4x" -> Fields.nonBlank(body, "type");
            case "pan" -> Fields.nonBlank(body, "direction");
            case "outpaint" -> zoomRatio(body.get("zoom_ratio"));
            case "inpaint" -> Fields.nonBlank(body, "mask");
            default -> Fields.nonBlank(body, "index");
        };
        if (route.equals("upscale-alt") && !("subtle".equals(value) || "creative".equals(value))) {
            return error(400, "type must be subtle or creative");
        }
        if (route.equals("upscale-2x-4x") && !("2x".equals(value) || "4x".equals(value))) {
            return error(400, "type must be 2x or 4x");
        }
        if (route.equals("pan") && (value == null || !DIRECTIONS.contains(value))) {
            return error(400, "direction must be up, down, left or right");
        }
        if (route.equals("outpaint") && value == null) {
            return error(400, "zoom_ratio must be 1.5, 2, or a number in (1, 2]");
        }
        if (route.equals("inpaint") && (value == null || (Fields.dataUrl(value) == null && !Fields.httpUrl(value)))) {
            return error(400, "mask is required: a base64 PNG (data:image/png;base64,…), white where to repaint");
        }
        MockResponse badHook = checkWebhook(body);
        if (badHook != null) {
            return badHook;
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask parent = simulation.find(parentId);
            if (parent == null) {
                return error(404, "Parent task not found");
            }
            if (!Timeline.at(parent, now).status().equals("SUCCESS") || !parent.action.equals("UPSCALE")) {
                return error(400, "parent_task_id must reference a completed upscale-1x task");
            }
            SimTask task;
            if (route.equals("upscale-alt") || route.equals("upscale-2x-4x")) {
                task = jobs.derive(parent, "UPSCALE_HD", Shape.UPSCALE_HD, parent.quadrant, now);
                task.journeyType = "upscale-" + value;
            } else if (route.equals("pan")) {
                task = jobs.derive(parent, "PAN", Shape.GRID, parent.quadrant, now);
                task.journeyType = "pan-" + value;
            } else if (route.equals("outpaint")) {
                task = jobs.derive(parent, "ZOOM", Shape.GRID, parent.quadrant, now);
                task.journeyType = "outpaint-" + value;
            } else if (route.equals("inpaint")) {
                task = jobs.derive(parent, "VARIATION", Shape.GRID, parent.quadrant, now);
                task.journeyType = "inpaint";
                String prompt = Fields.nonBlank(body, "prompt");
                if (prompt != null) {
                    task.prompt = prompt;
                }
            } else {
                task = jobs.derive(parent, "VARIATION", Shape.GRID, parent.quadrant, now);
            }
            return admit(task, body, now);
        }
    }

    /** {@code zoom_ratio} as a number or a numeric string in (1, 2], written plainly ({@code 1.5}, {@code 2}); else null. */
    private static String zoomRatio(JsonNode ratio) {
        if (ratio == null || !(ratio.isNumber() || ratio.isTextual())) {
            return null;
        }
        try {
            java.math.BigDecimal value = new java.math.BigDecimal(ratio.asText().trim());
            boolean inRange = value.compareTo(java.math.BigDecimal.ONE) > 0
                    && value.compareTo(java.math.BigDecimal.valueOf(2)) <= 0;
            return inRange ? value.stripTrailingZeros().toPlainString() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static MockResponse checkWebhook(JsonNode body) {
        String hook = Fields.nonBlank(body, "webhook_url");
        if (hook != null && !Fields.httpUrl(hook)) {
            return error(400, "webhook_url must be an http(s) URL");
        }
        JsonNode secret = body.get("webhook_secret");
        if (secret != null && !secret.isNull() && !secret.isTextual()) {
            return error(400, "webhook_secret must be a string");
        }
        return null;
    }

    private MockResponse admit(SimTask task, JsonNode body, Instant now) {
        task.mode = Speed.FAST;
        task.notifyHook = Fields.nonBlank(body, "webhook_url");
        task.webhookSecret = task.notifyHook == null ? null : Fields.text(body, "webhook_secret");
        String word = rules.bannedWord(task.prompt);
        if (word != null) {
            task.failReason = "Banned prompt: the prompt contains the banned word \"" + word + "\"";
        }
        if (jobs.admit(task, now) == Slots.REFUSED) {
            return error(429, "Too many tasks in progress: try again later");
        }
        return Replies.json(200, Replies.JSON.createObjectNode().put("task_id", task.id));
    }

    private static MockResponse error(int status, String message) {
        return Replies.json(status, Replies.JSON.createObjectNode().put("error", message));
    }
}
