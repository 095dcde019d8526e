package io.github.mjsdk.internal.dialect;

import io.github.mjsdk.internal.http.HttpErrors;
import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.util.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mjsdk.model.Balance;
import io.github.mjsdk.model.EditRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.BlendRequest;
import io.github.mjsdk.model.DescribeRequest;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.BotType;
import io.github.mjsdk.model.CustomId;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.VideoRequest;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * apimart's own REST dialect (docs/protocols.md §d): snake_case bodies under {@code /v1/midjourney/generations},
 * the tier as a {@code speed} body field, a {@code {code, data:[{status, task_id}]}} submit envelope, two query
 * flavours ({@code GET /v1/midjourney/{id}} with buttons; {@code GET /v1/tasks/{id}} unified), seconds-based
 * timestamps. No batch query, no callbacks.
 */
final class ApimartDialect implements Dialect {
    private static final String BASE = "/v1/midjourney";
    private static final Set<String> MODELLED = Set.of("id", "task_id", "status", "action", "progress", "prompt",
            "grid_image_url", "image_url", "image_urls", "buttons", "fail_reason", "error", "result", "created",
            "completed", "submit_time", "start_time", "finish_time", "properties");

    @Override
    public String name() {
        return "apimart";
    }

    @Override
    public boolean rerollByButton() {
        return false;
    }

    @Override
    public boolean pollsWithSummary() {
        return true;
    }

    /** apimart's {@code speed} defaults to relax (docs/protocols.md §d, imagine body). */
    @Override
    public SpeedTier serverDefaultTier() {
        return Speed.RELAX;
    }

    /** The MJ-style view (action, prompt, buttons, four images) with the unified view's timestamps. */
    @Override
    public Task merge(Task summary, Task detailed) {
        return new Task(detailed.id(), detailed.action(), detailed.rawAction(), detailed.status(),
                detailed.rawStatus(), detailed.progress(), detailed.prompt(), detailed.promptEn(),
                detailed.description(), detailed.state() != null ? detailed.state() : summary.state(),
                detailed.imageUrl() != null ? detailed.imageUrl() : summary.imageUrl(),
                detailed.imageUrls().isEmpty() ? summary.imageUrls() : detailed.imageUrls(), detailed.buttons(),
                detailed.failReason(), or(detailed.submitTime(), summary.submitTime()),
                or(detailed.startTime(), summary.startTime()), or(detailed.finishTime(), summary.finishTime()),
                detailed.properties(), withVideos(detailed, summary));
    }

    /** The full view's fields, with the summary's clips when only the summary has them. */
    private static Map<String, Object> withVideos(Task detailed, Task summary) {
        if (!detailed.videoUrls().isEmpty() || summary.videoUrls().isEmpty()) {
            return detailed.extra();
        }
        Map<String, Object> extra = new LinkedHashMap<>(detailed.extra());
        extra.put("video_urls", summary.videoUrls());
        return extra;
    }

    private static Instant or(Instant first, Instant second) {
        return first != null ? first : second;
    }

    static String speed(SpeedTier tier, String dialect) {
        if (tier == null) {
            return null;
        }
        if (tier instanceof Speed) {
            return tier.id();
        }
        throw new IllegalArgumentException(dialect + " cannot express the speed tier \"" + tier.id() + "\" ("
                + tier.pathPrefix() + "): it takes only relax, fast or turbo");
    }

    private static ObjectNode body(String taskId, SpeedTier tier) {
        ObjectNode body = Json.object();
        if (taskId != null) {
            body.put("task_id", taskId);
        }
        String speed = speed(tier, "apimart");
        if (speed != null) {
            body.put("speed", speed);
        }
        return body;
    }

    @Override
    public void checkCall(SpeedTier tier, String notifyHook, String state) {
        speed(tier, "apimart");
        noHook(notifyHook);
    }

    @Override
    public void checkReroll(RerollRequest request, SpeedTier tier, String notifyHook) {
        checkCall(tier, notifyHook, request.state());
        if (request.prompt() != null) {
            throw new IllegalArgumentException("apimart rerolls with the parent's prompt only: leave prompt unset");
        }
    }

