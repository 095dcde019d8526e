package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mjsdk.model.Speed;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;

/**
 * apimart's submits (docs/protocols.md §d). Every one answers {@code {"code":200,"data":[{"status":"submitted",
 * "task_id":"task_…"}]}} ({@code "modal"} for a task parked for {@code /generations/modal}); {@code speed} is
 * relax (the default), fast or turbo, else a {@code --fast}/{@code --relax}/{@code --turbo} flag of the prompt.
 * Refusals: HTTP 400 + code 4 (a missing or bad field, a parent not in SUCCESS state, a parent the route cannot
 * act on), HTTP 404 + code 3 (an unknown task), HTTP 502 + code 9 ("Service rejected": the queue is full). A banned
 * word is accepted and the task ends in FAILURE, as Midjourney's own moderation does.
 */
final class ApimartSubmits {
    /** The buttons each follow-up route may click, by their effect. */
    private static final Map<String, Set<ActionKind>> KINDS = Map.of(
            "reroll", EnumSet.of(ActionKind.REROLL),
            "upscale", EnumSet.of(ActionKind.UPSCALE),
            "variation", EnumSet.of(ActionKind.VARIATION),
            "high-variation", EnumSet.of(ActionKind.VARY),
            "low-variation", EnumSet.of(ActionKind.VARY),
            "pan", EnumSet.of(ActionKind.PAN),
            "zoom", EnumSet.of(ActionKind.ZOOM_OUT, ActionKind.CUSTOM_ZOOM),
            "inpaint", EnumSet.of(ActionKind.VARY_REGION));
    private static final Set<String> REROLLABLE = Set.of("IMAGINE", "REROLL");
    private static final Map<String, Speed> SPEEDS = Map.of("relax", Speed.RELAX, "fast", Speed.FAST, "turbo",
            Speed.TURBO);

    private final Simulation simulation;
    private final PromptRules rules;
    private final Jobs jobs;
    private final String root;

    ApimartSubmits(Simulation simulation, ServerConfig config, String root) {
        this.simulation = simulation;
        this.rules = new PromptRules(config.bannedWords());
        this.jobs = new Jobs(simulation, config);
        this.root = root;
    }

    /** {@code POST /v1/midjourney/generations {prompt, speed?, image_urls?, niji?, metadata?}}. */
    /**
     * {@code /generations/describe {image_urls: [one URL or data URL], speed?}} (docs/protocols.md §h.2.1); the
     * finished task's {@code prompt} holds four numbered lines.
     */
    MockResponse describe(JsonNode body) {
        List<String> images = Fields.strings(body.get("image_urls"));
        if (images.size() != 1 || (!Fields.httpUrl(images.get(0)) && Fields.dataUrl(images.get(0)) == null)) {
            return ApimartRoutes.error(400, 4, "image_urls must hold exactly one http(s) URL or data:image base64 URL");
        }
        if (!speedValid(body)) {
            return ApimartRoutes.error(400, 4, "speed must be relax, fast or turbo");
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.create(now);
            task.action = "DESCRIBE";
            task.shape = Shape.GRID;
            task.prompt = "";
            task.described = Descriptions.of(images.get(0).trim());
            task.mode = speed(body, "", Speed.RELAX);
            return admit(task, now);
        }
    }

    /**
     * {@code /generations/blend {image_urls: 2–4 URLs or data URLs, dimensions?, speed?}} (docs/protocols.md
     * §h.2.2): a grid with buttons.
     */
    MockResponse blend(JsonNode body) {
        List<String> images = Fields.strings(body.get("image_urls"));
        if (images.size() < 2 || images.size() > 4) {
            return ApimartRoutes.error(400, 4, "image_urls must hold 2 to 4 images");
        }
        for (String image : images) {
            if (!Fields.httpUrl(image) && Fields.dataUrl(image) == null) {
                return ApimartRoutes.error(400, 4, "image_urls must hold http(s) URLs or data:image base64 URLs");
            }
        }
        String dimensions = Fields.nonBlank(body, "dimensions");
        String ratio = dimensions == null ? "1:1" : switch (dimensions) {
            case "PORTRAIT" -> "2:3";
            case "SQUARE" -> "1:1";
            case "LANDSCAPE" -> "3:2";
            default -> null;
        };
        if (ratio == null) {
            return ApimartRoutes.error(400, 4, "dimensions must be PORTRAIT, SQUARE or LANDSCAPE");
        }
        if (!speedValid(body)) {
            return ApimartRoutes.error(400, 4, "speed must be relax, fast or turbo");
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.create(now);
            StringBuilder links = new StringBuilder();
            for (int i = 0; i < images.size(); i++) {
                String image = images.get(i).trim();
                Simulation.Attachment upload = Fields.dataUrl(image);
                if (upload != null) {
                    String name = task.id + "-" + (i + 1) + "." + upload.contentType().substring(6);
                    simulation.attach(name, upload);
                    image = root + "/mj/attachments/" + name;
                }
                links.append(image).append(' ');
            }
            task.action = "BLEND";
            task.shape = Shape.GRID;
            task.prompt = links + "--ar " + ratio;
            task.mode = speed(body, "", Speed.RELAX);
            return admit(task, now);
        }
    }

