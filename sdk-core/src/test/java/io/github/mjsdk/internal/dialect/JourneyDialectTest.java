package io.github.mjsdk.internal.dialect;

import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.util.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JourneyDialectTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final JourneyDialect dialect = new JourneyDialect("hook-secret-1");

    private static ApiResponse answer(ApiRequest request, int status, String body) {
        return new ApiResponse(request, status, "application/json", body.getBytes(StandardCharsets.UTF_8), null, null,
                body);
    }

    private static Task task(String json) {
        return JourneyDialect.read(Json.MAPPER.valueToTree(Json.toMap(readTree(json))));
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void imagineAndRerollCarryWebhookUrlAndSecret() {
        ApiRequest imagine = dialect.imagine(ImagineRequest.of("a red fox"), null, "https://me.example/hook");
        assertThat(imagine.path()).isEqualTo("/imagine");
        assertThat(imagine.body().toString()).isEqualTo("{\"prompt\":\"a red fox\",\"model\":\"midjourney\","
                + "\"webhook_url\":\"https://me.example/hook\",\"webhook_secret\":\"hook-secret-1\"}");

        Task parent = task("{\"task_id\":\"550e8400-e29b-41d4-a716-446655440000\",\"task_type\":\"imagine\","
                + "\"status\":\"finished\"}");
        ApiRequest reroll = dialect.reroll(parent, RerollRequest.of(parent.id()).withPrompt("a blue fox"), null, null);
        assertThat(reroll.path()).isEqualTo("/reroll");
        assertThat(reroll.body().toString()).isEqualTo("{\"parent_task_id\":\"550e8400-e29b-41d4-a716-446655440000\","
                + "\"prompt\":\"a blue fox\"}");
    }

    @Test
    void anyTierIsRefusedNamingTheDialect() {
        assertThatThrownBy(() -> dialect.imagine(ImagineRequest.of("cat"), Speed.TURBO, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JourneyAPI")
                .hasMessageContaining("turbo");
    }

    @Test
    void buttonsAndModalAreRefused() {
        assertThatThrownBy(() -> dialect.action(ActionRequest.of("t", "MJ::JOB::upsample::1::abcdef12"), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JourneyAPI");
    }

    @Test
    void rerollOnlyOfACompletedImagine() {
        dialect.checkRerollParent(task("{\"task_id\":\"a\",\"task_type\":\"imagine\",\"status\":\"finished\"}"));

        assertThatThrownBy(() -> dialect.checkRerollParent(
                task("{\"task_id\":\"b\",\"task_type\":\"upscale-1x\",\"status\":\"finished\"}")))
                .isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("/imagine");
        assertThatThrownBy(() -> dialect.checkRerollParent(
                task("{\"task_id\":\"c\",\"task_type\":\"imagine\",\"status\":\"processing\"}")))
                .isInstanceOf(IllegalTaskStateException.class);
    }

    @Test
    void gridActionsSendIndexAsString() {
        Task parent = task("{\"task_id\":\"p\",\"task_type\":\"imagine\",\"status\":\"finished\"}");
        ApiRequest upscale = dialect.gridAction(parent, 4, true, null, null);
        assertThat(upscale.path()).isEqualTo("/upscale-1x");
        assertThat(upscale.body().toString()).isEqualTo("{\"parent_task_id\":\"p\",\"index\":\"4\"}");
        assertThat(dialect.gridAction(parent, 1, false, null, null).path()).isEqualTo("/variations");
    }

    @Test
    void fetchIsAPostAndParsesPercentageAndStatuses() {
        ApiRequest fetch = dialect.fetch("661f9511-f30c-52e5-b827-557766551111");
        assertThat(fetch.method()).isEqualTo("POST");
        assertThat(fetch.idempotent()).isTrue();
        assertThat(fetch.body().toString()).isEqualTo("{\"task_id\":\"661f9511-f30c-52e5-b827-557766551111\"}");

        Task running = dialect.parseTask(answer(fetch, 200, "{\"task_id\":\"661f\",\"task_type\":\"reroll\","
                + "\"model\":\"midjourney\",\"status\":\"processing\",\"percentage\":\"45\"}"), "661f", NOW);
        assertThat(running.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(running.progress()).isEqualTo(45);
        assertThat(running.action()).isEqualTo(TaskAction.REROLL);
        assertThat(running.extra()).containsEntry("model", "midjourney");

        Task done = dialect.parseTask(answer(fetch, 200, "{\"task_id\":\"661f\",\"task_type\":\"reroll\","
                + "\"status\":\"finished\",\"percentage\":\"100\",\"original_image_url\":\"https://cdn/g.png\","
                + "\"image_urls\":[\"https://cdn/1.png\",\"https://cdn/2.png\",\"https://cdn/3.png\","
                + "\"https://cdn/4.png\"]}"), "661f", NOW);
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(done.imageUrl()).isEqualTo("https://cdn/g.png");
        assertThat(done.imageUrls()).hasSize(4);

        for (String[] pair : new String[][]{{"staged", "NOT_START"}, {"pending", "SUBMITTED"},
                {"starting", "SUBMITTED"}, {"failed", "FAILURE"}, {"weird", "UNKNOWN"}}) {
            assertThat(JourneyDialect.status(pair[0])).isEqualTo(TaskStatus.valueOf(pair[1]));
        }
    }

    @Test
    void errorsMapByHttpStatus() {
        ApiRequest request = dialect.imagine(ImagineRequest.of("cat"), null, null);
        assertThatThrownBy(() -> dialect.parseSubmit(answer(request, 401, "{}"), ParentCheck.NO_PARENT, NOW))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> dialect.parseSubmit(answer(request, 400,
                "{\"error\":\"parent task must be an imagine task\"}"), ParentCheck.VERIFIED, NOW))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(dialect.parseSubmit(answer(request, 200, "{\"task_id\":\"661f\"}"), ParentCheck.NO_PARENT, NOW)
                .taskId()).isEqualTo("661f");
    }
}
