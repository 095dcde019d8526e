package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * JourneyAPI's task JSON, as {@code POST /fetch} answers it and webhooks carry it (docs/protocols.md §e):
 * {@code task_id}, {@code task_type} (imagine, reroll, upscale-1x, variations), {@code model}, {@code status}
 * (staged while waiting for a job slot, pending, starting, processing, finished, failed), {@code percentage} as a
 * string without {@code %}, and once finished {@code original_image_url} and four {@code image_urls} for a grid, or
 * {@code image_url} for an upscale; {@code error} on failure, a plain string as on the fetch page's failed
 * example ({@code "status":"failed","error":"Content policy violation"}). Absent values are {@code null}.
 *
 * <p>JourneyAPI has neither a cancel route nor a cancelled status: a cancelled task shows as {@code failed}, its
 * {@code error} the cancel text of the midjourney-proxy the job runs on ({@code "取消任务"}, §e and §g.15).
 */
final class JourneyJson {
    private final String root;

    JourneyJson(String root) {
        this.root = root;
    }

    ObjectNode render(SimTask task, Instant at) {
        Timeline.Phase phase = Timeline.at(task, at);
        boolean finished = phase.status().equals("SUCCESS");
        boolean grid = task.shape == Shape.GRID;
        ObjectNode json = Replies.JSON.createObjectNode();
        json.put("task_id", task.id);
        json.put("task_type", task.journeyType != null ? task.journeyType : taskType(task.action));
        json.put("model", "midjourney");
        json.put("status", status(task, phase));
        json.put("percentage", Integer.toString(phase.percent()));
        json.put("original_image_url", finished && grid ? ImageRoute.url(root, task) : null);
        if (finished && grid) {
            ArrayNode urls = json.putArray("image_urls");
            for (int quadrant = 1; quadrant <= 4; quadrant++) {
                urls.add(ImageRoute.quadrant(root, task, quadrant));
            }
        } else {
            json.putNull("image_urls");
        }
        boolean video = task.shape == Shape.VIDEO;
        json.put("image_url", finished && !grid && !video ? ImageRoute.url(root, task) : null);
        if (video) {
            ArrayNode videos = json.putArray("video_urls");
            if (finished) {
                ImageRoute.clips(root, task).forEach(videos::add);
            }
        }
        json.put("error", phase.status().equals("FAILURE") ? task.failureText() : null);
        if (task.described != null) {
            json.putNull("original_image_url");
            json.putNull("image_urls");
            ArrayNode content = json.putArray("content");
            if (finished) {
                Descriptions.prompts(task.prompt).forEach(content::add);
            }
        }
        return json;
    }

    private static String status(SimTask task, Timeline.Phase phase) {
        switch (phase.status()) {
            case "NOT_START":
                return task.startAt == null ? "staged" : "pending";
            case "SUBMITTED":
                return "starting";
            case "IN_PROGRESS":
                return "processing";
            case "SUCCESS":
                return "finished";
            default:
                return "failed";
        }
    }

    static String taskType(String action) {
        switch (action) {
            case "REROLL":
                return "reroll";
            case "UPSCALE":
                return "upscale-1x";
            case "VARIATION":
                return "variations";
            case "DESCRIBE":
                return "describe";
            case "BLEND":
                return "blend";
            default:
                return "imagine";
        }
    }
}