    /**
     * {@code /generations/video} (docs/protocols.md §h.2.7): {@code image_urls} [one URL or data URL] <em>or</em>
     * {@code task_id} (a SUCCESS grid) + {@code index} 0–3, {@code motion} low|high (high by default),
     * {@code batch_size} 1|2|4 (1 by default), {@code end_url?}, {@code prompt?}. Always fast, whatever
     * {@code speed} says. The finished task has {@code video_urls} (MJ-style view) and {@code result.videos}
     * (unified view).
     */
    MockResponse video(JsonNode body) {
        List<String> images = Fields.strings(body.get("image_urls"));
        String taskId = Fields.nonBlank(body, "task_id");
        if (images.isEmpty() == (taskId == null)) {
            return ApimartRoutes.error(400, 4, "give either image_urls (one image) or task_id with index");
        }
        if (!images.isEmpty() && (images.size() != 1
                || (!Fields.httpUrl(images.get(0)) && Fields.dataUrl(images.get(0)) == null))) {
            return ApimartRoutes.error(400, 4, "image_urls must hold exactly one http(s) URL or data:image base64 URL");
        }
        String motion = Fields.nonBlank(body, "motion");
        if (motion != null && !motion.equals("low") && !motion.equals("high")) {
            return ApimartRoutes.error(400, 4, "motion must be low or high");
        }
        JsonNode batch = body.get("batch_size");
        int clips = batch == null || batch.isNull() ? 1 : batch.isInt() ? batch.intValue() : 0;
        if (clips != 1 && clips != 2 && clips != 4) {
            return ApimartRoutes.error(400, 4, "batch_size must be 1, 2 or 4");
        }
        String end = Fields.nonBlank(body, "end_url");
        if (end != null && !Fields.httpUrl(end) && Fields.dataUrl(end) == null) {
            return ApimartRoutes.error(400, 4, "end_url must be an http(s) URL or data:image base64 URL");
        }
        if (!speedValid(body)) {
            return ApimartRoutes.error(400, 4, "speed must be relax, fast or turbo");
        }
        String prompt = Fields.nonBlank(body, "prompt");
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task;
            if (taskId != null) {
                JsonNode index = body.get("index");
                if (index == null || !index.isInt() || index.intValue() < 0 || index.intValue() > 3) {
                    return ApimartRoutes.error(400, 4, "index must be 0 to 3 with task_id");
                }
                SimTask parent = simulation.find(taskId);
                if (parent == null) {
                    return ApimartRoutes.error(404, 3, "task " + taskId + " not found");
                }
                if (!Timeline.at(parent, now).status().equals("SUCCESS") || parent.shape != Shape.GRID) {
                    return ApimartRoutes.error(400, 4, "task " + taskId + " must be a grid in SUCCESS state");
                }
                task = jobs.derive(parent, "VIDEO", Shape.VIDEO, index.intValue() + 1, now);
                task.clips = clips;
                if (prompt != null) {
                    task.prompt = prompt;
                }
            } else {
                String frame = images.get(0).trim();
                Simulation.Attachment upload = Fields.dataUrl(frame);
                if (upload != null) {
                    String name = "video-" + simulation.taskCount() + "." + upload.contentType().substring(6);
                    simulation.attach(name, upload);
                    frame = root + "/mj/attachments/" + name;
                }
                task = jobs.video(frame, prompt, clips, now);
            }
            task.mode = Speed.FAST;
            return admit(task, now);
        }
    }

    MockResponse imagine(JsonNode body) {
        String prompt = Fields.nonBlank(body, "prompt");
        if (prompt == null) {
            return ApimartRoutes.error(400, 4, "prompt is required");
        }
        if (!speedValid(body)) {
            return ApimartRoutes.error(400, 4, "speed must be relax, fast or turbo");
        }
        JsonNode imageUrls = body.get("image_urls");
        if (imageUrls != null && !imageUrls.isNull() && !imageUrls.isArray()) {
            return ApimartRoutes.error(400, 4, "image_urls must be an array of URLs or base64 images");
        }
        List<String> images = Fields.strings(imageUrls);
        for (String image : images) {
            if (!Fields.httpUrl(image) && Fields.dataUrl(image) == null) {
                return ApimartRoutes.error(400, 4, "image_urls must hold http(s) URLs or data:image base64 URLs");
            }
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.create(now);
            StringBuilder links = new StringBuilder();
            for (int i = 0; i < images.size(); i++) {
                String image = images.get(i).trim();
                Simulation.Attachment upload = Fields.dataUrl(image);
                if (upload != null) {
                    String name = task.id + "-" + (i + 1) + "." + upload.contentType().substring(6);
                    simulation.attach(name, upload);
                    image = root + "/mj/attachments/" + name;
                }
                links.append(image).append(' ');
            }
            task.action = "IMAGINE";
            task.shape = Shape.GRID;
            task.prompt = links + prompt;
            task.botType = Fields.bool(body, "niji") ? "NIJI_JOURNEY" : "MID_JOURNEY";
            task.mode = speed(body, task.prompt, Speed.RELAX);
            Long seed = PromptRules.seed(task.prompt);
            if (seed != null) {
                task.seed = seed;
            }
            return admit(task, now);
        }
    }

    /**
     * A follow-up on a finished task: {@code {task_id, custom_id?, index?, speed?}}. Without {@code custom_id},
     * reroll picks the parent's button containing {@code ::reroll::} or showing 🔄, and upscale and variation take
     * {@code index} 1–4; the other routes need {@code custom_id}. Reroll is refused on anything but an imagine or
     * reroll grid, and creates a task whose action is {@code REROLL}.
     */
    MockResponse followUp(String route, JsonNode body) {
        String taskId = Fields.nonBlank(body, "task_id");
        if (taskId == null) {
            return ApimartRoutes.error(400, 4, "task_id is required for " + route);
        }
        if (!speedValid(body)) {
            return ApimartRoutes.error(400, 4, "speed must be relax, fast or turbo");
        }
        String customId = Fields.nonBlank(body, "custom_id");
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask parent = simulation.find(taskId);
            if (parent == null) {
                return ApimartRoutes.error(404, 3, "task " + taskId + " not found");
            }
            if (!Timeline.at(parent, now).status().equals("SUCCESS")) {
                return ApimartRoutes.error(400, 4, "task " + taskId + " is not in SUCCESS state");
            }
            if (route.equals("reroll") && (!REROLLABLE.contains(parent.action) || parent.shape != Shape.GRID)) {
                return ApimartRoutes.error(400, 4, "task " + taskId + " (" + parent.action + ") cannot be rerolled:"
                        + " only an imagine grid or a reroll grid can");
            }
            Clicked clicked = button(route, parent, customId, body);
            if (clicked.refusal() != null) {
                return clicked.refusal();
            }
            Buttons.Spec button = clicked.button();
            ActionKind kind = button.kind();
            String action = kind == ActionKind.REROLL ? "REROLL" : kind.actionFrom(parent);
            SimTask task = jobs.derive(parent, action, kind.shape,
                    kind == ActionKind.UPSCALE ? button.index() : parent.quadrant, now);
            task.customId = button.customId();
            task.mode = speed(body, task.prompt, Speed.RELAX);
            if (kind.alwaysModal) {
                task.modal = true;
                task.modalKind = kind;
                simulation.store(task);
                return submitted(task.id, "modal");
            }
            return admit(task, now);
        }
    }

    /** The parent's button a follow-up clicks, or the refusal when there is none it may click. */
    private static Clicked button(String route, SimTask parent, String customId, JsonNode body) {
        if (customId != null) {
            Buttons.Spec button = Buttons.find(parent, customId).orElse(null);
            return button != null && KINDS.get(route).contains(button.kind()) ? new Clicked(button, null)
                    : refused("task " + parent.id + " has no " + route + " button " + customId);
        }
        if (route.equals("reroll")) {
            return Buttons.of(parent).stream().filter(b -> b.customId().contains("::reroll::")
                            || b.emoji().equals(Buttons.REROLL_EMOJI)).findFirst()
                    .map(b -> new Clicked(b, null))
                    .orElseGet(() -> refused("task " + parent.id + " has no reroll button"));
        }
        if (!route.equals("upscale") && !route.equals("variation")) {
            return refused("custom_id is required for " + route);
        }
        int index = body.path("index").asInt(0);
        if (index < 1 || index > 4) {
            return refused("index must be 1-4 for " + route);
        }
        String label = (route.equals("upscale") ? "U" : "V") + index;
        return Buttons.of(parent).stream().filter(b -> b.label().equals(label)).findFirst()
                .map(b -> new Clicked(b, null))
                .orElseGet(() -> refused("task " + parent.id + " (" + parent.action + ") has no " + label
                        + ": only a grid can be " + (route.equals("upscale") ? "upscaled" : "varied") + " by index"));
    }

    private static Clicked refused(String message) {
        return new Clicked(null, ApimartRoutes.error(400, 4, message));
    }

    /**
     * The outcome of looking for the button a follow-up clicks.
     *
     * @param button  the button, or null when refused
     * @param refusal the HTTP 400 answer, or null when found
     */
    private record Clicked(Buttons.Spec button, MockResponse refusal) {
    }

    /** {@code POST /generations/modal {task_id, prompt?, mask_url?, speed?}}: runs a task parked in MODAL. */
    MockResponse modal(JsonNode body) {
        String taskId = Fields.nonBlank(body, "task_id");
        if (taskId == null) {
            return ApimartRoutes.error(400, 4, "task_id is required for modal");
        }
        if (!speedValid(body)) {
            return ApimartRoutes.error(400, 4, "speed must be relax, fast or turbo");
        }
        String prompt = Fields.nonBlank(body, "prompt");
        String mask = Fields.nonBlank(body, "mask_url");
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.find(taskId);
            if (task == null) {
                return ApimartRoutes.error(404, 3, "task " + taskId + " not found");
            }
            if (!task.modal) {
                return ApimartRoutes.error(400, 4, "task " + taskId + " is not waiting in modal state");
            }
            String effective = prompt != null ? prompt : task.prompt;
            if (task.modalKind == ActionKind.VARY_REGION && (mask == null || (!Fields.httpUrl(mask)
                    && Fields.dataUrl(mask) == null))) {
                return ApimartRoutes.error(400, 4, "mask_url is required for inpaint: a PNG (URL or data:image"
                        + " base64), transparent background, white where to repaint");
            }
            Double zoom = PromptRules.zoom(effective);
            if (task.modalKind == ActionKind.CUSTOM_ZOOM && (zoom == null || zoom <= 1 || zoom > 2)) {
                return ApimartRoutes.error(400, 4, "a custom zoom needs --zoom 1-2 in the prompt");
            }
            task.prompt = effective;
            Long seed = PromptRules.seed(effective);
            if (seed != null && task.shape == Shape.GRID) {
                task.seed = seed;
            }
            task.mode = speed(body, effective, task.mode);
            return admit(task, now);
        }
    }

    private MockResponse admit(SimTask task, Instant now) {
        String word = rules.bannedWord(task.prompt);
        if (word != null) {
            task.failReason = "[Banned prompt] the prompt contains the banned word `" + word + "`";
        }
        if (jobs.admit(task, now) == Slots.REFUSED) {
            return ApimartRoutes.error(502, 9, "Service rejected: the queue is full");
        }
        return submitted(task.id, "submitted");
    }

    private static MockResponse submitted(String taskId, String status) {
        ObjectNode body = Replies.JSON.createObjectNode().put("code", 200);
        body.putArray("data").addObject().put("status", status).put("task_id", taskId);
        return Replies.json(200, body);
    }

    private static boolean speedValid(JsonNode body) {
        JsonNode value = body.get("speed");
        return value == null || value.isNull() || SPEEDS.containsKey(value.asText().trim().toLowerCase(Locale.ROOT));
    }

    /** The {@code speed} field, else the prompt's last speed flag, else {@code otherwise}. */
    private static Speed speed(JsonNode body, String prompt, Speed otherwise) {
        String field = Fields.nonBlank(body, "speed");
        if (field != null) {
            return SPEEDS.get(field.toLowerCase(Locale.ROOT));
        }
        Speed flag = PromptRules.speedFlag(prompt);
        return flag != null ? flag : otherwise;
    }
}
