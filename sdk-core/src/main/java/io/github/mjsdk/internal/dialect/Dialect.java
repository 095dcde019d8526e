package io.github.mjsdk.internal.dialect;

import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.model.Balance;
import io.github.mjsdk.model.EditRequest;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.RemixRequest;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.BlendRequest;
import io.github.mjsdk.model.DescribeRequest;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.VideoExtendRequest;
import io.github.mjsdk.model.VideoRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One provider's wire dialect: builds its HTTP requests from typed requests and parses its answers into records
 * and typed exceptions. The only place that knows that dialect's paths, field names and codes (docs/architecture.md §3).
 * A request the dialect cannot express fails with IllegalArgumentException naming the dialect, before anything is
 * sent.
 */
public interface Dialect {

    /** The provider's name, for messages: "midjourney-proxy", "apimart", "JourneyAPI". */
    String name();

    /**
     * True when reroll, upscale and vary click the parent's buttons (midjourney-proxy); false when the dialect has
     * its own endpoints for them ({@link #reroll}, {@link #gridAction}).
     */
    boolean rerollByButton();

    ApiRequest imagine(ImagineRequest request, SpeedTier tier, String notifyHook);

    ApiRequest action(ActionRequest request, SpeedTier tier, String notifyHook);

    ApiRequest modal(ModalRequest request, SpeedTier tier);

    /** The query used to poll a task. */
    ApiRequest fetch(String taskId);

    /** The query that returns everything about a task (buttons, action), for checks before a follow-up. */
    default ApiRequest fetchDetailed(String taskId) {
        return fetch(taskId);
    }

    /**
     * True when {@link #fetch} returns a summary without buttons or action (apimart's unified query): a waiting
     * call then reads the finished task once more with {@link #fetchDetailed}.
     */
    default boolean pollsWithSummary() {
        return false;
    }

    /**
     * The tier the server runs a job at when the request names none (apimart: relax), so that a wait without a
     * tier follows that tier's schedule and deadline; null when the server's default is not a known tier.
     */
    default SpeedTier serverDefaultTier() {
        return null;
    }

    /** The finished task from its polled summary and its full view; only called when {@link #pollsWithSummary()}. */
    default Task merge(Task summary, Task detailed) {
        return detailed;
    }

    /** The batch query; only called when the protocol's capabilities have {@code batchQuery}. */
    ApiRequest list(Collection<String> ids);

    /**
     * Refuses, before anything is sent or fetched, what this dialect cannot express for a call: a tier, a
     * notifyHook or a state it has no field for. Throws IllegalArgumentException naming the dialect.
     *
     * @param tier       the tier the call runs at, or null
     * @param notifyHook the callback URL the call sends, or null
     * @param state      the state the call sends, or null
     */
    default void checkCall(SpeedTier tier, String notifyHook, String state) {
    }

    /** {@link #checkCall} for a reroll, whose prompt override some dialects cannot send. */
    default void checkReroll(RerollRequest request, SpeedTier tier, String notifyHook) {
        checkCall(tier, notifyHook, request.state());
    }

    /** Throws IllegalTaskStateException when the dialect's reroll rules refuse the parent (nothing sent). */
    void checkRerollParent(Task parent);

    /** The dialect's own reroll request (dialects where {@link #rerollByButton()} is false). */
    ApiRequest reroll(Task parent, RerollRequest request, SpeedTier tier, String notifyHook);

    /** The dialect's own upscale (U) or variation (V) request for a grid position 1–4. */
    ApiRequest gridAction(Task parent, int index, boolean upscale, SpeedTier tier, String notifyHook);

    SubmitResult parseSubmit(ApiResponse response, ParentCheck parent, Instant now);

    Task parseTask(ApiResponse response, String taskId, Instant now);

    List<Task> parseTasks(ApiResponse response, Instant now);

    /**
     * Whether a Vary (Region) mask has a transparent background (apimart, docs/protocols.md §d) rather than a black
     * one (the proxy family, §a.4).
     */
    default boolean transparentMask() {
        return false;
    }

    /** The account balance query (docs/protocols.md §h.2.10); only where the protocol offers it. */
    default ApiRequest balance() {
        throw new IllegalArgumentException(name() + " has no balance query");
    }

    /** The balance from its answer; typed exceptions for an HTTP error. */
    default Balance parseBalance(ApiResponse response, Instant now) {
        throw new IllegalArgumentException(name() + " has no balance query");
    }

    /** {@code POST {tier}/mj/submit/shorten {prompt}} (docs/protocols.md §h.2.3); only where the protocol offers it. */
    default ApiRequest shorten(String prompt, SpeedTier tier, String notifyHook) {
        throw new IllegalArgumentException(name() + " has no shorten");
    }

    /** {@code GET /mj/task/{id}/image-seed} (docs/protocols.md §h.2.4); only where the protocol offers it. */
    default ApiRequest imageSeed(String taskId) {
        throw new IllegalArgumentException(name() + " has no image seed");
    }

