package io.github.mjsdk.springai;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.BannedPromptException;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.error.WebhookVerificationException;
import io.github.mjsdk.image.DownloadedImage;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Task;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.ai.image.Image;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageGenerationMetadata;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.image.ImageResponseMetadata;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

/**
 * Midjourney behind Spring AI's {@link ImageModel}: each {@link #call(ImagePrompt)} is one Midjourney imagine, waited
 * for until the 2×2 grid is done, and answers the grid's images.
 *
 * <pre>{@code
 * ImageModel images = new MidjourneyImageModel(client, MidjourneyImageOptions.builder().speed("turbo").build());
 * ImageResponse response = images.call(new ImagePrompt("a lighthouse at dawn",
 *         MidjourneyImageOptions.builder().aspectRatio("16:9").n(1).build()));
 * String url = response.getResult().getOutput().getUrl();
 * }</pre>
 *
 * <p><b>Prompt.</b> The prompt's messages are joined with spaces; a message with a weight other than 1 becomes a
 * Midjourney multi-prompt part {@code text::weight}. The options ({@link MidjourneyImageOptions}) add
 * {@code --ar}, {@code --v}/{@code --niji} and {@code --style} unless the prompt already has them.
 *
 * <p><b>Response.</b> One {@link ImageGeneration} per image, at most four (the grid's split images, in U1–U4
 * order; a provider that sends no split images gives the grid itself, once), each with
 * {@link MidjourneyImageGenerationMetadata} (task id, index, final prompt). The response metadata holds
 * {@code taskId}, {@code prompt} and {@code gridUrl}, and {@code created} is the task's finish time in epoch seconds. With response format {@code b64_json} the images are
 * downloaded through the client.
 *
 * <p><b>Errors.</b> {@link TransientAiException} for what may pass (rate limits, full queues, 5xx, I/O errors,
 * timeouts); {@link NonTransientAiException} for what will not (a rejected key, an invalid or banned prompt, a failed
 * job); the SDK's exception is the cause. {@link IllegalArgumentException} for a blank prompt or {@code n} over 4.
 *
 * <p>Thread-safe; blocks the calling thread until the job is done (a minute or more at fast speed; fine on virtual
 * threads). The client stays yours: this model never closes it.
 */
public final class MidjourneyImageModel implements ImageModel {
    /** Response metadata key of the task id. */
    public static final String TASK_ID = "taskId";
    /** Response metadata key of the prompt as sent. */
    public static final String PROMPT = "prompt";
    /** Response metadata key of the grid's URL. */
    public static final String GRID_URL = "gridUrl";

    private final MidjourneyClient client;
    private final MidjourneyImageOptions defaults;

    /**
     * A model with no default options.
     *
     * @param client the client; not closed by this model
     */
    public MidjourneyImageModel(MidjourneyClient client) {
        this(client, MidjourneyImageOptions.builder().build());
    }

    /**
     * A model.
     *
     * @param client   the client; not closed by this model
     * @param defaults the options of requests that set none
     * @throws IllegalArgumentException if either is null
     */
    public MidjourneyImageModel(MidjourneyClient client, MidjourneyImageOptions defaults) {
        if (client == null || defaults == null) {
            throw new IllegalArgumentException("client and defaults must not be null");
        }
        this.client = client;
        this.defaults = defaults;
    }

    /**
     * The default options.
     *
     * @return the options of requests that set none
     */
    public MidjourneyImageOptions getDefaultOptions() {
        return defaults;
    }