    private static void noHook(String notifyHook) {
        if (notifyHook != null) {
            throw new IllegalArgumentException("apimart has no notifyHook (callbacks): leave notifyHook unset");
        }
    }

    @Override
    public ApiRequest imagine(ImagineRequest request, SpeedTier tier, String notifyHook) {
        noHook(notifyHook);
        if (!request.accountFilter().isEmpty()) {
            throw new IllegalArgumentException("apimart has no accountFilter: leave it empty");
        }
        ObjectNode body = body(null, tier).put("prompt", request.prompt());
        if (!request.base64Array().isEmpty()) {
            ArrayNode images = body.putArray("image_urls");
            request.base64Array().forEach(images::add);
        }
        if (request.botType() == BotType.NIJI_JOURNEY) {
            body.put("niji", true);
        }
        if (request.state() != null) {
            body.putObject("metadata").put("state", request.state());
        }
        return ApiRequest.submit(BASE + "/generations", body);
    }

    @Override
    public void checkRerollParent(Task parent) {
        if (parent.status() != TaskStatus.SUCCESS) {
            throw new IllegalTaskStateException("cannot reroll task " + parent.id() + ": it is " + parent.status()
                    + ", and apimart rerolls only a SUCCESS task", parent);
        }
        if (parent.action() != TaskAction.IMAGINE && parent.action() != TaskAction.REROLL) {
            throw new IllegalTaskStateException("cannot reroll task " + parent.id() + " (" + parent.rawAction()
                    + "): apimart rerolls only an imagine grid or a reroll grid", parent);
        }
    }

    @Override
    public ApiRequest reroll(Task parent, RerollRequest request, SpeedTier tier, String notifyHook) {
        noHook(notifyHook);
        if (request.prompt() != null) {
            throw new IllegalArgumentException("apimart rerolls with the parent's prompt only: leave prompt unset");
        }
        ObjectNode body = body(parent.id(), tier);
        if (request.state() != null) {
            body.putObject("metadata").put("state", request.state());
        }
        return ApiRequest.submit(BASE + "/generations/reroll", body);
    }

    @Override
    public ApiRequest gridAction(Task parent, int index, boolean upscale, SpeedTier tier, String notifyHook) {
        noHook(notifyHook);
        return ApiRequest.submit(BASE + "/generations/" + (upscale ? "upscale" : "variation"),
                body(parent.id(), tier).put("index", index));
    }

    @Override
    public ApiRequest action(ActionRequest request, SpeedTier tier, String notifyHook) {
        noHook(notifyHook);
        String kind = CustomId.parse(request.customId()).kind();
        String route;
        if (kind.startsWith("upsample")) {
            // U1–U4, and Upscale (Subtle) / (Creative) by the button's custom_id: not in apimart's pages, assumed
            // from the route's custom_id field (docs/protocols.md §h.2.9)
            route = "upscale";
        } else if (kind.equals("variation")) {
            route = "variation";
        } else if (kind.equals("reroll")) {
            route = "reroll";
        } else if (kind.equals("high_variation")) {
            route = "high-variation";
        } else if (kind.equals("low_variation")) {
            route = "low-variation";
        } else if (kind.startsWith("pan_")) {
            route = "pan";
        } else if (kind.equalsIgnoreCase("Outpaint")) {
            route = "zoom";
        } else if (kind.equalsIgnoreCase("Inpaint")) {
            route = "inpaint";
        } else {
            throw new IllegalArgumentException("apimart has no endpoint for the button \"" + request.customId()
                    + "\" (kind " + kind + ")");
        }
        ObjectNode body = body(request.taskId(), tier).put("custom_id", request.customId());
        if (request.state() != null) {
            body.putObject("metadata").put("state", request.state());
        }
        return ApiRequest.submit(BASE + "/generations/" + route, body);
    }

    @Override
    public ApiRequest modal(ModalRequest request, SpeedTier tier) {
        ObjectNode body = body(request.taskId(), tier);
        if (request.prompt() != null) {
            body.put("prompt", request.prompt());
        }
        if (request.maskBase64() != null) {
            body.put("mask_url", request.maskBase64());
        }
        return ApiRequest.submit(BASE + "/generations/modal", body);
    }

