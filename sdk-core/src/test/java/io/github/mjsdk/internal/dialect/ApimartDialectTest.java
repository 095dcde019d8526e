package io.github.mjsdk.internal.dialect;

import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.util.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApimartDialectTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final ApimartDialect dialect = new ApimartDialect();

    private static ApiResponse answer(ApiRequest request, int status, String body) {
        return new ApiResponse(request, status, "application/json", body.getBytes(StandardCharsets.UTF_8), null, null,
                body);
    }

    private static Task grid(String id, String action) {
        return ApimartDialect.read(Json.MAPPER.valueToTree(java.util.Map.of("id", id, "status", "SUCCESS",
                "action", action)));
    }

    @Test
    void imagineCarriesSpeedAsBodyFieldInSnakeCase() {
        ApiRequest request = dialect.imagine(ImagineRequest.of("a red fox --ar 3:2").withState("order-42"),
                Speed.TURBO, null);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/midjourney/generations");
        assertThat(request.idempotent()).isFalse();
        assertThat(request.body().toString())
                .isEqualTo("{\"speed\":\"turbo\",\"prompt\":\"a red fox --ar 3:2\",\"metadata\":{\"state\":\"order-42\"}}");
    }

    @Test
    void noTierLeavesSpeedOutAndCustomTierIsRefusedNamingTheDialect() {
        assertThat(dialect.imagine(ImagineRequest.of("cat"), null, null).body().has("speed")).isFalse();

        assertThatThrownBy(() -> dialect.imagine(ImagineRequest.of("cat"), SpeedTier.of("/mj-vip"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apimart")
                .hasMessageContaining("vip");
    }

    @Test
    void notifyHookIsRefusedRatherThanDropped() {
        assertThatThrownBy(() -> dialect.imagine(ImagineRequest.of("cat"), null, "https://hook.example/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apimart");
    }

    @Test
    void rerollPostsTaskIdAndSpeed() {
        ApiRequest request = dialect.reroll(grid("task_01A", "IMAGINE"), RerollRequest.of("task_01A"), Speed.FAST,
                null);

        assertThat(request.path()).isEqualTo("/v1/midjourney/generations/reroll");
        assertThat(request.body().toString()).isEqualTo("{\"task_id\":\"task_01A\",\"speed\":\"fast\"}");
    }

    @Test
    void rerollRulesFollowTheSeedPage() {
        dialect.checkRerollParent(grid("task_1", "IMAGINE"));
        dialect.checkRerollParent(grid("task_2", "REROLL"));

        assertThatThrownBy(() -> dialect.checkRerollParent(grid("task_3", "UPSCALE")))
                .isInstanceOf(IllegalTaskStateException.class)
                .hasMessageContaining("imagine grid or a reroll grid");
        Task running = ApimartDialect.read(Json.MAPPER.valueToTree(java.util.Map.of("id", "task_4",
                "status", "IN_PROGRESS", "action", "IMAGINE")));
        assertThatThrownBy(() -> dialect.checkRerollParent(running))
                .isInstanceOf(IllegalTaskStateException.class)
                .hasMessageContaining("SUCCESS");
    }

    @Test
    void gridActionsAndButtonsMapToTheirEndpoints() {
        Task parent = grid("task_9", "IMAGINE");
        assertThat(dialect.gridAction(parent, 2, true, null, null).path())
                .isEqualTo("/v1/midjourney/generations/upscale");
        assertThat(dialect.gridAction(parent, 3, false, null, null).body().toString())
                .isEqualTo("{\"task_id\":\"task_9\",\"index\":3}");
        ApiRequest pan = dialect.action(ActionRequest.of("task_9", "MJ::JOB::pan_left::1::abcd1234-ef::SOLO"),
                Speed.RELAX, null);
        assertThat(pan.path()).isEqualTo("/v1/midjourney/generations/pan");
        assertThat(pan.body().get("custom_id").asText()).isEqualTo("MJ::JOB::pan_left::1::abcd1234-ef::SOLO");
        assertThatThrownBy(() -> dialect.action(ActionRequest.of("task_9", "MJ::BOOKMARK::x"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apimart");
        assertThat(dialect.modal(ModalRequest.of("task_9", "a fox").withMaskBase64("data:image/png;base64,AA"), null)
                .body().toString()).isEqualTo("{\"task_id\":\"task_9\",\"prompt\":\"a fox\",\"mask_url\":\"data:image/png;base64,AA\"}");
    }

    @Test
    void submitEnvelopeGivesTheTaskIdAndModalStatus() {
        ApiRequest request = dialect.imagine(ImagineRequest.of("cat"), null, null);
        SubmitResult submitted = dialect.parseSubmit(answer(request, 200,
                "{\"code\":200,\"data\":[{\"status\":\"submitted\",\"task_id\":\"task_01KV52C0TEJSYZMCG0NCS4YWKK\"}]}"),
                ParentCheck.NO_PARENT, NOW);
        SubmitResult modal = dialect.parseSubmit(answer(request, 200,
                "{\"code\":200,\"data\":[{\"status\":\"modal\",\"task_id\":\"task_02\"}]}"), ParentCheck.NO_PARENT,
                NOW);

        assertThat(submitted.taskId()).isEqualTo("task_01KV52C0TEJSYZMCG0NCS4YWKK");
        assertThat(submitted.code()).isEqualTo(1);
        assertThat(modal.waitsForModal()).isTrue();
    }

    @Test
    void errorTableMapsToTypedExceptions() {
        ApiRequest request = dialect.reroll(grid("task_1", "IMAGINE"), RerollRequest.of("task_1"), null, null);

        assertThatThrownBy(() -> dialect.parseSubmit(answer(request, 400,
                "{\"code\":4,\"message\":\"task task_1 is not in SUCCESS state\"}"), ParentCheck.VERIFIED, NOW))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> dialect.parseSubmit(answer(request, 404,
                "{\"code\":3,\"message\":\"task task_1 not found\"}"), ParentCheck.VERIFIED, NOW))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dialect.parseSubmit(answer(request, 502,
                "{\"code\":9,\"message\":\"Service rejected\"}"), ParentCheck.VERIFIED, NOW))
                .isInstanceOf(ServerException.class);
    }

    @Test
    void unifiedQueryParsesLowerCaseStatusIntProgressAndSeconds() {
        ApiRequest request = dialect.fetch("task_5");
        assertThat(request.path()).isEqualTo("/v1/tasks/task_5?language=en");

        Task task = dialect.parseTask(answer(request, 200, "{\"code\":200,\"data\":{\"id\":\"task_5\","
                + "\"status\":\"completed\",\"progress\":100,\"result\":{\"images\":[{\"url\":"
                + "[\"https://cdn.example/a.png\"],\"expires_at\":1767225600}]},\"created\":1763726400,"
                + "\"completed\":1763726460,\"estimated_time\":60}}"), "task_5", NOW);

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.rawStatus()).isEqualTo("completed");
        assertThat(task.progress()).isEqualTo(100);
        assertThat(task.imageUrls()).containsExactly("https://cdn.example/a.png");
        assertThat(task.submitTime()).isEqualTo(Instant.ofEpochSecond(1763726400));
        assertThat(task.finishTime()).isEqualTo(Instant.ofEpochSecond(1763726460));
        assertThat(task.extra()).containsEntry("estimated_time", 60);
    }

    @Test
    void detailedQueryCarriesButtonsAndFourImages() {
        ApiRequest request = dialect.fetchDetailed("task_6");
        assertThat(request.path()).isEqualTo("/v1/midjourney/task_6");

        Task task = dialect.parseTask(answer(request, 200, "{\"id\":\"task_6\",\"status\":\"SUCCESS\","
                + "\"action\":\"IMAGINE\",\"progress\":\"100%\",\"grid_image_url\":\"https://cdn.example/g.png\","
                + "\"image_urls\":[\"u1\",\"u2\",\"u3\",\"u4\"],\"buttons\":[{\"customId\":"
                + "\"MJ::JOB::reroll::0::85a4b4c1-8835::SOLO\",\"label\":\"\"}],\"prompt\":\"cat\"}"), "task_6", NOW);

        assertThat(task.action()).isEqualTo(TaskAction.IMAGINE);
        assertThat(task.imageUrl()).isEqualTo("https://cdn.example/g.png");
        assertThat(task.imageUrls()).hasSize(4);
        assertThat(task.rerollButton()).isPresent();
    }

    @Test
    void emptyQueryAnswerIsNotFound() {
        assertThatThrownBy(() -> dialect.parseTask(answer(dialect.fetch("task_7"), 200, ""), "task_7", NOW))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theUnifiedViewsVideosAreTheTasksClipsAndSurviveTheMerge() {
        Task summary = ApimartDialect.read(Json.MAPPER.valueToTree(java.util.Map.of("id", "task_v", "status",
                "completed", "result", java.util.Map.of("videos", java.util.List.of(
                        java.util.Map.of("url", java.util.List.of("https://cdn.example/v1.mp4")),
                        java.util.Map.of("url", "https://cdn.example/v2.mp4"))))));
        Task detailed = ApimartDialect.read(Json.MAPPER.valueToTree(java.util.Map.of("id", "task_v", "status",
                "SUCCESS", "action", "VIDEO")));

        assertThat(summary.videoUrls()).containsExactly("https://cdn.example/v1.mp4", "https://cdn.example/v2.mp4");
        assertThat(detailed.videoUrls()).isEmpty();
        assertThat(dialect.merge(summary, detailed).videoUrls())
                .containsExactly("https://cdn.example/v1.mp4", "https://cdn.example/v2.mp4");
        assertThat(dialect.merge(summary, detailed).action()).isEqualTo(TaskAction.VIDEO);
    }
}
