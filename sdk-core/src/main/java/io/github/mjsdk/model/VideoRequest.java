package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Redact;

/**
 * A video from an image: Midjourney animates a first frame into short clips (docs/protocols.md §h.2.7). The first
 * frame is either an image ({@link #of(ImageInput)}) or one picture of a finished grid, named by its task and grid
 * position ({@link #ofGridImage(String, int)}; apimart only). The result's clips are {@link Task#videoUrls()}
 * (usually four). Build with a factory and the {@code with…} methods.
 *
 * <p>Construction throws {@link IllegalArgumentException} naming the parameter when: both or neither of
 * {@code image} and {@code parentTaskId} are given; {@code parentTaskId} is blank or {@code index} is outside 1–4
 * when a parent is given, or {@code index} is set without a parent; {@code batchSize} is not null, 1, 2 or 4;
 * {@code prompt} is over {@link #MAX_PROMPT} characters; {@code state} is over 255 characters; {@code notifyHook}
 * is not an absolute http(s) URL. What a provider cannot send (bytes on JourneyAPI, an end frame or a batch size
 * where it has no field, a parent task outside apimart) is refused when the call is made, before sending.
 *
 * @param image        the first frame, or {@code null} when {@code parentTaskId} names it
 * @param parentTaskId a finished grid's task whose picture {@code index} is the first frame, or {@code null}
 * @param index        the grid position 1–4 of that picture (1-based, as {@code upscale(..)}); 0 without a parent
 * @param prompt       what should happen in the clip, or {@code null}
 * @param motion       low or high; never null ({@link VideoMotion#LOW} by default)
 * @param endImage     the last frame, or {@code null}
 * @param batchSize    how many clips, 1, 2 or 4, or {@code null} for the provider's default
 * @param speed        the speed tier, or {@code null} for the client's default
 * @param state        an opaque string of yours, or {@code null}
 * @param notifyHook   a callback URL, or {@code null} for the client's default
 */
