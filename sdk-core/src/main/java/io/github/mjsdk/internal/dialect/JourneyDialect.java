package io.github.mjsdk.internal.dialect;

import io.github.mjsdk.internal.http.HttpErrors;
import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.util.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mjsdk.model.Balance;
import io.github.mjsdk.model.RemixRequest;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.internal.util.ServerText;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.BlendRequest;
import io.github.mjsdk.model.DescribeRequest;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.VideoExtendRequest;
import io.github.mjsdk.model.VideoRequest;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JourneyAPI's dialect (docs/protocols.md §e): snake_case bodies, {@code parent_task_id} for follow-ups, a
 * {@code {task_id}} submit answer, {@code POST /fetch} for queries, {@code percentage} as a string without
 * {@code %}, statuses {@code staged|pending|starting|processing|finished|failed}, {@code webhook_url} plus
 * {@code webhook_secret} (delivered back as the {@code x-webhook-secret} header). No speed tiers, no buttons, no
 * modal step, no batch query.
 */
final class JourneyDialect implements Dialect {
    private static final Set<String> MODELLED = Set.of("task_id", "task_type", "status", "percentage", "prompt",
            "original_image_url", "image_urls", "image_url", "error", "created_at", "completed_at");

    private final String webhookSecret;

    JourneyDialect(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    @Override
    public String name() {
        return "JourneyAPI";
    }

    @Override
    public boolean rerollByButton() {
        return false;
    }

    private static void noTier(SpeedTier tier) {
        if (tier != null) {
            throw new IllegalArgumentException("JourneyAPI cannot choose a speed tier (asked: " + tier.id()
                    + "): leave the speed unset, and no defaultSpeed on the client");
        }
    }

    @Override
    public void checkCall(SpeedTier tier, String notifyHook, String state) {
        noTier(tier);
        noState(state);
    }

    private static void noState(String state) {
        if (state != null) {
            throw new IllegalArgumentException("JourneyAPI has no state field (nothing would echo it back): leave"
                    + " state unset");
        }
    }

    private ObjectNode hooked(ObjectNode body, String notifyHook) {
        if (notifyHook != null) {
            body.put("webhook_url", notifyHook);
            if (webhookSecret != null) {
                body.put("webhook_secret", webhookSecret);
            }
        }
        return body;
    }

    @Override
    public ApiRequest imagine(ImagineRequest request, SpeedTier tier, String notifyHook) {
        noTier(tier);
        noState(request.state());
        if (!request.accountFilter().isEmpty() || request.botType() != null) {
            throw new IllegalArgumentException("JourneyAPI has no accountFilter or botType: leave them unset");
        }
        if (request.base64Array().size() > 1) {
            throw new IllegalArgumentException("JourneyAPI takes at most one image prompt (image_url)");
        }
        ObjectNode body = Json.object().put("prompt", request.prompt()).put("model", "midjourney");
        if (!request.base64Array().isEmpty()) {
            body.put("image_url", request.base64Array().get(0));
        }
        return ApiRequest.submit("/imagine", hooked(body, notifyHook));
    }

    @Override
    public void checkRerollParent(Task parent) {
        if (parent.status() != TaskStatus.SUCCESS || parent.action() != TaskAction.IMAGINE) {
            throw new IllegalTaskStateException("cannot reroll task " + parent.id() + " (" + parent.rawAction() + ", "
                    + parent.rawStatus() + "): JourneyAPI rerolls only a completed /imagine task", parent);
        }
    }

    @Override
    public ApiRequest reroll(Task parent, RerollRequest request, SpeedTier tier, String notifyHook) {
        noTier(tier);
        noState(request.state());
        ObjectNode body = Json.object().put("parent_task_id", parent.id());
        if (request.prompt() != null) {
            body.put("prompt", request.prompt());
        }
        return ApiRequest.submit("/reroll", hooked(body, notifyHook));
    }

    /** JourneyAPI remixes a reroll only: {@code /reroll {parent_task_id, prompt}} (docs/protocols.md §h.2.11). */
    @Override
    public boolean remixes(RemixRequest.Target target) {
        return target == RemixRequest.Target.REROLL;
    }

    @Override
    public ApiRequest gridAction(Task parent, int index, boolean upscale, SpeedTier tier, String notifyHook) {
        noTier(tier);
        ObjectNode body = Json.object().put("parent_task_id", parent.id()).put("index", String.valueOf(index));
        return ApiRequest.submit(upscale ? "/upscale-1x" : "/variations", hooked(body, notifyHook));
    }

    @Override
    public ApiRequest action(ActionRequest request, SpeedTier tier, String notifyHook) {
        throw new IllegalArgumentException("JourneyAPI has no buttons (customIds): use reroll, upscale or vary");
    }

    @Override
    public ApiRequest modal(ModalRequest request, SpeedTier tier) {
        throw new IllegalArgumentException("JourneyAPI has no modal step");
    }

    @Override
    public ApiRequest fetch(String taskId) {
        return ApiRequest.query("/fetch", Json.object().put("task_id", taskId));
    }

    @Override
    public ApiRequest list(Collection<String> ids) {
        throw new UnsupportedOperationException("JourneyAPI has no batch task query");
    }

    @Override
    public SubmitResult parseSubmit(ApiResponse response, ParentCheck parent, Instant now) {
        if (!response.isSuccessful()) {
            throw error(response, false, now);
        }
        JsonNode body = DialectBodies.object(response);
        String taskId = Json.text(body, "task_id");
        if (taskId == null || taskId.isBlank()) {
            throw HttpErrors.notProtocol(response, "a submit answer without task_id", null);
        }
        return new SubmitResult(taskId, SubmitResult.CODE_SUCCESS, null, 0, Json.toMap(body));
    }

    @Override
    public Task parseTask(ApiResponse response, String taskId, Instant now) {
        if (!response.isSuccessful()) {
            throw error(response, true, now);
        }
        Task task = read(DialectBodies.taskBody(response, taskId, now));
        if (task == null) {
            throw HttpErrors.notProtocol(response, "a task without task_id", null);
        }
        return task;
    }

    @Override
    public List<Task> parseTasks(ApiResponse response, Instant now) {
        throw new UnsupportedOperationException("JourneyAPI has no batch task query");
    }

    /**
     * JourneyAPI's error answers: the messages of {@code {"errors":[{"msg":…}]}} (joined with "; ") become the
     * description. On {@code POST /fetch} an HTTP 404, or an HTTP 400 whose message says "not found", is an unknown
     * task id: {@link NotFoundException}. Anything else is what the HTTP status means.
     */
    static MidjourneyException error(ApiResponse response, boolean fetch, Instant now) {
        JsonNode body = ErrorMapper.json(response);
        String description = messages(body);
        if (description == null) {
            description = ErrorMapper.description(body);
        }
        int status = response.status();
        boolean saysNotFound = description != null && description.toLowerCase(Locale.ROOT).contains("not found");
        if (fetch && (status == 404 || (status == 400 && saysNotFound))) {
            return new NotFoundException(response.request().describe() + " answered HTTP " + status
                    + ": unknown task id" + (description == null ? "" : ": " + ServerText.clip(description)), status,
                    null, description, response.requestId(), response.excerpt());
        }
        return HttpErrors.of(response, null, description, now);
    }

    /** The {@code msg} of each entry of {@code errors}, joined with "; "; null when there are none. */
    static String messages(JsonNode body) {
        JsonNode errors = body == null ? null : body.get("errors");
        if (errors == null || !errors.isArray()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode error : errors) {
            String msg = error.isTextual() ? error.textValue() : Json.text(error, "msg");
            if (msg == null) {
                msg = Json.text(error, "message");
            }
            if (msg != null && !msg.isBlank()) {
                joined.append(joined.length() == 0 ? "" : "; ").append(msg.trim());
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    /** {@code created_at} / {@code completed_at}: an ISO-8601 date-time, or a number of seconds (milliseconds when large). */
    static Instant time(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asLong() < 100_000_000_000L ? TaskReader.seconds(value) : TaskReader.millis(value);
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException notOffset) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** A JourneyAPI task (fetch answer or callback body); null when it has no {@code task_id}. */
    public static Task read(JsonNode node) {
        String id = Json.text(node, "task_id");
        if (id == null || id.isBlank()) {
            return null;
        }
        String rawStatus = Json.text(node, "status");
        String rawType = Json.text(node, "task_type");
        List<String> urls = TaskReader.imageUrls(node.get("image_urls"));
        String grid = Json.text(node, "original_image_url");
        if (grid == null) {
            grid = Json.text(node, "image_url");
        }
        JsonNode error = node.get("error");
        String failReason = error != null && error.isObject() ? Json.text(error, "message") : Json.text(node, "error");
        Map<String, Object> extra = TaskReader.extra(node, MODELLED);
        return new Task(id, action(rawType), rawType, status(rawStatus), rawStatus,
                TaskReader.progress(node.get("percentage")), Json.text(node, "prompt"), null, null, null, grid, urls,
                List.of(), failReason, time(node.get("created_at")), null, time(node.get("completed_at")), Map.of(),
                extra);
    }

    static TaskStatus status(String raw) {
        if (raw == null) {
            return TaskStatus.UNKNOWN;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "staged":
                return TaskStatus.NOT_START;
            case "pending":
            case "starting":
                return TaskStatus.SUBMITTED;
            case "processing":
                return TaskStatus.IN_PROGRESS;
            case "finished":
                return TaskStatus.SUCCESS;
            case "failed":
                return TaskStatus.FAILURE;
            default:
                return TaskStatus.UNKNOWN;
        }
    }

    /**
     * Every documented {@code task_type} (docs/protocols.md §e, h.2.9): {@code imagine}, {@code reroll},
     * {@code upscale-1x} and {@code upscale#1}–{@code #4}, {@code upscale-subtle}/{@code -creative}/{@code -2x}/
     * {@code -4x}, {@code variations} (and {@code -strong}/{@code -subtle}), {@code pan-<direction>},
     * {@code outpaint}, {@code inpaint}, {@code describe}, {@code blend}, {@code imagine-video} and
     * {@code imagine-video-extend}; {@link TaskAction#UNKNOWN} for others.
     */
    static TaskAction action(String taskType) {
        if (taskType == null) {
            return TaskAction.UNKNOWN;
        }
        String type = taskType.trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "imagine":
                return TaskAction.IMAGINE;
            case "reroll":
                return TaskAction.REROLL;
            case "upscale-1x":
            case "upscale":
                return TaskAction.UPSCALE;
            case "upscale-alt":
            case "upscale-subtle":
            case "upscale-creative":
            case "upscale-2x":
            case "upscale-4x":
            case "upscale-2x-4x":
                return TaskAction.UPSCALE_HD;
            case "variations":
            case "variation":
                return TaskAction.VARIATION;
            case "variations-strong":
            case "variation-strong":
                return TaskAction.HIGH_VARIATION;
            case "variations-subtle":
            case "variation-subtle":
                return TaskAction.LOW_VARIATION;
            case "pan":
            case "pan-left":
            case "pan-right":
            case "pan-up":
            case "pan-down":
                return TaskAction.PAN;
            case "outpaint":
            case "zoom":
                return TaskAction.ZOOM;
            case "inpaint":
                return TaskAction.INPAINT;
            case "describe":
                return TaskAction.DESCRIBE;
            case "blend":
                return TaskAction.BLEND;
            case "imagine-video":
            case "imagine-video-extend":
            case "extend-video":
            case "video":
                return TaskAction.VIDEO;
            default:
                break;
        }
        if (type.startsWith("upscale#")) {
            return TaskAction.UPSCALE;
        }
        if (type.startsWith("variation#") || type.startsWith("variations#")) {
            return TaskAction.VARIATION;
        }
        if (type.startsWith("pan-")) {
            return TaskAction.PAN;
        }
        if (type.startsWith("outpaint-") || type.startsWith("zoom-")) {
            return TaskAction.ZOOM;
        }
        return TaskAction.UNKNOWN;
    }

    private static String publicUrl(ImageInput image, String parameter) {
        if (!image.isUrl()) {
            throw new IllegalArgumentException(parameter + ": JourneyAPI takes public image URLs only, not bytes:"
                    + " use ImageInput.ofUrl(..)");
        }
        return image.url();
    }

    /** {@code POST /describe {image_url}} (docs/protocols.md §h.2.1). */
    @Override
    public ApiRequest describe(DescribeRequest request, SpeedTier tier, String notifyHook) {
        noTier(tier);
        noState(request.state());
        ObjectNode body = Json.object().put("image_url", publicUrl(request.image(), "image"));
        return ApiRequest.submit("/describe", hooked(body, notifyHook));
    }

    /** {@code POST /blend {image_urls 2–5, dimension}} with a lower-case dimension (docs/protocols.md §h.2.2). */
    @Override
    public ApiRequest blend(BlendRequest request, SpeedTier tier, String notifyHook) {
        noTier(tier);
        noState(request.state());
        ObjectNode body = Json.object();
        com.fasterxml.jackson.databind.node.ArrayNode images = body.putArray("image_urls");
        for (int i = 0; i < request.images().size(); i++) {
            images.add(publicUrl(request.images().get(i), "images[" + i + "]"));
        }
        body.put("dimension", request.dimensions().name().toLowerCase(Locale.ROOT));
        return ApiRequest.submit("/blend", hooked(body, notifyHook));
    }

    /**
     * {@code /pan {parent_task_id, direction}}, {@code /upscale-alt {parent_task_id, type: subtle|creative}},
     * {@code /variations {parent_task_id, index: strong|subtle}} and {@code /outpaint {parent_task_id, zoom_ratio}}
     * (a number: 1.5, 2, or a custom ratio in (1, 2]), each on an upscale-1x parent (docs/protocols.md §h.2.9).
     */
    @Override
    public ApiRequest singleImage(Task parent, String verb, String value, SpeedTier tier, String notifyHook) {
        noTier(tier);
        upscaleParent(parent, verb + " " + value);
        ObjectNode body = Json.object().put("parent_task_id", parent.id());
        switch (verb) {
            case "zoom":
                // Apiframe's documented shape, which JourneyAPI's routes mirror; assumed, as JourneyAPI's page
                // does not list the fields (docs/protocols.md §h.2.9)
                return ApiRequest.submit("/outpaint", hooked(body.put("zoom_ratio", new java.math.BigDecimal(value)),
                        notifyHook));
            case "pan":
                return ApiRequest.submit("/pan", hooked(body.put("direction", value), notifyHook));
            case "upscale":
                return ApiRequest.submit(value.endsWith("x") ? "/upscale-2x-4x" : "/upscale-alt",
                        hooked(body.put("type", value), notifyHook));
            case "vary":
                return ApiRequest.submit("/variations", hooked(body.put("index", value), notifyHook));
            default:
                throw new IllegalArgumentException("JourneyAPI has no " + verb);
        }
    }

    private static void upscaleParent(Task parent, String what) {
        if (parent.action() != TaskAction.UPSCALE) {
            throw new IllegalTaskStateException("task " + parent.id() + " (" + parent.rawAction() + ") cannot take "
                    + what + ": JourneyAPI needs an upscale-1x parent (upscale a grid image first)", parent);
        }
    }

    /** Vary (Region) is JourneyAPI's {@code /inpaint} route, on an upscale-1x parent. */
    @Override
    public boolean inpaintsByRoute(Task parent) {
        upscaleParent(parent, "vary region");
        return true;
    }

    /**
     * {@code POST /inpaint {parent_task_id, mask, prompt?}} with the mask as a PNG data URL (black background,
     * white = repaint): Apiframe's documented shape, which JourneyAPI's routes mirror; assumed, as JourneyAPI's page
     * does not list the fields (docs/protocols.md §h.2.9).
     */
    @Override
    public ApiRequest inpaint(Task parent, String prompt, String maskDataUrl, SpeedTier tier, String notifyHook) {
        noTier(tier);
        upscaleParent(parent, "vary region");
        ObjectNode body = Json.object().put("parent_task_id", parent.id()).put("mask", maskDataUrl);
        if (prompt != null) {
            body.put("prompt", prompt);
        }
        return ApiRequest.submit("/inpaint", hooked(body, notifyHook));
    }

    /** {@code GET /account} (docs/protocols.md §h.2.10). */
    @Override
    public ApiRequest balance() {
        return ApiRequest.get("/account");
    }

    @Override
    public Balance parseBalance(ApiResponse response, Instant now) {
        if (!response.isSuccessful()) {
            throw ErrorMapper.http(response, ParentCheck.UNVERIFIED, now);
        }
        JsonNode body = DialectBodies.object(response);
        return new io.github.mjsdk.model.Balance(DialectBodies.decimal(body, "credits"), null, "credits", false,
                Json.toMap(body));
    }

    /**
     * {@code POST /imagine-video {prompt, image_url, motion}} (docs/protocols.md §h.2.7): a public URL and a prompt
     * are required; no end frame, batch size or grid-task form.
     */
    @Override
    public ApiRequest video(VideoRequest request, SpeedTier tier, String notifyHook) {
        noTier(tier);
        noState(request.state());
        if (request.image() == null) {
            throw new IllegalArgumentException("parentTaskId: JourneyAPI animates an image URL (image_url), not a"
                    + " grid task's picture: pass the picture's URL with ImageInput.ofUrl(..)");
        }
        if (request.endImage() != null) {
            throw new IllegalArgumentException("endImage: JourneyAPI's imagine-video has no end frame; leave it"
                    + " unset");
        }
        if (request.batchSize() != null) {
            throw new IllegalArgumentException("batchSize: JourneyAPI's imagine-video always makes four clips;"
                    + " leave it unset");
        }
        ObjectNode body = Json.object().put("prompt", requiredPrompt(request.prompt(), "imagine-video"))
                .put("image_url", publicUrl(request.image(), "image")).put("motion", request.motion().wire());
        return ApiRequest.submit("/imagine-video", hooked(body, notifyHook));
    }

    /**
     * {@code POST /extend-video {parent_task_id, index:"1".."4", prompt, motion}} (docs/protocols.md §h.2.7): the
     * index as a 1-based string; a prompt is required.
     */
    @Override
    public ApiRequest extendVideo(VideoExtendRequest request, SpeedTier tier, String notifyHook) {
        noTier(tier);
        noState(request.state());
        ObjectNode body = Json.object().put("parent_task_id", request.taskId())
                .put("index", Integer.toString(request.index()))
                .put("prompt", requiredPrompt(request.prompt(), "extend-video"))
                .put("motion", request.motion().wire());
        return ApiRequest.submit("/extend-video", hooked(body, notifyHook));
    }

    private static String requiredPrompt(String prompt, String route) {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt: JourneyAPI's " + route + " requires a prompt: set one with"
                    + " withPrompt(..)");
        }
        return prompt;
    }
}