    /** The unified query, for polling: {@code GET /v1/tasks/{id}}. */
    @Override
    public ApiRequest fetch(String taskId) {
        return ApiRequest.get("/v1/tasks/" + ProxyDialect.segment(taskId) + "?language=en");
    }

    /** The MJ-style query, with buttons and action: {@code GET /v1/midjourney/{id}}. */
    @Override
    public ApiRequest fetchDetailed(String taskId) {
        return ApiRequest.get(BASE + "/" + ProxyDialect.segment(taskId));
    }

    @Override
    public ApiRequest list(Collection<String> ids) {
        throw new UnsupportedOperationException("apimart has no batch task query");
    }

    /**
     * apimart's errors: its {@code code} is either the HTTP status repeated ({@code {"code":400,…}}, also on a 200
     * answer) or a midjourney-proxy business code (4, 3, 9 on the reroll page, docs/protocols.md §d). An HTTP-like
     * code keeps the meaning of that status (400 → invalid request, 404 → not found …); a business code the
     * meaning of that code; a body without one, the meaning of the HTTP status.
     */
    static io.github.mjsdk.error.MidjourneyException error(ApiResponse response, JsonNode body, Instant now) {
        Integer code = ErrorMapper.code(body);
        String description = ErrorMapper.description(body);
        if (code != null && code >= 100 && code <= 599) {
            int status = response.isSuccessful() ? code : response.status();
            return HttpErrors.of(response, status, code, description, now);
        }
        if (!response.isSuccessful()) {
            return ErrorMapper.http(response, ParentCheck.UNVERIFIED, now);
        }
        return ErrorMapper.business(response, code, body, ParentCheck.UNVERIFIED);
    }

    @Override
    public SubmitResult parseSubmit(ApiResponse response, ParentCheck parent, Instant now) {
        if (!response.isSuccessful()) {
            throw error(response, ErrorMapper.json(response), now);
        }
        JsonNode body = DialectBodies.object(response);
        Integer code = ErrorMapper.code(body);
        JsonNode data = body.get("data");
        if (code != null && code != 200 && code != 0) {
            throw error(response, body, now);
        }
        JsonNode first = data != null && data.isArray() && data.size() > 0 ? data.get(0)
                : data != null && data.isObject() ? data : null;
        String taskId = Json.text(first, "task_id");
        if (taskId == null || taskId.isBlank()) {
            throw HttpErrors.notProtocol(response, "a submit answer without data[0].task_id", null);
        }
        String status = Json.text(first, "status");
        boolean modal = status != null && status.equalsIgnoreCase("modal");
        Map<String, Object> properties = new LinkedHashMap<>(Json.toMap(first));
        properties.remove("status");
        properties.remove("task_id");
        return new SubmitResult(taskId, modal ? SubmitResult.CODE_EXISTED_OR_MODAL : SubmitResult.CODE_SUCCESS,
                status, 0, properties);
    }

    @Override
    public Task parseTask(ApiResponse response, String taskId, Instant now) {
        if (!response.isSuccessful()) {
            throw error(response, ErrorMapper.json(response), now);
        }
        JsonNode body = DialectBodies.taskBody(response, taskId, now);
        JsonNode data = body.has("data") && body.get("data").isObject() ? body.get("data") : body;
        Task task = read(data);
        if (task == null) {
            Integer code = ErrorMapper.code(body);
            if (code != null && code != 200) {
                throw error(response, body, now);
            }
            throw HttpErrors.notProtocol(response, "a task without an id", null);
        }
        return task;
    }

    @Override
    public List<Task> parseTasks(ApiResponse response, Instant now) {
        throw new UnsupportedOperationException("apimart has no batch task query");
    }

