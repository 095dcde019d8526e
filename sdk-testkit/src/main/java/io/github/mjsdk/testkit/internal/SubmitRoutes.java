package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.model.Speed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The submit routes (docs/protocols.md §a.4, §a.5, §a.11, §b.5): imagine, action (a button by customId), modal and
 * the open-source change. Each validates its body, creates a task and gives it a job slot, a place in the queue,
 * or a MODAL parking spot, and answers the submit envelope.
 */
final class SubmitRoutes {
    private static final Set<String> BOT_TYPES = Set.of("MID_JOURNEY", "NIJI_JOURNEY");
    private static final Set<String> CHANGE_PARENTS = Set.of("IMAGINE", "VARIATION", "REROLL", "BLEND");

    private final Simulation simulation;
    private final ServerConfig config;
    private final PromptRules rules;
    private final Notifier notifier;
    private final String baseUrl;
    private final Jobs jobs;

    SubmitRoutes(Simulation simulation, ServerConfig config, Notifier notifier, String baseUrl) {
        this.simulation = simulation;
        this.config = config;
        this.jobs = new Jobs(simulation, config);
        this.rules = new PromptRules(config.bannedWords());
        this.notifier = notifier;
        this.baseUrl = baseUrl;
    }

    Envelope imagine(JsonNode body, RequestPath path) {
        String prompt = Fields.text(body, "prompt");
        if (prompt == null || prompt.isBlank()) {
            return Envelope.invalid("prompt不能为空");
        }
        prompt = prompt.trim();
        List<String> images = Fields.strings(body.get("base64Array"));
        String single = Fields.text(body, "base64");
        if (single != null && !single.isBlank()) {
            images.add(single);
        }
        List<Simulation.Attachment> uploads = new ArrayList<>();
        for (String image : images) {
            Simulation.Attachment upload = Fields.dataUrl(image);
            if (upload == null) {
                return Envelope.invalid("base64格式错误");
            }
            uploads.add(upload);
        }
        String botType = Fields.text(body, "botType");
        botType = botType == null || botType.isBlank() ? "MID_JOURNEY" : botType.trim().toUpperCase(Locale.ROOT);
        botType = botType.equals("MJ") ? "MID_JOURNEY" : botType.equals("NIJI") ? "NIJI_JOURNEY" : botType;
        if (!BOT_TYPES.contains(botType)) {
            return Envelope.invalid("botType参数错误");
        }
        String word = rules.bannedWord(prompt);
        if (word != null) {
            return Envelope.banned(prompt, word);
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.create(now);
            StringBuilder links = new StringBuilder();
            for (int i = 0; i < uploads.size(); i++) {
                Simulation.Attachment upload = uploads.get(i);
                String name = task.id + "-" + (i + 1) + "." + upload.contentType().substring(6);
                simulation.attach(name, upload);
                links.append(baseUrl).append("/mj/attachments/").append(name).append(' ');
            }
            task.action = "IMAGINE";
            task.shape = Shape.GRID;
            task.prompt = links + prompt;
            task.description = "/imagine " + task.prompt;
            task.botType = botType;
            task.mode = firstOf(path.tier(), accountMode(body.get("accountFilter")), PromptRules.speedFlag(prompt));
            common(task, body);
            return admit(task, now);
        }
    }

    /**
     * {@code /submit/describe} (docs/protocols.md §h.2.1): {@code base64} (a data URL) or {@code link} (an http(s)
     * URL); the finished task's {@code properties.finalPrompt} holds four prompts {@code 1️⃣ …} separated by blank
     * lines, chosen from the image's bytes (or the link).
     */
    Envelope describe(JsonNode body, RequestPath path) {
        String base64 = Fields.text(body, "base64");
        String link = Fields.text(body, "link");
        Simulation.Attachment upload = null;
        if (base64 != null && !base64.isBlank()) {
            upload = Fields.dataUrl(base64);
            if (upload == null) {
                return Envelope.invalid("base64格式错误");
            }
        } else if (link == null || !Fields.httpUrl(link.trim())) {
            return Envelope.invalid("base64或link不能为空");
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.create(now);
            String name = task.id + "-describe";
            if (upload != null) {
                name += "." + upload.contentType().substring(6);
                simulation.attach(name, upload);
            }
            task.action = "DESCRIBE";
            task.shape = Shape.GRID;
            task.prompt = upload != null ? baseUrl + "/mj/attachments/" + name : link.trim();
            task.described = Descriptions.of(upload != null ? base64 : link.trim());
            task.description = "/describe " + name;
            task.mode = firstOf(path.tier(), null, null);
            common(task, body);
            return admit(task, now);
        }
    }