    @Override
    public ImageResponse call(ImagePrompt request) {
        if (request == null) {
            throw new IllegalArgumentException("request must not be null");
        }
        MidjourneyImageOptions options = MidjourneyImageOptions.merge(request.getOptions(), defaults);
        int n = options.getN() == null ? 4 : options.getN();
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("n must be 1..4 (one Midjourney grid), got " + n);
        }
        String prompt = prompt(request.getInstructions(), options);
        ImagineRequest imagine = ImagineRequest.of(prompt);
        if (options.getSpeed() != null && !options.getSpeed().isBlank()) {
            imagine = imagine.withSpeed(tier(options.getSpeed()));
        }
        Task task = join(client.imagine(imagine));
        List<String> urls = task.imageUrls().isEmpty()
                ? (task.imageUrl() == null ? List.of() : List.of(task.imageUrl()))
                : task.imageUrls().subList(0, Math.min(n, task.imageUrls().size()));
        boolean base64 = MidjourneyImageOptions.B64_JSON.equals(options.getResponseFormat());
        List<ImageGeneration> generations = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            Image image = base64 ? new Image(null, Base64.getEncoder().encodeToString(download(url).bytes()))
                    : new Image(url, null);
            generations.add(new ImageGeneration(image, new MidjourneyImageGenerationMetadata(task.id(), i + 1,
                    task.finalPrompt().orElse(task.prompt() != null ? task.prompt() : prompt))));
        }
        // created: epoch seconds, as Spring AI's other image models report it
        ImageResponseMetadata metadata = new ImageResponseMetadata(
                (task.finishTime() != null ? task.finishTime() : Instant.now()).getEpochSecond());
        metadata.put(TASK_ID, task.id());
        metadata.put(PROMPT, prompt);
        if (task.imageUrl() != null) {
            metadata.put(GRID_URL, task.imageUrl());
        }
        return new ImageResponse(generations, metadata);
    }

    private DownloadedImage download(String url) {
        return join(client.images().download(url));
    }

    /** The Midjourney prompt of a Spring AI prompt and its options. */
    static String prompt(List<ImageMessage> messages, MidjourneyImageOptions options) {
        StringBuilder text = new StringBuilder();
        for (ImageMessage message : messages) {
            String part = message.getText() == null ? "" : message.getText().trim();
            if (part.isEmpty()) {
                continue;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(part);
            Float weight = message.getWeight();
            if (weight != null && weight != 1.0f && messages.size() > 1) {
                text.append("::").append(weight % 1 == 0 ? String.valueOf(weight.intValue()) : weight.toString());
            }
        }
        if (text.length() == 0) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
        String prompt = text.toString();
        String ratio = options.getAspectRatio();
        if (ratio == null && options.getWidth() != null && options.getHeight() != null
                && options.getWidth() > 0 && options.getHeight() > 0) {
            int gcd = BigInteger.valueOf(options.getWidth()).gcd(BigInteger.valueOf(options.getHeight())).intValue();
            ratio = options.getWidth() / gcd + ":" + options.getHeight() / gcd;
        }
        if (ratio != null && !has(prompt, "--ar", "--aspect")) {
            text.append(" --ar ").append(ratio);
        }
        String model = options.getModel();
        if (model != null && !model.isBlank() && !has(prompt, "--v", "--version", "--niji")) {
            String version = model.trim().toLowerCase(Locale.ROOT);
            if (version.startsWith("niji")) {
                text.append(" --niji ").append(version.substring(4).trim());
            } else {
                text.append(" --v ").append(version.startsWith("v") ? version.substring(1).trim() : version);
            }
        }
        if (options.getStyle() != null && !options.getStyle().isBlank() && !has(prompt, "--style")) {
            text.append(" --style ").append(options.getStyle().trim());
        }
        return text.toString().trim();
    }

    private static boolean has(String prompt, String... parameters) {
        String lower = " " + prompt.toLowerCase(Locale.ROOT) + " ";
        for (String parameter : parameters) {
            if (lower.contains(" " + parameter + " ") || lower.contains(" " + parameter + "=")) {
                return true;
            }
        }
        return false;
    }

    /** The one place that turns a tier name into the SDK's type. */
    static SpeedTier tier(String name) {
        String value = name.trim();
        return value.startsWith("/") ? SpeedTier.of(value) : Speed.parse(value);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw translate(e.getCause() != null ? e.getCause() : e);
        } catch (CancellationException e) {
            throw new TransientAiException("Midjourney request cancelled", e);
        } catch (MidjourneyException e) {
            throw translate(e);
        }
    }

    /** Spring AI's exception for an SDK failure: non-transient when retrying cannot help. */
    static RuntimeException translate(Throwable failure) {
        if (!(failure instanceof MidjourneyException)) {
            return failure instanceof RuntimeException ? (RuntimeException) failure
                    : new TransientAiException("Midjourney request failed: " + failure, failure);
        }
        String message = "Midjourney: " + failure.getMessage();
        if (failure instanceof AuthenticationException || failure instanceof InvalidRequestException
                || failure instanceof BannedPromptException || failure instanceof TaskFailedException
                || failure instanceof NotFoundException || failure instanceof ModalRequiredException
                || failure instanceof IllegalTaskStateException || failure instanceof WebhookVerificationException) {
            return new NonTransientAiException(message, failure);
        }
        return new TransientAiException(message, failure);
    }

    @Override
    public String toString() {
        return "MidjourneyImageModel[" + client + ", defaults=" + defaults + "]";
    }

    /**
     * Metadata of one image.
     *
     * @param taskId the task id of the grid
     * @param index  the image's place in the grid, 1 (top left) to 4 (bottom right)
     * @param prompt the prompt Midjourney ran
     */
    public record MidjourneyImageGenerationMetadata(String taskId, int index, String prompt)
            implements ImageGenerationMetadata {
    }
}
