package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * apimart's task JSON, both query flavours (docs/protocols.md §d). The MJ-style {@code GET /v1/midjourney/{id}}:
 * {@code id}, {@code action}, upper-case {@code status}, {@code progress} as {@code "45%"}, {@code prompt},
 * {@code grid_image_url} (a single image's is {@code image_url}), four {@code image_urls}, {@code buttons}
 * ({@code customId}, {@code label}, {@code emoji}) and, on FAILURE, {@code fail_reason}. The unified
 * {@code GET /v1/tasks/{id}} data: {@code id}, {@code status} pending|processing|completed|failed (and
 * {@code modal} for a task parked for {@code /generations/modal}), {@code progress} as an int,
 * {@code result.images[{url, expires_at}]} (the task's one image, a grid or an upscale), {@code created} and
 * {@code completed} in unix seconds, {@code estimated_time} (once the task is queued to run) and
 * {@code actual_time} in seconds, {@code error}.
 *
 * <p>A failed task: MJ-style {@code FAILURE} with {@code fail_reason}, unified {@code failed} with
 * {@code error.message}. A cancelled task (apimart has no public cancel route, docs/protocols.md §h.2.6): unified
 * {@code cancelled} ("Cancelled by user" on apimart's task status page) with no {@code error}, which that page gives
 * only for {@code failed}; MJ-style {@code CANCEL}, the midjourney-proxy family's status for it (§a.7), since
 * apimart documents no cancel status for that view, and no {@code fail_reason}.
 */
final class ApimartJson {
    /** How long apimart keeps tasks and their images (docs/protocols.md §d, operational notes). */
    static final Duration RETENTION = Duration.ofDays(3);
    /** The MJ-style status of a cancelled task. */
    private static final String CANCEL = "CANCEL";

    private final String root;

    ApimartJson(String root) {
        this.root = root;
    }

    ObjectNode detailed(SimTask task, Instant at) {
        Timeline.Phase phase = Timeline.at(task, at);
        boolean success = phase.status().equals("SUCCESS");
        ObjectNode json = Replies.JSON.createObjectNode();
        json.put("id", task.id);
        json.put("action", task.action);
        json.put("status", task.cancelled() ? CANCEL : phase.status());
        json.put("progress", phase.progress());
        json.put("prompt", task.described == null ? task.prompt : success ? Descriptions.numbered(task.described) : "");
        if (task.described != null) {
            json.putArray("buttons");
            return json;
        }
        String image = phase.status().equals("IN_PROGRESS") ? ImageRoute.preview(root, task, phase.percent())
                : success ? ImageRoute.url(root, task) : null;
        json.put(task.shape == Shape.GRID ? "grid_image_url" : "image_url", image);
        ArrayNode urls = json.putArray("image_urls");
        ArrayNode buttons = json.putArray("buttons");
        if (success) {
            if (task.shape == Shape.GRID) {
                for (int quadrant = 1; quadrant <= 4; quadrant++) {
                    urls.add(ImageRoute.quadrant(root, task, quadrant));
                }
            }
            for (Buttons.Spec button : Buttons.of(task)) {
                buttons.addObject().put("customId", button.customId()).put("label", button.label())
                        .put("emoji", button.emoji());
            }
        }
        if (task.shape == Shape.VIDEO) {
            ArrayNode videos = json.putArray("video_urls");
            if (success) {
                ImageRoute.clips(root, task).forEach(videos::add);
            }
        }
        if (phase.status().equals("FAILURE") && !task.cancelled()) {
            json.put("fail_reason", task.failureText());
        }
        return json;
    }

    ObjectNode unified(SimTask task, Instant at) {
        Timeline.Phase phase = Timeline.at(task, at);
        ObjectNode data = Replies.JSON.createObjectNode();
        data.put("id", task.id);
        data.put("status", task.cancelled() ? "cancelled" : unifiedStatus(phase.status()));
        data.put("progress", phase.percent());
        if (phase.status().equals("SUCCESS") && task.shape == Shape.VIDEO) {
            ArrayNode videos = data.putObject("result").putArray("videos");
            ImageRoute.clips(root, task).forEach(url -> videos.addObject().putArray("url").add(url));
        } else if (phase.status().equals("SUCCESS")) {
            data.putObject("result").putArray("images").addObject()
                    .put("url", ImageRoute.url(root, task))
                    .put("expires_at", phase.finishTime().plus(RETENTION).getEpochSecond());
        }
        data.put("created", task.submitTime.getEpochSecond());
        if (phase.finishTime() != null) {
            data.put("completed", phase.finishTime().getEpochSecond());
        }
        if (task.duration != null) {
            data.put("estimated_time", seconds(task.duration));
        }
        if (phase.finishTime() != null) {
            data.put("actual_time", seconds(Duration.between(task.submitTime, phase.finishTime())));
        }
        if (phase.status().equals("FAILURE") && !task.cancelled()) {
            data.putObject("error").put("message", task.failureText());
        }
        return data;
    }

    private static String unifiedStatus(String status) {
        switch (status) {
            case "IN_PROGRESS":
                return "processing";
            case "SUCCESS":
                return "completed";
            case "FAILURE":
                return "failed";
            case "MODAL":
                return "modal";
            default:
                return "pending";
        }
    }

    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }
}