    /**
     * {@code /submit/blend} (docs/protocols.md §a.4, §h.2.2): {@code base64Array} with 2 to 5 data URLs and
     * {@code dimensions} PORTRAIT, SQUARE (the default) or LANDSCAPE; the result is a grid with U, V and 🔄.
     */
    Envelope blend(JsonNode body, RequestPath path) {
        List<String> images = Fields.strings(body.get("base64Array"));
        if (images.size() < 2 || images.size() > 5) {
            return Envelope.invalid("base64List参数错误");
        }
        List<Simulation.Attachment> uploads = new ArrayList<>();
        for (String image : images) {
            Simulation.Attachment upload = Fields.dataUrl(image);
            if (upload == null) {
                return Envelope.invalid("base64格式错误");
            }
            uploads.add(upload);
        }
        String dimensions = body.has("dimensions") ? Fields.text(body, "dimensions") : "SQUARE";
        String ratio = dimensions == null ? null : switch (dimensions) {
            case "PORTRAIT" -> "2:3";
            case "SQUARE" -> "1:1";
            case "LANDSCAPE" -> "3:2";
            default -> null;
        };
        if (ratio == null) {
            return Envelope.invalid("dimensions参数错误");
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.create(now);
            StringBuilder links = new StringBuilder();
            for (int i = 0; i < uploads.size(); i++) {
                Simulation.Attachment upload = uploads.get(i);
                String name = task.id + "-" + (i + 1) + "." + upload.contentType().substring(6);
                simulation.attach(name, upload);
                links.append(baseUrl).append("/mj/attachments/").append(name).append(' ');
            }
            task.action = "BLEND";
            task.shape = Shape.GRID;
            task.prompt = links + "--ar " + ratio;
            task.description = "/blend " + task.id + " " + uploads.size();
            task.mode = firstOf(path.tier(), null, null);
            common(task, body);
            return admit(task, now);
        }
    }

    /**
     * {@code /submit/shorten {prompt}} (docs/protocols.md §h.2.3): a SHORTEN task whose {@code finalPrompt} holds
     * "## Important tokens" and "## Shortened prompts" with five lines {@code 1️⃣ …} to {@code 5️⃣ …}, each dropping
     * more of the prompt's words.
     */
    Envelope shorten(JsonNode body, RequestPath path) {
        String prompt = Fields.text(body, "prompt");
        if (prompt == null || prompt.isBlank()) {
            return Envelope.invalid("prompt不能为空");
        }
        prompt = prompt.trim();
        String word = rules.bannedWord(prompt);
        if (word != null) {
            return Envelope.banned(prompt, word);
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.create(now);
            task.action = "SHORTEN";
            task.shape = Shape.GRID;
            task.prompt = prompt;
            task.described = Descriptions.shortened(prompt);
            task.description = "/shorten " + prompt;
            task.mode = firstOf(path.tier(), null, null);
            common(task, body);
            return admit(task, now);
        }
    }

    /**
     * {@code /submit/video} (docs/protocols.md §h.2.7): {@code {motion low|high (low by default), image (an http(s)
     * URL or a data URL), prompt?, endImage?, batchSize 1|2|4 (4 by default, as trueai)}} animates the image into a
     * VIDEO task; with {@code action:"extend"}, {@code {taskId, index 0–3, motion, prompt?}} continues that clip of a
     * SUCCESS video task (404 code 3 for an unknown parent). Refusals are code 4 with trueai's texts.
     */
    Envelope video(JsonNode body, RequestPath path) {
        String motion = Fields.nonBlank(body, "motion");
        if (motion != null && !motion.equals("low") && !motion.equals("high")) {
            return Envelope.invalid("motion参数错误");
        }
        String prompt = Fields.nonBlank(body, "prompt");
        String word = prompt == null ? null : rules.bannedWord(prompt);
        if (word != null) {
            return Envelope.banned(prompt, word);
        }
        String action = Fields.nonBlank(body, "action");
        if (action != null) {
            return action.equals("extend") ? extendVideo(body, path, prompt) : Envelope.invalid("任务类型错误");
        }
        String image = Fields.nonBlank(body, "image");
        Simulation.Attachment upload = image == null ? null : Fields.dataUrl(image);
        if (image == null || (upload == null && !Fields.httpUrl(image))) {
            return Envelope.invalid("image不能为空");
        }
        String end = Fields.nonBlank(body, "endImage");
        if (end != null && Fields.dataUrl(end) == null && !Fields.httpUrl(end)) {
            return Envelope.invalid("endImage格式错误");
        }
        JsonNode batch = body.get("batchSize");
        int clips = batch == null || batch.isNull() ? 4 : batch.isInt() ? batch.intValue() : 0;
        if (clips != 1 && clips != 2 && clips != 4) {
            return Envelope.invalid("batchSize参数错误");
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            String frame = image;
            if (upload != null) {
                String name = simulation.taskCount() + "-video." + upload.contentType().substring(6);
                simulation.attach(name, upload);
                frame = baseUrl + "/mj/attachments/" + name;
            }
            SimTask task = jobs.video(frame, prompt, clips, now);
            task.mode = firstOf(path.tier(), null, null);
            common(task, body);
            return admit(task, now);
        }
    }

