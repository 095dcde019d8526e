package io.github.mjsdk.example.spring;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.SubmitResult;
import java.net.URI;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code POST /images} and {@code GET /images/{id}}. */
@RestController
public class ImageController {
    private final MidjourneyClient client;
    private final ImageJobs jobs;
    private final String publicUrl;
    private final String webhookPath;
    private final String webhookSecret;

    ImageController(MidjourneyClient client, ImageJobs jobs,
                    @Value("${app.public-url:}") String publicUrl,
                    @Value("${mjsdk.webhook.path:/mjsdk/webhook}") String webhookPath,
                    @Value("${mjsdk.webhook.secret:}") String webhookSecret) {
        this.client = client;
        this.jobs = jobs;
        this.publicUrl = publicUrl;
        this.webhookPath = webhookPath;
        this.webhookSecret = webhookSecret;
    }

    /**
     * What {@code POST /images} takes.
     *
     * @param prompt the prompt, e.g. {@code "a red fox --ar 3:2"}
     * @param speed  {@code turbo}, {@code fast} or {@code relax}; optional
     */
    public record ImageOrder(String prompt, String speed) {
    }

    /**
     * Submits a prompt; the result arrives by webhook (and by polling, as a guard).
     *
     * @param order the prompt and speed
     * @return 202 with the job and its {@code Location}; 400 for a blank prompt or a refused one
     */
    @PostMapping("/images")
    public ResponseEntity<?> create(@RequestBody ImageOrder order) {
        if (order == null || order.prompt() == null || order.prompt().isBlank()) {
            return ResponseEntity.badRequest().body(new Problem("prompt must not be blank"));
        }
        ImagineRequest request = ImagineRequest.of(order.prompt()).withNotifyHook(hookUrl());
        if (order.speed() != null && !order.speed().isBlank()) {
            request = request.withSpeed(Speed.parse(order.speed()));
        }
        SubmitResult submitted;
        try {
            submitted = client.submitImagine(request).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof MidjourneyException) {
                return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(new Problem(e.getCause().getMessage()));
            }
            throw e;
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new Problem(e.getMessage()));
        }
        ImageJobs.Job job = jobs.track(submitted.taskId(), order.prompt(),
                client.poller().await(submitted.taskId()));
        return ResponseEntity.accepted().location(URI.create("/images/" + job.taskId())).body(ImageJobs.view(job));
    }

    /**
     * A job's state.
     *
     * @param taskId the task id from {@code POST /images}
     * @return 200 with the state, 404 for an unknown id
     */
    @GetMapping("/images/{taskId}")
    public ResponseEntity<?> get(@PathVariable("taskId") String taskId) {
        ImageJobs.Job job = jobs.get(taskId);
        return job == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(ImageJobs.view(job));
    }

    private String hookUrl() {
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : publicUrl.replaceAll("/+$", "");
        return base + webhookPath + (webhookSecret.isBlank() ? "" : "?token=" + webhookSecret);
    }

    /**
     * An error body.
     *
     * @param error what went wrong
     */
    public record Problem(String error) {
    }
}