    /** Either query flavour into a Task; null when there is no id. */
    static Task read(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String id = Json.text(node, "id");
        if (id == null) {
            id = Json.text(node, "task_id");
        }
        if (id == null || id.isBlank()) {
            return null;
        }
        String rawStatus = Json.text(node, "status");
        String rawAction = Json.text(node, "action");
        JsonNode images = node.path("result").path("images");
        List<String> urls = TaskReader.imageUrls(images.isMissingNode() ? node.get("image_urls") : images);
        if (urls.isEmpty() && images.isArray()) {
            for (JsonNode image : images) {
                urls.addAll(TaskReader.imageUrls(image.get("url")));
            }
        }
        String grid = Json.text(node, "grid_image_url");
        if (grid == null) {
            grid = Json.text(node, "image_url");
        }
        String failReason = Json.text(node, "fail_reason");
        if (failReason == null) {
            JsonNode error = node.get("error");
            failReason = error != null && error.isObject() ? Json.text(error, "message") : Json.text(node, "error");
        }
        Map<String, Object> extra = TaskReader.extra(node, MODELLED);
        TaskReader.keepRawProgress(node.get("progress"), extra);
        keepVideos(node.path("result").path("videos"), extra);
        return new Task(id, TaskAction.fromWire(rawAction), rawAction, status(rawStatus), rawStatus,
                TaskReader.progress(node.get("progress")), Json.text(node, "prompt"), null, null, state(node),
                grid != null ? grid : urls.isEmpty() ? null : urls.get(0), urls, TaskReader.buttons(node.get("buttons")),
                failReason, time(node, "submit_time", "created"), time(node, "start_time", null),
                time(node, "finish_time", "completed"), Json.toMap(node.get("properties")), extra);
    }

    /**
     * The unified view's clips, {@code result.videos[{url}]} with {@code url} a string or a list (read leniently:
     * apimart's pages do not show a video task's answer, docs/protocols.md §h.2.7), kept as {@code video_urls} for
     * {@link Task#videoUrls()} unless the task has that field itself.
     */
    private static void keepVideos(JsonNode videos, Map<String, Object> extra) {
        if (!videos.isArray() || extra.containsKey("video_urls")) {
            return;
        }
        List<String> urls = new ArrayList<>();
        for (JsonNode video : videos) {
            JsonNode url = video.isTextual() ? video : video.path("url");
            if (url.isTextual() && !url.textValue().isBlank()) {
                urls.add(url.textValue());
            } else {
                urls.addAll(TaskReader.imageUrls(url));
            }
        }
        if (!urls.isEmpty()) {
            extra.put("video_urls", urls);
        }
    }