    private Envelope extendVideo(JsonNode body, RequestPath path, String prompt) {
        String taskId = Fields.nonBlank(body, "taskId");
        if (taskId == null) {
            return Envelope.invalid("taskId不能为空");
        }
        JsonNode index = body.get("index");
        if (index == null || !index.isInt() || index.intValue() < 0 || index.intValue() > 3) {
            return Envelope.invalid("index参数错误");
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask parent = simulation.find(taskId);
            if (parent == null) {
                return Envelope.notFound(404, "关联任务不存在或已失效");
            }
            if (Jobs.extendRefusal(parent, index.intValue() + 1, now) != null) {
                return Envelope.invalid("关联任务状态错误");
            }
            SimTask task = jobs.extend(parent, index.intValue() + 1, prompt, now);
            task.mode = firstOf(path.tier(), null, null);
            common(task, body);
            return admit(task, now);
        }
    }

    /** trueai's fail reason of a cancelled task (docs/protocols.md §h.2.6). */
    static final String CANCELLED = "取消任务";

    /**
     * {@code GET task/{id}/image-seed} (docs/protocols.md §h.2.4): {@code {code:1, result:"<seed>"}} for a SUCCESS
     * task, HTTP 400 code 4 before that, HTTP 404 code 3 for an unknown id.
     */
    mockwebserver3.MockResponse imageSeed(String taskId) {
        synchronized (simulation) {
            SimTask task = simulation.find(taskId);
            if (task == null) {
                return Envelope.notFound(404, "任务不存在").reply();
            }
            if (!Timeline.at(task, simulation.now()).status().equals("SUCCESS")) {
                return Replies.json(400, Replies.JSON.createObjectNode().put("code", 4)
                        .put("description", "关联任务状态错误").putNull("result"));
            }
            return Replies.json(200, Replies.JSON.createObjectNode().put("code", 1).put("description", "成功")
                    .put("result", Long.toString(task.pictureSeed())));
        }
    }

