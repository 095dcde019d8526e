package io.github.mjsdk.internal.dialect;

import io.github.mjsdk.internal.http.HttpErrors;
import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.util.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.mjsdk.model.Balance;
import io.github.mjsdk.model.EditRequest;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.error.IllegalTaskStateException;
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
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.VideoExtendRequest;
import io.github.mjsdk.model.VideoRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The midjourney-proxy dialect (docs/protocols.md §a, §b, §c): CometAPI, trueai-org and novicezk proxies, new-api
 * gateways. The only place that knows this protocol's paths, field names and codes.
 */
final class ProxyDialect implements Dialect {
    private final String provider;
    private final boolean tierPrefixes;
    private final String accountBaseUrl;

    /** A server with the {@code /mj-turbo|/mj-fast|/mj-relax} prefixes (CometAPI, trueai-org). */
    ProxyDialect() {
        this("midjourney-proxy", true, null);
    }

    /**
     * @param provider       the provider's display name, for messages
     * @param tierPrefixes   whether the server has speed-tier path prefixes (the open-source proxy has none)
     * @param accountBaseUrl CometAPI's balance host without a trailing slash, or null for none
     */
    ProxyDialect(String provider, boolean tierPrefixes, String accountBaseUrl) {
        this.provider = provider;
        this.tierPrefixes = tierPrefixes;
        this.accountBaseUrl = accountBaseUrl;
    }

    @Override
    public String name() {
        return "midjourney-proxy";
    }

    @Override
    public boolean rerollByButton() {
        return true;
    }


    /** {@code /mj-turbo/mj} for a tier, {@code /mj} for none; a tier on a server without prefixes is refused. */
    String root(SpeedTier tier) {
        checkTier(tier);
        return (tier == null ? "" : tier.pathPrefix()) + "/mj";
    }

    private void checkTier(SpeedTier tier) {
        if (tier != null && !tierPrefixes) {
            throw new IllegalArgumentException(provider + " has no speed tiers: this server has no " + tier.pathPrefix()
                    + " route (the open-source midjourney-proxy has none). Leave the speed unset, or, if your proxy"
                    + " has the prefixes, use Providers.trueAi(url) for trueai-org's, or"
                    + " Providers.midjourneyProxy(url).withSpeedTiers(true)");
        }
    }

    @Override
    public void checkCall(SpeedTier tier, String notifyHook, String state) {
        checkTier(tier);
    }

