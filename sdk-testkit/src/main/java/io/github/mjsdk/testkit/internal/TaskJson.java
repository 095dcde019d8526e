package io.github.mjsdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The task JSON of docs/protocols.md §a.6 as the simulator answers fetches, lists and callbacks: the open-source
 * fields in their order, {@code buttons} ({@code []} until SUCCESS) on PLUS servers, and the trueai-org extras
 * {@code mode}, {@code botType}, {@code parentId}, {@code seed} and {@code imageUrls} (§b.6). Legacy open-source
 * mode sends the open-source fields only, and echoes {@code notifyHook} in {@code properties} as that server does.
 */
final class TaskJson {
    private final String baseUrl;
    private final boolean legacy;
    private final String instanceId;

    TaskJson(String baseUrl, boolean legacy, String instanceId) {
        this.baseUrl = baseUrl;
        this.legacy = legacy;
        this.instanceId = instanceId;
    }

    ObjectNode render(SimTask task, Instant at) {
        Timeline.Phase phase = Timeline.at(task, at);
        ObjectNode json = Replies.JSON.createObjectNode();
        json.put("id", task.id);
        json.put("action", task.action);
        json.put("status", phase.status());
        json.put("prompt", task.prompt);
        json.put("promptEn", task.prompt);
        json.put("description", task.description);
        json.put("state", task.state);
        json.put("submitTime", task.submitTime.toEpochMilli());
        json.put("startTime", phase.startTime() == null ? null : phase.startTime().toEpochMilli());
        json.put("finishTime", phase.finishTime() == null ? null : phase.finishTime().toEpochMilli());
        json.put("imageUrl", imageUrl(task, phase));
        json.put("progress", phase.progress());
        json.put("failReason", phase.status().equals("FAILURE")
                ? (task.forcedReason != null ? task.forcedReason
                        : task.cancelledAt != null ? SubmitRoutes.CANCELLED : task.failReason) : null);
        json.set("properties", properties(task, phase));
        if (legacy) {
            return json;
        }
        ArrayNode buttons = json.putArray("buttons");
        if (phase.status().equals("SUCCESS")) {
            for (Buttons.Spec button : Buttons.of(task)) {
                buttons.addObject().put("customId", button.customId()).put("emoji", button.emoji())
                        .put("label", button.label()).put("type", 2).put("style", 2);
            }
        }
        json.put("mode", task.mode.name());
        json.put("botType", task.botType);
        json.put("parentId", task.parentId);
        json.put("customId", task.customId);
        json.put("seed", phase.status().equals("SUCCESS") ? Long.toString(task.pictureSeed()) : null);
        if (task.shape == Shape.VIDEO) {
            List<String> clips = phase.status().equals("SUCCESS") ? ImageRoute.clips(baseUrl, task) : List.of();
            json.put("videoUrl", clips.isEmpty() ? null : clips.get(0));
            ArrayNode videos = json.putArray("videoUrls");
            clips.forEach(url -> videos.addObject().put("url", url));
        }
        if (phase.status().equals("SUCCESS") && task.shape == Shape.GRID) {
            ArrayNode urls = json.putArray("imageUrls");
            for (int quadrant = 1; quadrant <= 4; quadrant++) {
                urls.addObject().put("url", ImageRoute.quadrant(baseUrl, task, quadrant));
            }
        } else {
            json.putNull("imageUrls");
        }
        return json;
    }

    private ObjectNode properties(SimTask task, Timeline.Phase phase) {
        ObjectNode properties = Replies.JSON.createObjectNode();
        if (legacy && task.notifyHook != null) {
            properties.put("notifyHook", task.notifyHook);
        }
        properties.put("finalPrompt", task.described != null ? describedWhenDone(task, phase) : finalPrompt(task));
        if (phase.status().equals("IN_PROGRESS") || phase.status().equals("SUCCESS")) {
            properties.put("messageHash", task.hash);
        }
        properties.put("discordInstanceId", instanceId);
        if (!legacy) {
            properties.put("discordChannelId", instanceId);
        }
        return properties;
    }

    /**
     * The prompt as the bot echoes it. A PLUS server removes speed flags and appends the task's own (§b.4 step 5);
     * the open-source proxy passes the prompt through.
     */
    private String finalPrompt(SimTask task) {
        return legacy ? task.prompt
                : PromptRules.withoutSpeedFlags(task.prompt) + " --" + task.mode.name().toLowerCase(Locale.ROOT);
    }

    private static String describedWhenDone(SimTask task, Timeline.Phase phase) {
        return phase.status().equals("SUCCESS") ? task.described : "";
    }

    private String imageUrl(SimTask task, Timeline.Phase phase) {
        switch (phase.status()) {
            case "IN_PROGRESS":
                return ImageRoute.preview(baseUrl, task, phase.percent());
            case "SUCCESS":
                return ImageRoute.url(baseUrl, task);
            default:
                return null;
        }
    }
}