public record VideoRequest(ImageInput image, String parentTaskId, int index, String prompt, VideoMotion motion,
                           ImageInput endImage, Integer batchSize, SpeedTier speed, String state,
                           String notifyHook) {
    /** The longest prompt accepted, in characters (the proxies' prompt limit). */
    public static final int MAX_PROMPT = 8192;

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param image see {@link #image()}
     * @param parentTaskId see {@link #parentTaskId()}
     * @param index see {@link #index()}
     * @param prompt see {@link #prompt()}
     * @param motion see {@link #motion()}
     * @param endImage see {@link #endImage()}
     * @param batchSize see {@link #batchSize()}
     * @param speed see {@link #speed()}
     * @param state see {@link #state()}
     * @param notifyHook see {@link #notifyHook()}
     */
    public VideoRequest {
        if ((image == null) == (parentTaskId == null)) {
            throw new IllegalArgumentException("image, parentTaskId: give exactly one first frame, an image or a"
                    + " grid task with an index");
        }
        if (parentTaskId != null) {
            Args.notBlank(parentTaskId, "parentTaskId");
            Args.gridIndex(index, "index");
        } else if (index != 0) {
            throw new IllegalArgumentException("index: only a video from a grid task (parentTaskId) takes an index,"
                    + " got " + index);
        }
        Args.maxLength(prompt, MAX_PROMPT, "prompt");
        motion = motion == null ? VideoMotion.LOW : motion;
        checkBatchSize(batchSize);
        Args.maxLength(state, 255, "state");
        Args.optionalHttpUrl(notifyHook, "notifyHook");
    }

    private static void checkBatchSize(Integer batchSize) {
        if (batchSize != null && batchSize != 1 && batchSize != 2 && batchSize != 4) {
            throw new IllegalArgumentException("batchSize must be 1, 2 or 4 clips, got " + batchSize);
        }
    }

    /**
     * The first frame (docs/protocols.md §h.2.7): the proxy family sends it as {@code image} (a URL, or bytes as a
     * data URL), apimart as {@code image_urls[0]} (URL or data URL, at most 12 MiB), JourneyAPI as
     * {@code image_url} (public URLs only; bytes are refused before sending).
     *
     * @return the image, or {@code null} when the first frame is a grid task's picture ({@link #parentTaskId()})
     */
    @Override
    public ImageInput image() {
        return image;
    }

    /**
     * A finished grid whose picture at {@link #index()} is the first frame: apimart's {@code task_id}; the proxy
     * family and JourneyAPI have no such form and refuse it before sending.
     *
     * @return the task id, or {@code null} when {@link #image()} is the first frame
     */
    @Override
    public String parentTaskId() {
        return parentTaskId;
    }

    /**
     * The grid position of the first frame, 1-based like {@code upscale(..)}: 1 top left … 4 bottom right. apimart
     * counts from 0, so 1–4 is sent as {@code index} 0–3.
     *
     * @return 1–4 with a {@link #parentTaskId()}, else 0
     */
    @Override
    public int index() {
        return index;
    }

    /**
     * What should happen in the clip: {@code prompt} on every provider. JourneyAPI and trueai's proxy require one
     * (JourneyAPI's is checked before sending); CometAPI and apimart accept none (apimart then uses the grid's).
     *
     * @return at most {@link #MAX_PROMPT} characters, e.g. {@code "the fox turns its head"}; {@code null} when not set
     */
    @Override
    public String prompt() {
        return prompt;
    }

    /**
     * How much the clip moves, sent as {@code motion} {@code "low"} or {@code "high"} on every provider.
     *
     * @return never null; {@link VideoMotion#LOW} unless set
     */
    @Override
    public VideoMotion motion() {
        return motion;
    }

    /**
     * The last frame: trueai's {@code endImage} (URL or data URL) on the proxy family, apimart's {@code end_url};
     * JourneyAPI has none and refuses it before sending.
     *
     * @return the image, or {@code null} for none
     */
    @Override
    public ImageInput endImage() {
        return endImage;
    }

    /**
     * How many clips: trueai's {@code batchSize} on the proxy family (its default is 4), apimart's
     * {@code batch_size} (default 1, billed per clip); JourneyAPI always makes four and refuses a batch size before
     * sending.
     *
     * @return 1, 2 or 4; {@code null} for the provider's default
     */
    @Override
    public Integer batchSize() {
        return batchSize;
    }

    /**
     * The speed tier (docs/protocols.md §b.4, §c.3): on the proxy family a path prefix before {@code /mj}, on apimart
     * the {@code speed} field (apimart runs videos at fast whatever it says); JourneyAPI has no tiers and refuses one
     * before sending.
     *
     * @return the tier, or {@code null} for the client's default
     */
    @Override
    public SpeedTier speed() {
        return speed;
    }

    /**
     * An opaque string of yours, echoed back in {@link Task#state()}: {@code state} on the proxy family,
     * {@code metadata.state} on apimart; JourneyAPI refuses it before sending.
     *
     * @return at most 255 characters; {@code null} when not set
     */
    @Override
    public String state() {
        return state;
    }

    /**
     * A URL the server POSTs the task to at each change (docs/protocols.md §a.12): {@code notifyHook} on the proxy
     * family, {@code webhook_url} on JourneyAPI; apimart has no callbacks and refuses one before sending.
     *
     * @return an absolute http(s) URL; {@code null} for the client's default, or none
     */
    @Override
    public String notifyHook() {
        return notifyHook;
    }

    /**
     * A video from an image, with low motion, at the client's default speed.
     *
     * @param image the first frame
     * @return the request
     * @throws IllegalArgumentException if {@code image} is null
     */
    public static VideoRequest of(ImageInput image) {
        Args.notNull(image, "image");
        return new VideoRequest(image, null, 0, null, null, null, null, null, null, null);
    }

    /**
     * A video whose first frame is one picture of a finished grid (apimart only: {@code task_id} + {@code index}).
     *
     * @param taskId the grid's task
     * @param index  the picture's grid position, 1–4
     * @return the request
     * @throws IllegalArgumentException if {@code taskId} is blank or {@code index} is outside 1–4
     */
    public static VideoRequest ofGridImage(String taskId, int index) {
        Args.notBlank(taskId, "parentTaskId");
        return new VideoRequest(null, taskId, index, null, null, null, null, null, null, null);
    }

    /**
     * A copy with a prompt.
     *
     * @param value the prompt, or {@code null}
     * @return the copy
     * @throws IllegalArgumentException if it is over {@link #MAX_PROMPT} characters
     */
    public VideoRequest withPrompt(String value) {
        return new VideoRequest(image, parentTaskId, index, value, motion, endImage, batchSize, speed, state,
                notifyHook);
    }

    /**
     * A copy with a motion.
     *
     * @param value the motion; {@code null} means low
     * @return the copy
     */
    public VideoRequest withMotion(VideoMotion value) {
        return new VideoRequest(image, parentTaskId, index, prompt, value, endImage, batchSize, speed, state,
                notifyHook);
    }

    /**
     * A copy with a last frame.
     *
     * @param value the image, or {@code null} for none
     * @return the copy
     */
    public VideoRequest withEndImage(ImageInput value) {
        return new VideoRequest(image, parentTaskId, index, prompt, motion, value, batchSize, speed, state,
                notifyHook);
    }

    /**
     * A copy with a number of clips.
     *
     * @param value 1, 2 or 4, or {@code null} for the provider's default
     * @return the copy
     * @throws IllegalArgumentException if it is not null, 1, 2 or 4
     */
    public VideoRequest withBatchSize(Integer value) {
        return new VideoRequest(image, parentTaskId, index, prompt, motion, endImage, value, speed, state,
                notifyHook);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public VideoRequest withSpeed(SpeedTier tier) {
        return new VideoRequest(image, parentTaskId, index, prompt, motion, endImage, batchSize, tier, state,
                notifyHook);
    }

    /**
     * A copy with your own state string.
     *
     * @param value at most 255 characters, or {@code null}
     * @return the copy
     */
    public VideoRequest withState(String value) {
        return new VideoRequest(image, parentTaskId, index, prompt, motion, endImage, batchSize, speed, value,
                notifyHook);
    }

    /**
     * A copy with a callback URL.
     *
     * @param url the URL, or {@code null} for the client's default
     * @return the copy
     */
    public VideoRequest withNotifyHook(String url) {
        return new VideoRequest(image, parentTaskId, index, prompt, motion, endImage, batchSize, speed, state, url);
    }

    /**
     * A summary without the image bytes or the callback URL's query.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "VideoRequest[" + (image != null ? "image=" + image : "parentTaskId=" + parentTaskId + ", index="
                + index) + ", prompt=" + prompt + ", motion=" + motion + ", endImage=" + endImage + ", batchSize="
                + batchSize + ", speed=" + (speed == null ? null : speed.id()) + ", state=" + state
                + ", notifyHook=" + Redact.url(notifyHook) + "]";
    }
}
