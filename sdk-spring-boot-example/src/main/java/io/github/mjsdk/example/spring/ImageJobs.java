package io.github.mjsdk.example.spring;

import io.github.mjsdk.model.Task;
import io.github.mjsdk.webhook.WebhookEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The image jobs this application started, in memory: each one's wait, and the callbacks seen for it. */
@Component
public class ImageJobs {
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** One job: its wait, and how many callbacks arrived. */
    public record Job(String taskId, String prompt, CompletableFuture<Task> result, AtomicInteger callbacks) {
    }

    /** A job's state as the API shows it. */
    public record View(String taskId, String prompt, String status, int progress, int callbacks,
                       String gridUrl, List<String> imageUrls, String error) {
    }

    Job track(String taskId, String prompt, CompletableFuture<Task> result) {
        Job job = new Job(taskId, prompt, result, new AtomicInteger());
        jobs.put(taskId, job);
        return job;
    }

    /**
     * A job by task id.
     *
     * @param taskId the task id
     * @return the job, or null
     */
    public Job get(String taskId) {
        return jobs.get(taskId);
    }

    /**
     * Counts the starter's webhook events for our jobs.
     *
     * @param event a callback, after the client's receiver handled it
     */
    @EventListener
    public void on(WebhookEvent event) {
        Job job = jobs.get(event.task().id());
        if (job != null) {
            job.callbacks().incrementAndGet();
        }
    }

    static View view(Job job) {
        CompletableFuture<Task> result = job.result();
        if (!result.isDone()) {
            return new View(job.taskId(), job.prompt(), "PENDING", 0, job.callbacks().get(), null, List.of(), null);
        }
        try {
            Task task = result.join();
            return new View(job.taskId(), job.prompt(), task.status().name(), task.progress(), job.callbacks().get(),
                    task.imageUrl(), task.imageUrls(), null);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new View(job.taskId(), job.prompt(), "FAILED", 0, job.callbacks().get(), null, List.of(),
                    cause.getMessage());
        }
    }
}