    /** The seed from an image-seed answer; typed exceptions as for a submit. */
    default long parseImageSeed(ApiResponse response, String taskId, Instant now) {
        throw new IllegalArgumentException(name() + " has no image seed");
    }

    /** {@code POST /mj/task/{id}/cancel} (docs/protocols.md §h.2.6); only where the protocol offers it. */
    default ApiRequest cancel(String taskId) {
        throw new IllegalArgumentException(name() + " has no cancel");
    }

    /** Checks a cancel's answer: typed exceptions for an HTTP error, nothing otherwise. */
    default void parseCancel(ApiResponse response, Instant now) {
        throw new IllegalArgumentException(name() + " has no cancel");
    }

    /**
     * The dialect's own route for a follow-up on a single image, for dialects without buttons (JourneyAPI,
     * docs/protocols.md §h.2.9); null when the follow-up clicks the parent's button instead. Throws
     * IllegalTaskStateException when the parent cannot take it (nothing sent).
     *
     * @param parent the fetched parent
     * @param verb   {@code "pan"}, {@code "upscale"}, {@code "vary"} or {@code "zoom"}
     * @param value  the direction ({@code left|right|up|down}), the mode ({@code subtle|creative|strong}) or the
     *               zoom ratio ({@code 1.5}, {@code 2}, or another in (1, 2], as a plain decimal)
     */
    default ApiRequest singleImage(Task parent, String verb, String value, SpeedTier tier, String notifyHook) {
        return null;
    }

    /**
     * Whether Vary (Region) goes through the dialect's own route ({@link #inpaint}) rather than the parent's
     * {@code Inpaint} button and the modal step; throws IllegalTaskStateException when the parent cannot take it
     * there (nothing sent).
     */
    default boolean inpaintsByRoute(Task parent) {
        return false;
    }

    /**
     * The dialect's own Vary (Region) submit (JourneyAPI {@code /inpaint}, docs/protocols.md §h.2.9); only called
     * when {@link #inpaintsByRoute} is true.
     *
     * @param parent      the fetched upscaled image
     * @param prompt      the user's prompt for the area, or null
     * @param maskDataUrl the mask as a PNG data URL (black background, white = repaint)
     */
    default ApiRequest inpaint(Task parent, String prompt, String maskDataUrl, SpeedTier tier, String notifyHook) {
        throw new IllegalArgumentException(name() + " has no inpaint route");
    }

    /**
     * Whether this dialect can remix a follow-up (docs/protocols.md §h.2.11): the proxy family all of them, through
     * the modal step; JourneyAPI a reroll only.
     */
    default boolean remixes(RemixRequest.Target target) {
        return true;
    }

    /**
     * A describe submit (docs/protocols.md §h.2.1); a form of image the provider cannot take fails with
     * IllegalArgumentException naming the parameter.
     */
    default ApiRequest describe(DescribeRequest request, SpeedTier tier, String notifyHook) {
        throw new IllegalArgumentException(name() + " has no describe");
    }

    /**
     * A blend submit (docs/protocols.md §h.2.2); a count or form of image the provider cannot take fails with
     * IllegalArgumentException naming the parameter and the limit.
     */
    default ApiRequest blend(BlendRequest request, SpeedTier tier, String notifyHook) {
        throw new IllegalArgumentException(name() + " has no blend");
    }

    /**
     * A video submit (docs/protocols.md §h.2.7); a form of first frame, an end frame, a batch size or a missing
     * prompt the provider cannot take fails with IllegalArgumentException naming the parameter, before sending.
     */
    default ApiRequest video(VideoRequest request, SpeedTier tier, String notifyHook) {
        throw new IllegalArgumentException(name() + " has no video");
    }

    /**
     * A video extend submit (docs/protocols.md §h.2.7), with the request's 1-based clip index converted to the
     * provider's numbering; what the provider cannot take fails with IllegalArgumentException, before sending.
     */
    default ApiRequest extendVideo(VideoExtendRequest request, SpeedTier tier, String notifyHook) {
        throw new IllegalArgumentException(name() + " has no video extend");
    }

    /**
     * An edit or retexture submit (docs/protocols.md §h.2.8); only where the provider offers it.
     */
    default ApiRequest edit(EditRequest request, SpeedTier tier, String notifyHook) {
        throw new IllegalArgumentException(name() + " has no " + request.kind().name().toLowerCase(
                Locale.ROOT));
    }

    /**
     * The image upload (docs/protocols.md §h.2.5); only where the provider offers it. An image the provider cannot
     * take that way fails with IllegalArgumentException naming {@code images[i]}.
     */
    default ApiRequest uploadImages(List<ImageInput> images, SpeedTier tier) {
        throw new IllegalArgumentException(name() + " has no image upload");
    }

    /** The uploaded images' URLs from the upload's answer, in order; typed exceptions as for a submit. */
    default List<String> parseUploaded(ApiResponse response, Instant now) {
        throw new IllegalArgumentException(name() + " has no image upload");
    }
}
