package io.github.mjsdk.image;

import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Futures;
import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.model.Task;
import java.util.ArrayList;
import java.util.List;
import io.github.mjsdk.error.IllegalTaskStateException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Downloads and saves the images of tasks, and the clips of video tasks ({@link #saveVideos(Task, Path)}). Get one
 * from {@link io.github.mjsdk.MidjourneyClient#images()}: it then downloads through the client's own OkHttp client,
 * so the API key goes exactly where API calls send it (only to the base URL's scheme, host and port, also after
 * redirects) and never to a CDN or any other host.
 *
 * <pre>{@code
 * Task grid = client.imagine("a red fox in fresh snow", Speed.TURBO).join();
 * SavedGrid saved = client.images().saveGrid(grid, Path.of("mj-out")).join();
 * saved.files();   // mj-out/<id>/grid.png, mj-out/<id>/1.png … 4.png
 * }</pre>
 *
 * <p><b>Downloads</b> are one {@code GET} each, not retried, and bounded: a body over {@link #maxBytes()} (checked
 * on {@code Content-Length} and again while reading) fails with {@link io.github.mjsdk.error.ProtocolException}.
 * The answer must be {@code image/png}, {@code image/jpeg} or {@code image/webp}; {@code application/octet-stream}
 * or no type at all is accepted when the bytes are one of the three. Anything else (an HTML error page served
 * with 200, JSON) fails with {@code ProtocolException} carrying the status and a bounded excerpt of the body. An
 * HTTP error status fails with the {@link io.github.mjsdk.error.ApiException} subtype API calls use (404
 * {@link io.github.mjsdk.error.NotFoundException}, 401/403 {@link io.github.mjsdk.error.AuthenticationException},
 * 5xx {@link io.github.mjsdk.error.ServerException} …); an I/O failure or timeout with
 * {@link io.github.mjsdk.error.TransportException}. The client's timeouts apply (call timeout 60 s by default).
 *
 * <p><b>Threads.</b> Thread-safe. HTTP runs on OkHttp's dispatcher; decoding and file writes run on the callback
 * executor, where the returned futures also complete. Cancelling a returned future cancels its HTTP call.
 */
public final class Images {
    /** The default cap on one downloaded image: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final OkHttpClient http;
    private final Executor callbackExecutor;
    private final long maxBytes;
    private final Clock clock = Clock.systemUTC();
    private final Set<Operation> active = ConcurrentHashMap.newKeySet();
    private final boolean allowLinkLocal;

    private Images(OkHttpClient http, Executor callbackExecutor, long maxBytes, boolean allowLinkLocal) {
        OkHttpClient.Builder own = http.newBuilder().followRedirects(false).followSslRedirects(false);
        this.http = allowLinkLocal ? own.build() : own.dns(new ImageHosts(http.dns())).build();
        this.allowLinkLocal = allowLinkLocal;
        this.callbackExecutor = callbackExecutor;
        this.maxBytes = maxBytes;
    }

    /**
     * An image helper on an OkHttp client of your own, for image URLs you hold without a
     * {@link io.github.mjsdk.MidjourneyClient}. Requests carry whatever that client adds (no API key unless its
     * interceptors add one); the client is never shut down by this helper.
     *
     * @param http             the OkHttp client to download with
     * @param callbackExecutor where decoding, file writes and future completion run
     * @param maxBytes         the cap on one image, in bytes, at least 1024; {@link #DEFAULT_MAX_BYTES} is usual
     * @return the helper
     * @throws IllegalArgumentException if {@code http} or {@code callbackExecutor} is null, or {@code maxBytes} is
     *                                  under 1024
     */
    public static Images create(OkHttpClient http, Executor callbackExecutor, long maxBytes) {
        return create(http, callbackExecutor, maxBytes, false);
    }

    /**
     * An image helper as {@link #create(OkHttpClient, Executor, long)} makes it, choosing whether downloads may
     * reach link-local addresses. By default they may not: a server-supplied image URL (or a redirect) that leads to
     * 169.254.0.0/16, fe80::/10 or fd00:ec2::254, where cloud metadata services answer, fails with
     * {@link io.github.mjsdk.error.TransportException} before any byte of the request is written.
     *
     * @param http             the OkHttp client to download with
     * @param callbackExecutor where decoding, file writes and future completion run
     * @param maxBytes         the cap on one image, in bytes, at least 1024
     * @param allowLinkLocal   {@code true} to allow link-local and metadata addresses
     * @return the helper
     * @throws IllegalArgumentException if {@code http} or {@code callbackExecutor} is null, or {@code maxBytes} is
     *                                  under 1024
     */
    public static Images create(OkHttpClient http, Executor callbackExecutor, long maxBytes,
                                boolean allowLinkLocal) {
        Args.notNull(http, "http");
        Args.notNull(callbackExecutor, "callbackExecutor");
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024, got " + maxBytes);
        }
        return new Images(http, callbackExecutor, maxBytes, allowLinkLocal);
    }

    /**
     * Cancels every download and save in flight: their futures fail with {@link CancellationException} and their
     * HTTP calls are cancelled. A client calls it when it closes; the helper stays usable.
     */
    public void cancelAll() {
        active.forEach(Operation::cancel);
    }

    /**
     * The cap on one downloaded image.
     *
     * @return the cap in bytes
     */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Downloads an image.
     *
     * @param url an absolute http(s) URL, e.g. a task's {@link Task#imageUrl()}
     * @return a future of the image; fails as the class description says
     * @throws IllegalArgumentException if {@code url} is null, blank or not an absolute http(s) URL
     */
    public CompletableFuture<DownloadedImage> download(String url) {
        Args.notBlank(url, "url");
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new IllegalArgumentException("url must be an absolute http(s) URL");
        }
        Operation operation = begin();
        return Futures.deliver(ImageDownload.start(http, parsed, maxBytes, operation, clock, allowLinkLocal,
                Media.IMAGE)
                .whenComplete((image, error) -> active.remove(operation)), operation::cancel, callbackExecutor);
    }

    /**
     * Downloads a task's image ({@link Task#imageUrl()}): the grid of an imagine, reroll or variation, the single
     * image of an upscale. While a task runs its URL is a low-resolution preview; download SUCCESS tasks.
     *
     * @param task the task
     * @return a future of the image
     * @throws IllegalArgumentException if {@code task} is null or has no image URL
     */
    public CompletableFuture<DownloadedImage> download(Task task) {
        return download(imageUrlOf(task));
    }

    /**
     * Downloads a grid task's image and saves it with its four images: {@code <root>/<taskId>/grid.png} (or
     * {@code .jpg}, {@code .webp}) and {@code <root>/<taskId>/1.png} … {@code 4.png}, as {@link ImageFiles}
     * describes.
     *
     * @param grid a SUCCESS grid task (see {@link #isGrid(Task)})
     * @param root the root folder, e.g. {@code Path.of("mj-out")}; created when missing
     * @return a future of the saved files; fails like {@link #download(String)}, with {@link ImageDecodeException}
     *     when the grid cannot be decoded (WebP without a plugin), or with {@link IOException} when a file cannot
     *     be written
     * @throws IllegalArgumentException  if an argument is null, the task has no image URL, or its id is not a plain
     *                                   file name
     * @throws IllegalTaskStateException if the task is not a grid (an upscale, a describe, a video …): save it with
     *                                   {@link #saveImage(Task, Path)}; nothing is downloaded
     */
    public CompletableFuture<SavedGrid> saveGrid(Task grid, Path root) {
        Args.notNull(grid, "task");
        if (!isGrid(grid)) {
            throw new IllegalTaskStateException("task " + grid.id() + " is " + grid.action() + ", not a 2x2 grid:"
                    + " save it with saveImage(..), which does not split it", grid);
        }
        String url = imageUrlOf(grid);
        ImageFiles.taskDirectory(root, grid.id());
        return afterDownload(url, image -> ImageFiles.saveGridAndImages(image, root, grid.id()));
    }

    /**
     * Whether a task's image is a 2×2 grid: its action is imagine, reroll, a variation (V, strong, subtle), blend,
     * pan or zoom, or is unknown (the server did not say; it is then trusted to be one).
     *
     * @param task the task
     * @return false for upscales, describes, videos, edits and the other single-image actions
     * @throws IllegalArgumentException if {@code task} is null
     */
    public static boolean isGrid(Task task) {
        Args.notNull(task, "task");
        switch (task.action()) {
            case IMAGINE:
            case REROLL:
            case VARIATION:
            case HIGH_VARIATION:
            case LOW_VARIATION:
            case BLEND:
            case PAN:
            case ZOOM:
            case CUSTOM_ZOOM:
            case UNKNOWN:
                return true;
            default:
                return false;
        }
    }

    /**
     * Downloads the four images of a grid from their own URLs ({@link Task#imageUrls()}, which some servers give
     * beside the grid: trueai-org's proxy, apimart, JourneyAPI) and saves each as it is, without re-encoding, to
     * {@code <root>/<taskId>/image-1.png} … {@code image-4.png} (or {@code .jpg}, {@code .webp}): the server's own
     * full-size images, to compare with or use instead of the split {@code 1.png} … {@code 4.png} of
     * {@link #saveGrid(Task, Path)}. The four are downloaded one after the other.
     *
     * @param grid a SUCCESS grid task with four image URLs
     * @param root the root folder; created when missing
     * @return a future of the four files in grid order; fails like {@link #download(String)}, or with
     *     {@link IOException} when a file cannot be written
     * @throws IllegalArgumentException  if an argument is null, or the task's id is not a plain file name
     * @throws IllegalTaskStateException if the task does not carry exactly four image URLs (save the grid and split
     *                                   it with {@link #saveGrid(Task, Path)} instead); nothing is downloaded
     */
    public CompletableFuture<List<Path>> saveImages(Task grid, Path root) {
        Args.notNull(grid, "task");
        List<String> urls = grid.imageUrls();
        if (urls.size() != 4) {
            throw new IllegalTaskStateException("task " + grid.id() + " carries " + urls.size() + " image URLs, not"
                    + " four: save its grid and split it with saveGrid(..)", grid);
        }
        ImageFiles.taskDirectory(root, grid.id());
        CompletableFuture<List<Path>> chain = CompletableFuture.completedFuture(new ArrayList<>(4));
        for (int i = 0; i < 4; i++) {
            int index = i + 1;
            String url = urls.get(i);
            chain = chain.thenCompose(saved -> afterDownload(url, image -> ImageFiles.saveNumberedImage(image, root,
                    grid.id(), index)).thenApply(path -> {
                        saved.add(path);
                        return saved;
                    }));
        }
        return chain.thenApply(List::copyOf);
    }

    /**
     * Downloads a task's image and saves it as it is to {@code <root>/<taskId>/image.png} (or {@code .jpg},
     * {@code .webp}), as {@link ImageFiles} describes. Use it for upscales.
     *
     * @param task a SUCCESS task
     * @param root the root folder; created when missing
     * @return a future of the file written; fails like {@link #download(String)}, or with {@link IOException}
     * @throws IllegalArgumentException if an argument is null, the task has no image URL, or its id is not a plain
     *                                  file name
     */
    public CompletableFuture<Path> saveImage(Task task, Path root) {
        String url = imageUrlOf(task);
        ImageFiles.taskDirectory(root, task.id());
        return afterDownload(url, image -> ImageFiles.saveImage(image, root, task.id()));
    }

    /**
     * Downloads the clips of a finished video task ({@link Task#videoUrls()}, docs/protocols.md §h.2.7) and saves
     * each as it is to {@code <root>/<taskId>/video-1.mp4}, {@code video-2.mp4} … in the task's order (the
     * extension follows the answer: {@code .mp4}, {@code .webm}, {@code .mov}, or {@code .gif} for an animated GIF,
     * which the testkit's simulator serves). Each download follows the rules of the class description, with
     * {@code video/mp4}, {@code video/webm}, {@code video/quicktime} or {@code image/gif} in place of the image
     * types (or an untyped answer whose bytes are one of those), and the same {@link #maxBytes()} cap per clip. The
     * clips are downloaded one after the other; a file that exists is replaced.
     *
     * @param video a SUCCESS video or video extend task
     * @param root  the root folder, e.g. {@code Path.of("mj-out")}; created when missing
     * @return a future of the files written, in clip order; fails like {@link #download(String)} (a
     *     {@link io.github.mjsdk.error.ProtocolException} when an answer is not a video or is over the cap), or with
     *     {@link IOException} when a file cannot be written
     * @throws IllegalArgumentException  if an argument is null, or the task's id is not a plain file name
     * @throws IllegalTaskStateException if the task carries no video URLs (an image task, or a video that has not
     *                                   finished); nothing is downloaded
     */
    public CompletableFuture<List<Path>> saveVideos(Task video, Path root) {
        Args.notNull(video, "task");
        Args.notNull(root, "root");
        List<String> urls = video.videoUrls();
        if (urls.isEmpty()) {
            throw new IllegalTaskStateException("task " + video.id() + " (" + video.action() + ", "
                    + video.status() + ") carries no video URLs: save a SUCCESS video task", video);
        }
        ImageFiles.taskDirectory(root, video.id());
        CompletableFuture<List<Path>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (int i = 0; i < urls.size(); i++) {
            int index = i + 1;
            String url = urls.get(i);
            chain = chain.thenCompose(saved -> afterDownload(url, Media.VIDEO, clip -> ImageFiles.saveBytes(
                    clip.bytes(), root, video.id(), "video-" + index, clip.format().extension(), "video"))
                    .thenApply(path -> {
                        saved.add(path);
                        return saved;
                    }));
        }
        return chain.thenApply(List::copyOf);
    }

    /**
     * A summary.
     *
     * @return e.g. {@code Images[maxBytes=67108864]}
     */
    @Override
    public String toString() {
        return "Images[maxBytes=" + maxBytes + "]";
    }

    private <T> CompletableFuture<T> afterDownload(String url, FileWork<DownloadedImage, T> work) {
        return afterDownload(url, Media.IMAGE, work);
    }

    private <M, T> CompletableFuture<T> afterDownload(String url, Media<M> media, FileWork<M, T> work) {
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new IllegalArgumentException("the task's imageUrl is not an absolute http(s) URL");
        }
        Operation operation = begin();
        CompletableFuture<T> done = new CompletableFuture<>();
        operation.onCancel(() -> done.completeExceptionally(new CancellationException("cancelled")));
        done.whenComplete((value, error) -> active.remove(operation));
        ImageDownload.start(http, parsed, maxBytes, operation, clock, allowLinkLocal, media).whenComplete((image,
                error) -> {
            if (error != null) {
                done.completeExceptionally(error);
                return;
            }
            try {
                callbackExecutor.execute(() -> {
                    try {
                        done.complete(work.apply(image));
                    } catch (Throwable e) {
                        done.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException closed) {
                done.completeExceptionally(new CancellationException("the callback executor is shut down"));
            }
        });
        return Futures.deliver(done, operation::cancel, callbackExecutor);
    }

    private Operation begin() {
        Operation operation = new Operation();
        active.add(operation);
        return operation;
    }

    private static String imageUrlOf(Task task) {
        Args.notNull(task, "task");
        String url = task.imageUrl();
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("task " + task.id() + " has no imageUrl (status " + task.status()
                    + ")");
        }
        return url;
    }

    /** File work on a downloaded image or clip. */
    @FunctionalInterface
    private interface FileWork<M, T> {
        T apply(M downloaded) throws IOException;
    }
}