    /**
     * {@code POST task/{id}/cancel} (docs/protocols.md §h.2.6): a waiting or running task becomes FAILURE with
     * {@code failReason} "取消任务" at once; HTTP 200 with an empty body. A finished or MODAL task gets HTTP 400 code
     * 4; an unknown id HTTP 404 code 3. (The simulated job keeps its slot until its planned end.)
     */
    mockwebserver3.MockResponse cancel(String taskId) {
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.find(taskId);
            if (task == null) {
                return Envelope.notFound(404, "任务不存在").reply();
            }
            Timeline.Phase phase = Timeline.at(task, now);
            if (phase.terminal() || task.modal) {
                return Replies.json(400, Replies.JSON.createObjectNode().put("code", 4)
                        .put("description", "任务状态错误").putNull("result"));
            }
            task.cancelledAt = now;
            notifier.catchUp();
            return Replies.empty(200);
        }
    }

    Envelope action(JsonNode body, RequestPath path) {
        String taskId = Fields.text(body, "taskId");
        String customId = Fields.text(body, "customId");
        if (taskId == null || taskId.isBlank()) {
            return Envelope.invalid("taskId不能为空");
        }
        if (customId == null || customId.isBlank()) {
            return Envelope.invalid("customId不能为空");
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask parent = simulation.find(taskId.trim());
            if (parent == null) {
                return Envelope.notFound(404, "关联任务不存在或已失效");
            }
            if (!Timeline.at(parent, now).status().equals("SUCCESS")) {
                return Envelope.invalid("关联任务状态错误");
            }
            Buttons.Spec button = Buttons.find(parent, customId).orElse(null);
            if (button == null) {
                return Envelope.invalid(customId.contains("::reroll::") ? "该任务不支持重新生成" : "未知的 Action 类型");
            }
            ActionKind kind = button.kind();
            SimTask task = jobs.derive(parent, kind.actionFrom(parent), kind.shape,
                    kind == ActionKind.UPSCALE ? button.index() : parent.quadrant, now);
            task.customId = customId;
            task.description = "/up " + parent.id + " " + Buttons.shortName(button);
            task.mode = firstOf(path.tier(), PromptRules.speedFlag(task.prompt), null);
            common(task, body);
            boolean remix = config.remix() || Fields.bool(body, "enableRemix");
            if (kind.alwaysModal || (kind.remixable && remix)) {
                task.modal = true;
                task.modalKind = kind;
                simulation.store(task);
                notifier.catchUp();
                return Envelope.modal(task.id, parent.prompt, simulation.instanceId());
            }
            return admit(task, now);
        }
    }

    Envelope modal(JsonNode body, RequestPath path) {
        String taskId = Fields.text(body, "taskId");
        if (taskId == null || taskId.isBlank()) {
            return Envelope.invalid("taskId不能为空");
        }
        String prompt = Fields.text(body, "prompt");
        String mask = Fields.text(body, "maskBase64");
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = simulation.find(taskId.trim());
            if (task == null) {
                return Envelope.notFound(404, "任务不存在或已失效");
            }
            if (!task.modal) {
                return Envelope.invalid("任务状态错误");
            }
            String effective = prompt == null || prompt.isBlank() ? task.prompt : prompt.trim();
            if (effective == null || effective.isBlank()) {
                return Envelope.invalid("prompt不能为空");
            }
            if (task.modalKind == ActionKind.VARY_REGION && (mask == null || Fields.dataUrl(mask) == null)) {
                return Envelope.invalid("maskBase64不能为空");
            }
            Double zoom = PromptRules.zoom(effective);
            if (task.modalKind == ActionKind.CUSTOM_ZOOM && (zoom == null || zoom <= 1 || zoom > 2)) {
                return Envelope.invalid("zoom参数错误: --zoom 1-2");
            }
            String word = rules.bannedWord(effective);
            if (word != null) {
                return Envelope.banned(effective, word);
            }
            task.prompt = effective;
            Long seed = PromptRules.seed(effective);
            if (seed != null && task.shape == Shape.GRID) {
                task.seed = seed;
            }
            task.mode = firstOf(path.tier(), PromptRules.speedFlag(effective), task.mode);
            return admit(task, now);
        }
    }

    Envelope change(JsonNode body, RequestPath path) {
        String taskId = Fields.text(body, "taskId");
        if (taskId == null || taskId.isBlank()) {
            return Envelope.invalid("taskId不能为空");
        }
        String action = Fields.text(body, "action");
        action = action == null ? "" : action.trim().toUpperCase(Locale.ROOT);
        if (!Set.of("UPSCALE", "VARIATION", "REROLL").contains(action)) {
            return Envelope.invalid("action参数错误");
        }
        int index = body.path("index").asInt(0);
        if (!action.equals("REROLL") && (index < 1 || index > 4)) {
            return Envelope.invalid("index参数错误");
        }
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask parent = simulation.find(taskId.trim());
            if (parent == null) {
                return Envelope.notFound(200, "关联任务不存在或已失效");
            }
            if (!Timeline.at(parent, now).status().equals("SUCCESS")) {
                return Envelope.invalid("关联任务状态错误");
            }
            if (!CHANGE_PARENTS.contains(parent.action)) {
                return Envelope.invalid("关联任务不允许执行变化");
            }
            boolean upscale = action.equals("UPSCALE");
            SimTask task = jobs.derive(parent, action, upscale ? Shape.UPSCALE : Shape.GRID, index, now);
            task.description = "/up " + parent.id + " " + (action.equals("REROLL") ? "R"
                    : action.charAt(0) + Integer.toString(index));
            task.mode = firstOf(path.tier(), PromptRules.speedFlag(task.prompt), null);
            common(task, body);
            return admit(task, now);
        }
    }

    private void common(SimTask task, JsonNode body) {
        String state = Fields.text(body, "state");
        String hook = Fields.text(body, "notifyHook");
        task.state = state;
        task.notifyHook = hook != null && !hook.isBlank() ? hook.trim() : config.notifyHook();
        Long seed = PromptRules.seed(task.prompt);
        if (seed != null && task.shape == Shape.GRID) {
            task.seed = seed;
        }
    }

    /** Stores the task and gives it a slot or a queue place; refused (code 23) tasks are forgotten. */
    private Envelope admit(SimTask task, Instant now) {
        int place = jobs.admit(task, now);
        if (place == Slots.REFUSED) {
            return Envelope.queueFull(simulation.instanceId());
        }
        return Envelope.accepted(task.id, place, simulation.instanceId(), !config.legacy());
    }

    private static Speed firstOf(Speed first, Speed second, Speed third) {
        return first != null ? first : second != null ? second : third != null ? third : Speed.FAST;
    }

    private static Speed accountMode(JsonNode filter) {
        for (String mode : Fields.strings(filter == null ? null : filter.get("modes"))) {
            for (Speed speed : Speed.values()) {
                if (speed.name().equalsIgnoreCase(mode.trim())) {
                    return speed;
                }
            }
        }
        return null;
    }
}