    /**
     * The {@code state} the submit carried in {@code metadata.state}, echoed back in the task's {@code metadata};
     * a {@code metadata} that is a plain string is taken as it is.
     */
    static String state(JsonNode node) {
        JsonNode metadata = node.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return null;
        }
        if (metadata.isTextual()) {
            return metadata.textValue();
        }
        return Json.text(metadata, "state");
    }

    /**
     * A time field: the MJ-style view's {@code submit_time}/{@code start_time}/{@code finish_time} (milliseconds,
     * as midjourney-proxy's, or seconds when the number is too small to be milliseconds), else the unified view's
     * {@code created}/{@code completed} (seconds).
     */
    private static Instant time(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        if (value != null && value.isNumber() && value.asLong() > 0) {
            return value.asLong() < 100_000_000_000L ? TaskReader.seconds(value) : TaskReader.millis(value);
        }
        return fallback == null ? null : TaskReader.seconds(node.get(fallback));
    }

    /** Both query flavours' statuses: MJ-style upper case, unified lower case. */
    static TaskStatus status(String raw) {
        if (raw == null) {
            return TaskStatus.UNKNOWN;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "pending":
            case "submitted":
                return TaskStatus.SUBMITTED;
            case "processing":
                return TaskStatus.IN_PROGRESS;
            case "completed":
                return TaskStatus.SUCCESS;
            case "failed":
                return TaskStatus.FAILURE;
            case "cancelled":
            case "canceled":
                return TaskStatus.CANCEL;
            default:
                return TaskStatus.fromWire(raw);
        }
    }

    /** apimart takes at most this many images in a blend (docs/protocols.md §h.2.2). */
    static final int MAX_BLEND_IMAGES = 4;

    /** {@code POST /v1/midjourney/generations/describe {image_urls: [one]}} (docs/protocols.md §h.2.1). */
    @Override
    public ApiRequest describe(DescribeRequest request, SpeedTier tier, String notifyHook) {
        noHook(notifyHook);
        ObjectNode body = body(null, tier);
        body.putArray("image_urls").add(request.image().urlOrDataUrl());
        if (request.state() != null) {
            body.putObject("metadata").put("state", request.state());
        }
        return ApiRequest.submit(BASE + "/generations/describe", body);
    }

    /** {@code POST /v1/midjourney/generations/blend {image_urls 2–4, dimensions}} (docs/protocols.md §h.2.2). */
    @Override
    public ApiRequest blend(BlendRequest request, SpeedTier tier, String notifyHook) {
        noHook(notifyHook);
        if (request.images().size() > MAX_BLEND_IMAGES) {
            throw new IllegalArgumentException("images: apimart blends 2 to " + MAX_BLEND_IMAGES + " images, got "
                    + request.images().size());
        }
        ObjectNode body = body(null, tier);
        ArrayNode images = body.putArray("image_urls");
        for (ImageInput image : request.images()) {
            images.add(image.urlOrDataUrl());
        }
        body.put("dimensions", request.dimensions().name());
        if (request.state() != null) {
            body.putObject("metadata").put("state", request.state());
        }
        return ApiRequest.submit(BASE + "/generations/blend", body);
    }

    /** {@code POST /v1/midjourney/generations/edits {prompt, image_urls: [one]}} (docs/protocols.md §h.2.8). */
    @Override
    public ApiRequest edit(EditRequest request, SpeedTier tier, String notifyHook) {
        noHook(notifyHook);
        if (request.kind() != EditRequest.Kind.EDIT) {
            throw new IllegalArgumentException("apimart has no retexture: only edits");
        }
        ObjectNode body = body(null, tier).put("prompt", request.prompt());
        body.putArray("image_urls").add(request.image().urlOrDataUrl());
        if (request.state() != null) {
            body.putObject("metadata").put("state", request.state());
        }
        return ApiRequest.submit(BASE + "/generations/edits", body);
    }

    /** apimart's inpaint mask has a transparent background, white where repainted (docs/protocols.md §d). */
    @Override
    public boolean transparentMask() {
        return true;
    }

    /** {@code GET /v1/user/balance} (docs/protocols.md §h.2.10). */
    @Override
    public ApiRequest balance() {
        return ApiRequest.get("/v1/user/balance");
    }

    @Override
    public Balance parseBalance(ApiResponse response, Instant now) {
        if (!response.isSuccessful()) {
            throw ErrorMapper.http(response, ParentCheck.UNVERIFIED, now);
        }
        JsonNode body = DialectBodies.object(response);
        JsonNode data = body.has("data") && body.get("data").isObject() ? body.get("data") : body;
        return new io.github.mjsdk.model.Balance(DialectBodies.decimal(data, "remain_balance"),
                DialectBodies.decimal(data, "used_balance"),
                "balance", data.path("unlimited_quota").asBoolean(false), Json.toMap(body));
    }

    /**
     * {@code POST /v1/midjourney/generations/video} (docs/protocols.md §h.2.7): {@code image_urls: [first frame]}
     * or {@code task_id} + {@code index} 0–3, {@code motion}, {@code prompt?}, {@code end_url?},
     * {@code batch_size?}, {@code speed?}, {@code metadata.state?}. apimart documents no extend.
     */
    @Override
    public ApiRequest video(VideoRequest request, SpeedTier tier, String notifyHook) {
        noHook(notifyHook);
        ObjectNode body = body(request.parentTaskId(), tier);
        if (request.image() != null) {
            body.putArray("image_urls").add(request.image().urlOrDataUrl());
        } else {
            body.put("index", request.index() - 1);
        }
        body.put("motion", request.motion().wire());
        if (request.prompt() != null) {
            body.put("prompt", request.prompt());
        }
        if (request.endImage() != null) {
            body.put("end_url", request.endImage().urlOrDataUrl());
        }
        if (request.batchSize() != null) {
            body.put("batch_size", request.batchSize());
        }
        if (request.state() != null) {
            body.putObject("metadata").put("state", request.state());
        }
        return ApiRequest.submit(BASE + "/generations/video", body);
    }
}
