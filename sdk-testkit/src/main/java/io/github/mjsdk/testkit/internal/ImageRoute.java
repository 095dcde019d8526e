package io.github.mjsdk.testkit.internal;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;

/**
 * {@code GET /mj/image/{id}} and friends: the generated PNGs a task's URLs point to, and the images uploaded with
 * imagine's {@code base64Array}. No authentication, like CometAPI's public {@code /mj/image/{id}} links.
 * <ul>
 *   <li>{@code /mj/image/{id}}: a SUCCESS task's image: a grid (512×512, four 256×256 quadrants), a U1–U4 upscale
 *       (its quadrant, pixel for pixel, 256×256) or an Upscale (Subtle/Creative) (the quadrant drawn at 512×512);</li>
 *   <li>{@code /mj/image/{id}/{1-4}}: one quadrant of a SUCCESS grid (the {@code imageUrls});</li>
 *   <li>{@code /mj/image/{id}/preview/{percent}}: the blocky in-progress preview;</li>
 *   <li>{@code /mj/video/{id}/{1-4}}: a SUCCESS video task's clips, small looping animated GIFs
 *       ({@code image/gif}, see {@link Gif}), one per clip up to its batch size;</li>
 *   <li>{@code /mj/attachments/{name}}: an uploaded image.</li>
 * </ul>
 * Anything else, or an image that does not exist yet, is a 404. Encoded PNGs are cached (the last 64).
 */
final class ImageRoute {
    private static final int CACHE_SIZE = 64;

    private final Simulation simulation;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    ImageRoute(Simulation simulation) {
        this.simulation = simulation;
    }

    /** A task's image: {@code <root>/mj/image/{id}}, where {@code root} is {@code http://127.0.0.1:PORT}. */
    static String url(String root, SimTask task) {
        return root + "/mj/image/" + task.id;
    }

    /** One quadrant (1–4) of a grid task's image. */
    static String quadrant(String root, SimTask task, int quadrant) {
        return url(root, task) + "/" + quadrant;
    }

    /** The in-progress preview of a task's image at a progress percent. */
    static String preview(String root, SimTask task, int percent) {
        return url(root, task) + "/preview/" + percent;
    }

    MockResponse answer(List<String> params, String path, Instant now) {
        if (params.get(0).equals("attachments")) {
            Simulation.Attachment attachment = params.size() == 2 ? simulation.attachment(params.get(1)) : null;
            return attachment == null ? Replies.springError(404, path, now)
                    : Replies.bytes(attachment.contentType(), attachment.bytes());
        }
        SimTask task = simulation.find(params.get(1));
        if (task == null) {
            return Replies.springError(404, path, now);
        }
        if (params.get(0).equals("video")) {
            byte[] gif = clip(task, params, now);
            return gif == null ? Replies.springError(404, path, now) : Replies.bytes("image/gif", gif);
        }
        Timeline.Phase phase;
        String prompt;
        long seed;
        synchronized (simulation) {
            phase = Timeline.at(task, now);
            prompt = task.picturePrompt();
            seed = task.pictureSeed();
        }
        byte[] png = variant(task, phase, prompt, seed, params);
        return png == null ? Replies.springError(404, path, now) : Replies.bytes("image/png", png);
    }

    private byte[] variant(SimTask task, Timeline.Phase phase, String prompt, long seed, List<String> params) {
        boolean success = phase.status().equals("SUCCESS");
        String key = seed + ":" + task.shape + ":" + task.quadrant + ":"
                + String.join("/", params.subList(2, params.size())) + ":" + prompt;
        if (params.size() == 2) {
            return success ? png(key, () -> full(task, prompt, seed)) : null;
        }
        if (params.size() == 3 && success && task.shape == Shape.GRID && params.get(2).matches("[1-4]")) {
            int quadrant = Integer.parseInt(params.get(2));
            return png(key, () -> Pictures.picture(prompt, seed, quadrant, Pictures.QUADRANT));
        }
        if (params.size() == 4 && params.get(2).equals("preview") && params.get(3).matches("[0-9]{1,2}")
                && (success || phase.status().equals("IN_PROGRESS"))) {
            int percent = Integer.parseInt(params.get(3));
            return png(key, () -> Png.preview(full(task, prompt, seed), percent));
        }
        return null;
    }

    /** Clip {@code n} of a SUCCESS video task, {@code /mj/video/{id}/{n}} with n from 1 to its clip count. */
    private byte[] clip(SimTask task, List<String> params, Instant now) {
        String prompt;
        long seed;
        int clips;
        synchronized (simulation) {
            if (task.shape != Shape.VIDEO || !Timeline.at(task, now).status().equals("SUCCESS")) {
                return null;
            }
            prompt = task.picturePrompt();
            seed = task.pictureSeed();
            clips = task.clips;
        }
        if (params.size() != 3 || !params.get(2).matches("[1-4]") || Integer.parseInt(params.get(2)) > clips) {
            return null;
        }
        int n = Integer.parseInt(params.get(2));
        return cached("video:" + seed + ":" + task.quadrant + ":" + n + ":" + prompt,
                () -> Gif.clip(prompt, seed, (task.quadrant + n - 2) % 4 + 1));
    }

    /** A video task's clip URLs: {@code <root>/mj/video/{id}/1} … up to its clip count. */
    static List<String> clips(String root, SimTask task) {
        List<String> urls = new ArrayList<>(task.clips);
        for (int n = 1; n <= task.clips; n++) {
            urls.add(root + "/mj/video/" + task.id + "/" + n);
        }
        return urls;
    }

    private static BufferedImage full(SimTask task, String prompt, long seed) {
        switch (task.shape) {
            case VIDEO:
            case UPSCALE:
                return Pictures.picture(prompt, seed, task.quadrant, Pictures.QUADRANT);
            case UPSCALE_HD:
                return Pictures.picture(prompt, seed, task.quadrant, Pictures.GRID);
            default:
                return Pictures.grid(prompt, seed);
        }
    }

    /** The encoded picture, from the cache or drawn now. */
    private byte[] png(String key, Supplier<BufferedImage> draw) {
        return cached(key, () -> Png.encode(draw.get()));
    }

    /** Encoded bytes from the cache, or made now; two threads may both make them once, which is harmless. */
    private byte[] cached(String key, Supplier<byte[]> make) {
        synchronized (cache) {
            byte[] known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        byte[] bytes = make.get();
        synchronized (cache) {
            cache.put(key, bytes);
        }
        return bytes;
    }
}