    /** A path segment: the id percent-encoded ({@code " "} as {@code %20}); ids of letters and digits as they are. */
    static String segment(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!plain) {
                return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            }
        }
        return id;
    }

    @Override
    public ApiRequest imagine(ImagineRequest request, SpeedTier tier, String notifyHook) {
        ObjectNode body = Json.object().put("prompt", request.prompt());
        if (!request.base64Array().isEmpty()) {
            ArrayNode images = body.putArray("base64Array");
            request.base64Array().forEach(images::add);
        }
        if (request.botType() != null) {
            body.put("botType", request.botType().name());
        }
        if (!request.accountFilter().isEmpty()) {
            body.set("accountFilter", Json.MAPPER.valueToTree(request.accountFilter()));
        }
        common(body, request.state(), notifyHook);
        return ApiRequest.submit(root(tier) + "/submit/imagine", body);
    }

    @Override
    public ApiRequest action(ActionRequest request, SpeedTier tier, String notifyHook) {
        return action(request.taskId(), request.customId(), tier, request.state(), notifyHook, request.enableRemix(),
                request.chooseSameChannel());
    }

    ApiRequest action(String taskId, String customId, SpeedTier tier, String state, String notifyHook,
                      Boolean enableRemix, Boolean chooseSameChannel) {
        ObjectNode body = Json.object().put("taskId", taskId).put("customId", customId);
        common(body, state, notifyHook);
        if (enableRemix != null) {
            body.put("enableRemix", enableRemix);
        }
        if (chooseSameChannel != null) {
            body.put("chooseSameChannel", chooseSameChannel);
        }
        return ApiRequest.submit(root(tier) + "/submit/action", body);
    }

    /** Buttons are checked by the engine; a parent without any goes through {@code /submit/change}. */
    @Override
    public void checkRerollParent(Task parent) {
        if (!parent.buttons().isEmpty() && parent.rerollButton().isEmpty()) {
            throw new IllegalTaskStateException("task " + parent.id() + " (" + parent.action() + ") has no reroll"
                    + " button: only a grid (imagine, reroll, variation, blend) can be rerolled", parent);
        }
        notAGrid(parent, "reroll");
    }

    /**
     * A parent without buttons goes through {@code /submit/change}, which the server only accepts for a grid: an
     * upscale (or a describe) is refused here, before anything is sent, instead of coming back as code 4.
     */
    private static void notAGrid(Task parent, String verb) {
        if (parent.buttons().isEmpty() && (parent.action() == TaskAction.UPSCALE
                || parent.action() == TaskAction.DESCRIBE)) {
            throw new IllegalTaskStateException("cannot " + verb + " task " + parent.id() + " (" + parent.action()
                    + "): only a grid (imagine, reroll, variation, blend) can be " + verb + "d by position on this"
                    + " server", parent);
        }
    }

    /** The legacy reroll of a parent without buttons (open-source proxy): {@code /submit/change REROLL}. */
    @Override
    public ApiRequest reroll(Task parent, RerollRequest request, SpeedTier tier, String notifyHook) {
        if (request.prompt() != null) {
            throw new IllegalTaskStateException("cannot reroll task " + parent.id() + " with a new prompt: this"
                    + " server's tasks have no buttons, so it has no Remix/modal step", parent);
        }
        return change(parent.id(), "REROLL", 0, tier, request.state(), notifyHook);
    }

    /** The legacy U/V of a parent without buttons: {@code /submit/change UPSCALE|VARIATION}. */
    @Override
    public ApiRequest gridAction(Task parent, int index, boolean upscale, SpeedTier tier, String notifyHook) {
        notAGrid(parent, upscale ? "upscale" : "vary");
        return change(parent.id(), upscale ? "UPSCALE" : "VARIATION", index, tier, null, notifyHook);
    }

    /** Legacy open-source API for servers whose tasks have no buttons: action UPSCALE, VARIATION or REROLL. */
    ApiRequest change(String taskId, String action, int index, SpeedTier tier, String state,
                             String notifyHook) {
        ObjectNode body = Json.object().put("taskId", taskId).put("action", action);
        if (index > 0) {
            body.put("index", index);
        }
        common(body, state, notifyHook);
        return ApiRequest.submit(root(tier) + "/submit/change", body);
    }

    @Override
    public ApiRequest modal(ModalRequest request, SpeedTier tier) {
        ObjectNode body = Json.object().put("taskId", request.taskId());
        if (request.prompt() != null) {
            body.put("prompt", request.prompt());
        }
        if (request.maskBase64() != null) {
            body.put("maskBase64", request.maskBase64());
        }
        return ApiRequest.submit(root(tier) + "/submit/modal", body);
    }

    @Override
    public ApiRequest fetch(String taskId) {
        return ApiRequest.get("/mj/task/" + segment(taskId) + "/fetch");
    }

    @Override
    public ApiRequest list(Collection<String> ids) {
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("ids");
        ids.forEach(array::add);
        return ApiRequest.query("/mj/task/list-by-condition", body);
    }

    private static void common(ObjectNode body, String state, String notifyHook) {
        if (state != null) {
            body.put("state", state);
        }
        if (notifyHook != null) {
            body.put("notifyHook", notifyHook);
        }
    }

    /** The accepted submit (code 1, 21, 22), or the typed exception for anything else. */
    @Override
    public SubmitResult parseSubmit(ApiResponse response, ParentCheck parent, Instant now) {
        if (!response.isSuccessful()) {
            throw ErrorMapper.http(response, parent, now);
        }
        JsonNode body = DialectBodies.object(response);
        Integer code = ErrorMapper.code(body);
        if (code == null) {
            throw HttpErrors.notProtocol(response, "a JSON object without a business code", null);
        }
        if (code != SubmitResult.CODE_SUCCESS && code != SubmitResult.CODE_IN_QUEUE
                && code != SubmitResult.CODE_EXISTED_OR_MODAL) {
            throw ErrorMapper.business(response, code, body, parent);
        }
        String taskId = Json.text(body, "result");
        if (taskId == null || taskId.isBlank()) {
            throw HttpErrors.notProtocol(response, "code " + code + " but no task id in \"result\"", null);
        }
        Map<String, Object> properties = Json.toMap(body.get("properties"));
        int queue = body.path("properties").path("numberOfQueues").asInt(0);
        return new SubmitResult(taskId, code, Json.text(body, "description"), code == 22 ? queue : 0, properties);
    }

    /**
     * The task; NotFoundException for an empty body or 204 (docs/protocols.md §g.16). A JSON object is read straight
     * into the task ({@link TaskStream}); anything else (an error envelope, an array, a scalar) goes through the tree
     * for its typed exception.
     */
    @Override
    public Task parseTask(ApiResponse response, String taskId, Instant now) {
        DialectBodies.checkTaskAnswer(response, taskId, now);
        byte[] bytes = response.body();
        try (JsonParser parser = TaskStream.open(bytes)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                Task task = TaskStream.readObject(parser, bytes);
                TaskStream.end(parser);
                if (task != null) {
                    return task;
                }
            }
        } catch (IOException e) {
            throw DialectBodies.malformed(response, e);
        }
        JsonNode body = DialectBodies.taskBody(response, taskId, now);
        Task task = TaskReader.read(body);
        if (task == null) {
            throw envelopeOr(response, body, "a JSON object without a task id");
        }
        return task;
    }

    /**
     * The tasks of a list-by-condition answer, in the server's order; unknown ids are simply absent. A JSON array is
     * read straight into tasks ({@link TaskStream}); anything else goes through the tree for its typed exception.
     */
    @Override
    public List<Task> parseTasks(ApiResponse response, Instant now) {
        if (!response.isSuccessful()) {
            throw ErrorMapper.http(response, ParentCheck.UNVERIFIED, now);
        }
        if (!response.isEmpty()) {
            byte[] bytes = response.body();
            try (JsonParser parser = TaskStream.open(bytes)) {
                if (parser.nextToken() == JsonToken.START_ARRAY) {
                    List<Task> tasks = new ArrayList<>();
                    JsonToken item;
                    while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                        if (item != JsonToken.START_OBJECT) {
                            TaskStream.skip(parser, item);
                            continue;
                        }
                        Task task = TaskStream.readObject(parser, bytes);
                        if (task != null) {
                            tasks.add(task);
                        }
                    }
                    TaskStream.end(parser);
                    return tasks;
                }
            } catch (IOException e) {
                throw DialectBodies.malformed(response, e);
            }
        }
        JsonNode body = DialectBodies.parse(response);
        if (!body.isArray()) {
            throw envelopeOr(response, body, "JSON that is not an array of tasks");
        }
        List<Task> tasks = new ArrayList<>(body.size());
        for (JsonNode item : body) {
            Task task = TaskReader.read(item);
            if (task != null) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    private static MidjourneyException envelopeOr(ApiResponse response, JsonNode body, String what) {
        Integer code = ErrorMapper.code(body);
        if (code != null) {
            return ErrorMapper.business(response, code, body, ParentCheck.UNVERIFIED);
        }
        return HttpErrors.notProtocol(response, what, null);
    }

    /** {@code POST {tier}/mj/submit/describe {base64 | link}} (docs/protocols.md §h.2.1). */
    @Override
    public ApiRequest describe(DescribeRequest request, SpeedTier tier, String notifyHook) {
        ImageInput image = request.image();
        ObjectNode body = image.isUrl() ? Json.object().put("link", image.url())
                : Json.object().put("base64", image.dataUrl());
        common(body, request.state(), notifyHook);
        return ApiRequest.submit(root(tier) + "/submit/describe", body);
    }

    /** {@code POST {tier}/mj/submit/blend {base64Array, dimensions}}: data URLs only (docs/protocols.md §h.2.2). */
    @Override
    public ApiRequest blend(BlendRequest request, SpeedTier tier, String notifyHook) {
        ObjectNode body = Json.object();
        ArrayNode images = body.putArray("base64Array");
        for (int i = 0; i < request.images().size(); i++) {
            ImageInput image = request.images().get(i);
            if (image.isUrl()) {
                throw new IllegalArgumentException("images[" + i + "]: midjourney-proxy's blend takes image bytes"
                        + " (sent as data URLs in base64Array), not a URL: use ImageInput.of(Path) or of(bytes, type)");
            }
            images.add(image.dataUrl());
        }
        body.put("dimensions", request.dimensions().name());
        common(body, request.state(), notifyHook);
        return ApiRequest.submit(root(tier) + "/submit/blend", body);
    }

    /** {@code GET /mj/task/{id}/image-seed} (docs/protocols.md §h.2.4): PLUS and trueai. */
    @Override
    public ApiRequest imageSeed(String taskId) {
        return ApiRequest.get("/mj/task/" + segment(taskId) + "/image-seed");
    }

    /** The envelope's {@code result} as a number: {@code {code:1, result:"<seed>"}}. */
    @Override
    public long parseImageSeed(ApiResponse response, String taskId, Instant now) {
        SubmitResult result = parseSubmit(response, ParentCheck.UNVERIFIED, now);
        try {
            return Long.parseLong(result.taskId().trim());
        } catch (NumberFormatException e) {
            throw HttpErrors.notProtocol(response, "an image seed that is not a number", e);
        }
    }

    /**
     * {@code POST /mj/task/{id}/cancel} with the body {@code {}} (trueai reads none; docs/protocols.md §h.2.6); it
     * answers 200 with an empty body.
     */
    @Override
    public ApiRequest cancel(String taskId) {
        return ApiRequest.submit("/mj/task/" + segment(taskId) + "/cancel", Json.object());
    }

    @Override
    public void parseCancel(ApiResponse response, Instant now) {
        if (!response.isSuccessful()) {
            throw ErrorMapper.http(response, ParentCheck.UNVERIFIED, now);
        }
    }

    /** {@code POST {tier}/mj/submit/shorten {prompt}} (docs/protocols.md §h.2.3): PLUS and trueai. */
    @Override
    public ApiRequest shorten(String prompt, SpeedTier tier, String notifyHook) {
        ObjectNode body = Json.object().put("prompt", prompt);
        common(body, null, notifyHook);
        return ApiRequest.submit(root(tier) + "/submit/shorten", body);
    }

    /**
     * {@code POST {tier}/mj/submit/video {motion, image, prompt?, endImage?, batchSize?}} (docs/protocols.md §h.2.7):
     * the first and last frames as URLs or data URLs; {@code endImage} and {@code batchSize} are trueai's fields.
     * A grid task's picture as the first frame has no form here.
     */
    @Override
    public ApiRequest video(VideoRequest request, SpeedTier tier, String notifyHook) {
        if (request.image() == null) {
            throw new IllegalArgumentException("parentTaskId: midjourney-proxy animates an image (image), not a grid"
                    + " task's picture: upscale it and pass its imageUrl with ImageInput.ofUrl(..)");
        }
        ObjectNode body = Json.object().put("motion", request.motion().wire())
                .put("image", request.image().urlOrDataUrl());
        if (request.prompt() != null) {
            body.put("prompt", request.prompt());
        }
        if (request.endImage() != null) {
            body.put("endImage", request.endImage().urlOrDataUrl());
        }
        if (request.batchSize() != null) {
            body.put("batchSize", request.batchSize());
        }
        common(body, request.state(), notifyHook);
        return ApiRequest.submit(root(tier) + "/submit/video", body);
    }

    /**
     * {@code POST {tier}/mj/submit/video {action:"extend", taskId, index, motion, prompt?}} with the clip index
     * 0-based (docs/protocols.md §h.2.7).
     */
    @Override
    public ApiRequest extendVideo(VideoExtendRequest request, SpeedTier tier, String notifyHook) {
        ObjectNode body = Json.object().put("action", "extend").put("taskId", request.taskId())
                .put("index", request.index() - 1).put("motion", request.motion().wire());
        if (request.prompt() != null) {
            body.put("prompt", request.prompt());
        }
        common(body, request.state(), notifyHook);
        return ApiRequest.submit(root(tier) + "/submit/video", body);
    }

    /**
     * {@code POST {tier}/mj/submit/edits} or {@code /submit/retexture} with {@code {prompt, image}}, the image as
     * its URL or a data URL (docs/protocols.md §h.2.8: trueai's shape; CometAPI's edits assumed to take the same).
     */
    @Override
    public ApiRequest edit(EditRequest request, SpeedTier tier, String notifyHook) {
        ObjectNode body = Json.object().put("prompt", request.prompt()).put("image", request.image().urlOrDataUrl());
        common(body, request.state(), notifyHook);
        String route = request.kind() == EditRequest.Kind.EDIT ? "edits" : "retexture";
        return ApiRequest.submit(root(tier) + "/submit/" + route, body);
    }

    /**
     * {@code POST {tier}/mj/submit/upload-discord-images {base64Array}} (docs/protocols.md §h.2.5; trueai): data URLs
     * only.
     */
    @Override
    public ApiRequest uploadImages(List<ImageInput> images, SpeedTier tier) {
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("base64Array");
        for (int i = 0; i < images.size(); i++) {
            ImageInput image = images.get(i);
            if (image.isUrl()) {
                throw new IllegalArgumentException("images[" + i + "]: an upload takes image bytes (sent as data"
                        + " URLs), not a URL, which is already public: use ImageInput.of(Path) or of(bytes, type)");
            }
            array.add(image.dataUrl());
        }
        return ApiRequest.submit(root(tier) + "/submit/upload-discord-images", body);
    }

    /** The envelope's {@code result} as an array of URLs: {@code {code:1, result:["https://…", …]}}. */
    @Override
    public List<String> parseUploaded(ApiResponse response, Instant now) {
        if (!response.isSuccessful()) {
            throw ErrorMapper.http(response, ParentCheck.UNVERIFIED, now);
        }
        JsonNode body = DialectBodies.object(response);
        Integer code = ErrorMapper.code(body);
        if (code == null) {
            throw HttpErrors.notProtocol(response, "a JSON object without a business code", null);
        }
        if (code != SubmitResult.CODE_SUCCESS) {
            throw ErrorMapper.business(response, code, body, ParentCheck.UNVERIFIED);
        }
        JsonNode result = body.get("result");
        if (result == null || !result.isArray() || result.isEmpty()) {
            throw HttpErrors.notProtocol(response, "code 1 but no array of URLs in \"result\"", null);
        }
        List<String> urls = new ArrayList<>(result.size());
        for (JsonNode url : result) {
            if (!url.isTextual() || url.textValue().isBlank()) {
                throw HttpErrors.notProtocol(response, "an upload answer whose \"result\" holds a non-URL", null);
            }
            urls.add(url.textValue());
        }
        return List.copyOf(urls);
    }

    /**
     * CometAPI's balance: {@code GET {account host}/user/quota?key=<key>} on its separate query service
     * (docs/protocols.md §h.2.10). The key is the query parameter, added on the wire only.
     */
    @Override
    public ApiRequest balance() {
        if (accountBaseUrl == null) {
            throw new IllegalArgumentException(provider + " has no balance query");
        }
        return ApiRequest.keyedGet(accountBaseUrl, "/user/quota");
    }

    /**
     * {@code {username, total_quota, total_used_quota, request_count, keys: [...]}}: the account's balance and
     * spending in USD; a missing or non-numeric {@code total_quota} is a ProtocolException.
     */
    @Override
    public Balance parseBalance(ApiResponse response, Instant now) {
        if (!response.isSuccessful()) {
            throw ErrorMapper.http(response, ParentCheck.UNVERIFIED, now);
        }
        JsonNode body = DialectBodies.object(response);
        JsonNode total = body.get("total_quota");
        if (total == null || !total.isNumber()) {
            throw HttpErrors.notProtocol(response, "a quota answer without a numeric total_quota", null);
        }
        JsonNode used = body.get("total_used_quota");
        return new io.github.mjsdk.model.Balance(total.decimalValue(),
                used != null && used.isNumber() ? used.decimalValue() : null, "USD", false, Json.toMap(body));
    }
}
