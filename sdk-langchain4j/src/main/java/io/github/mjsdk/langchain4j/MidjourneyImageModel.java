package io.github.mjsdk.langchain4j;

import dev.langchain4j.data.image.Image;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.image.ImageModel;
import dev.langchain4j.model.output.Response;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.error.BannedPromptException;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.AdmissionQueueFullException;
import io.github.mjsdk.error.AdmissionTimeoutException;
import io.github.mjsdk.error.QueueFullException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.ServiceUnavailableException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Task;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Midjourney behind LangChain4j's {@link ImageModel}: each {@code generate} is one Midjourney imagine, waited for
 * until the 2×2 grid is done.
 *
 * <pre>{@code
 * ImageModel model = MidjourneyImageModel.builder()
 *         .client(client)
 *         .speed("turbo")
 *         .aspectRatio("16:9")
 *         .build();
 * Response<Image> response = model.generate("a lighthouse at dawn");
 * URI url = response.content().url();
 * }</pre>
 *
 * <p>{@link #generate(String)} answers the grid's first image; {@link #generate(String, int)} its first {@code n}
 * (1 to 4), in U1–U4 order (a provider that sends no split images gives the grid itself, once). Each image's
 * {@code revisedPrompt} is the prompt Midjourney ran; the response metadata holds {@code taskId}, {@code prompt} and
 * {@code gridUrl}. With {@code base64(true)} the images are downloaded and carry base64 data and a MIME type.
 *
 * <p>Errors are LangChain4j's: {@link AuthenticationException} (rejected key), {@link InvalidRequestException}
 * (refused request), {@link ContentFilteredException} (banned prompt), {@link RateLimitException} (429, full
 * queue on the server or in the client's admission queue), {@link InternalServerException} (5xx, no account
 * available), {@link TimeoutException} (the wait's deadline, or the admission queue's), {@link RetriableException}
 * (I/O), {@link NonRetriableException} (a failed job and anything else); the SDK's exception is the cause.
 *
 * <p>Thread-safe; blocks the calling thread until the job is done. The client stays yours: never closed here.
 */
public final class MidjourneyImageModel implements ImageModel {
    private final MidjourneyClient client;
    private final SpeedTier speed;
    private final String aspectRatio;
    private final String version;
    private final boolean base64;

    private MidjourneyImageModel(Builder builder) {
        this.client = builder.client;
        this.speed = builder.speed;
        this.aspectRatio = builder.aspectRatio;
        this.version = builder.version;
        this.base64 = builder.base64;
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Response<Image> generate(String prompt) {
        Response<List<Image>> images = generate(prompt, 1);
        return Response.from(images.content().get(0), null, null, images.metadata());
    }

    @Override
    public Response<List<Image>> generate(String prompt, int n) {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("n must be 1..4 (one Midjourney grid), got " + n);
        }
        String text = prompt(prompt.trim());
        ImagineRequest request = ImagineRequest.of(text);
        if (speed != null) {
            request = request.withSpeed(speed);
        }
        Task task = join(client.imagine(request));
        List<String> urls = task.imageUrls().isEmpty()
                ? (task.imageUrl() == null ? List.of() : List.of(task.imageUrl()))
                : task.imageUrls().subList(0, Math.min(n, task.imageUrls().size()));
        if (urls.isEmpty()) {
            throw new NonRetriableException("Midjourney task " + task.id() + " succeeded without an image URL");
        }
        String ran = task.finalPrompt().orElse(task.prompt() != null ? task.prompt() : text);
        List<Image> images = new ArrayList<>(urls.size());
        for (String url : urls) {
            Image.Builder image = Image.builder().revisedPrompt(ran);
            if (base64) {
                io.github.mjsdk.image.DownloadedImage bytes = join(client.images().download(url));
                image.base64Data(Base64.getEncoder().encodeToString(bytes.bytes()))
                        .mimeType(bytes.format().mimeType());
            } else {
                image.url(url);
            }
            images.add(image.build());
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("taskId", task.id());
        metadata.put("prompt", text);
        if (task.imageUrl() != null) {
            metadata.put("gridUrl", task.imageUrl());
        }
        return Response.from(images, null, null, metadata);
    }

    private String prompt(String prompt) {
        StringBuilder text = new StringBuilder(prompt);
        String lower = " " + prompt.toLowerCase(Locale.ROOT) + " ";
        if (aspectRatio != null && !lower.contains(" --ar ") && !lower.contains(" --aspect ")) {
            text.append(" --ar ").append(aspectRatio);
        }
        if (version != null && !lower.contains(" --v ") && !lower.contains(" --version ")
                && !lower.contains(" --niji")) {
            text.append(version.startsWith("niji") ? " --niji " + version.substring(4).trim() : " --v " + version);
        }
        return text.toString();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw translate(e.getCause() != null ? e.getCause() : e);
        } catch (CancellationException e) {
            throw new RetriableException("Midjourney request cancelled", e);
        } catch (MidjourneyException e) {
            throw translate(e);
        }
    }

    /** LangChain4j's exception for an SDK failure. */
    static RuntimeException translate(Throwable failure) {
        if (!(failure instanceof MidjourneyException)) {
            return failure instanceof RuntimeException ? (RuntimeException) failure
                    : new LangChain4jException("Midjourney request failed: " + failure, failure);
        }
        String message = "Midjourney: " + failure.getMessage();
        if (failure instanceof io.github.mjsdk.error.AuthenticationException) {
            return new AuthenticationException(message, failure);
        }
        if (failure instanceof BannedPromptException) {
            return new ContentFilteredException(message, failure);
        }
        if (failure instanceof io.github.mjsdk.error.InvalidRequestException) {
            return new InvalidRequestException(message, failure);
        }
        if (failure instanceof io.github.mjsdk.error.RateLimitException || failure instanceof QueueFullException
                || failure instanceof AdmissionQueueFullException) {
            return new RateLimitException(message, failure);
        }
        if (failure instanceof ServerException || failure instanceof ServiceUnavailableException) {
            return new InternalServerException(message, failure);
        }
        if (failure instanceof TaskTimeoutException || failure instanceof AdmissionTimeoutException) {
            return new TimeoutException(message, failure);
        }
        if (failure instanceof TransportException) {
            return new RetriableException(message, failure);
        }
        if (failure instanceof TaskFailedException) {
            return new NonRetriableException(message, failure);
        }
        return new NonRetriableException(message, failure);
    }

    @Override
    public String toString() {
        return "MidjourneyImageModel[" + client + ", speed=" + (speed == null ? "default" : speed.id())
                + ", aspectRatio=" + aspectRatio + ", version=" + version + ", base64=" + base64 + "]";
    }

    /** Builds a {@link MidjourneyImageModel}, LangChain4j style. Not thread-safe. */
    public static final class Builder {
        private MidjourneyClient client;
        private SpeedTier speed;
        private String aspectRatio;
        private String version;
        private boolean base64;

        private Builder() {
        }

        /**
         * The client to use; required. The model never closes it.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(MidjourneyClient client) {
            this.client = client;
            return this;
        }

        /**
         * The speed tier. Default: the client's default tier.
         *
         * @param tier {@code turbo}, {@code fast}, {@code relax}, or a path prefix such as {@code /mj-vip}
         * @return this builder
         * @throws IllegalArgumentException if {@code tier} is none of these
         */
        public Builder speed(String tier) {
            if (tier == null || tier.isBlank()) {
                this.speed = null;
            } else {
                String value = tier.trim();
                this.speed = value.startsWith("/") ? SpeedTier.of(value) : Speed.parse(value);
            }
            return this;
        }

        /**
         * The aspect ratio, sent as {@code --ar} unless the prompt has one. Default Midjourney's (1:1).
         *
         * @param ratio e.g. {@code "16:9"}
         * @return this builder
         * @throws IllegalArgumentException if {@code ratio} is not two positive whole numbers around a colon
         */
        public Builder aspectRatio(String ratio) {
            if (ratio != null && !ratio.matches("[1-9][0-9]*:[1-9][0-9]*")) {
                throw new IllegalArgumentException("aspectRatio must look like 16:9, got " + ratio);
            }
            this.aspectRatio = ratio;
            return this;
        }

        /**
         * The Midjourney version, sent as {@code --v} ({@code "7"}, {@code "6.1"}) or {@code --niji}
         * ({@code "niji 6"}) unless the prompt has one. Default Midjourney's.
         *
         * @param modelVersion the version
         * @return this builder
         */
        public Builder modelName(String modelVersion) {
            if (modelVersion == null || modelVersion.isBlank()) {
                this.version = null;
            } else {
                String value = modelVersion.trim().toLowerCase(Locale.ROOT);
                this.version = value.startsWith("v") ? value.substring(1).trim() : value;
            }
            return this;
        }

        /**
         * Whether to download the images and return base64 data instead of URLs. Default {@code false}.
         *
         * @param download {@code true} for base64
         * @return this builder
         */
        public Builder base64(boolean download) {
            this.base64 = download;
            return this;
        }

        /**
         * Builds the model.
         *
         * @return the model
         * @throws IllegalArgumentException if no client was given
         */
        public MidjourneyImageModel build() {
            if (client == null) {
                throw new IllegalArgumentException("client must be set");
            }
            return new MidjourneyImageModel(this);
        }
    }
}
