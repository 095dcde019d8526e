package io.github.mjsdk.provider;

import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.testing.MockServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JourneyAPI as documented (docs/protocols.md §e): error bodies, unknown ids, task types, times, no state. */
class JourneyWireTest extends MockServerTest {

    private void journey() {
        newClient(b -> b.provider(Providers.journeyApi()));
    }

    @Test
    void errorMessagesBecomeTheDescription() {
        journey();
        enqueue(json(400, "{\"errors\":[{\"msg\":\"prompt is required\"},{\"msg\":\"model is invalid\"}]}"),
                json(429, "{\"errors\":[{\"msg\":\"too many requests\"}]}"));

        Throwable invalid = failureOf(client.submitImagine(ImagineRequest.of("x")));
        Throwable limited = failureOf(client.submitImagine(ImagineRequest.of("y")));

        assertThat(invalid).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("prompt is required; model is invalid");
        assertThat(((InvalidRequestException) invalid).description()).contains("prompt is required; model is invalid");
        assertThat(((RateLimitException) limited).description()).contains("too many requests");
    }

    @Test
    void anUnknownIdIsNotFoundAndABatchLeavesItOut() {
        journey();
        enqueue(json(400, "{\"errors\":[{\"msg\":\"Task not found\"}]}"),
                json(200, "{\"task_id\":\"a\",\"task_type\":\"imagine\",\"status\":\"processing\"}"),
                json(404, "{\"errors\":[{\"msg\":\"no such task\"}]}"));

        assertThatThrownBy(() -> client.fetchTask("zz")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Task not found");
        List<Task> tasks = client.fetchTasks(List.of("a", "b"));

        assertThat(tasks).extracting(Task::id).containsExactly("a");
    }

    @Test
    void awaitOnAnUnknownIdFailsAsNotFoundLongBeforeTheDeadline() {
        journey();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return json(400, "{\"errors\":[{\"msg\":\"task not found\"}]}");
            }
        });

        CompletableFuture<Task> wait = client.poller().await("nope",
                new PollOptions(Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(3)));
        drive(wait);

        assertThat(failureOf(wait)).isInstanceOf(NotFoundException.class);
        assertThat(scheduler.clock().instant()).isBefore(Instant.ofEpochMilli(1712345678901L).plusSeconds(60));
    }

    @ParameterizedTest
    @CsvSource({"imagine,IMAGINE", "reroll,REROLL", "upscale-1x,UPSCALE", "upscale#1,UPSCALE", "upscale#4,UPSCALE",
            "upscale-subtle,UPSCALE_HD", "upscale-creative,UPSCALE_HD", "upscale-2x,UPSCALE_HD",
            "upscale-4x,UPSCALE_HD", "variations,VARIATION", "variations-strong,HIGH_VARIATION",
            "variations-subtle,LOW_VARIATION", "pan-up,PAN", "pan-left,PAN", "outpaint,ZOOM", "inpaint,INPAINT",
            "describe,DESCRIBE", "blend,BLEND", "imagine-video,VIDEO", "imagine-video-extend,VIDEO",
            "seed,UNKNOWN"})
    void everyDocumentedTaskTypeMapsToAnAction(String taskType, TaskAction action) {
        journey();
        enqueue(json(200, "{\"task_id\":\"t\",\"task_type\":\"" + taskType + "\",\"status\":\"finished\"}"));

        assertThat(client.fetchTask("t").action()).isEqualTo(action);
    }

    @Test
    void createdAtAndCompletedAtAreRead() {
        journey();
        enqueue(json(200, "{\"task_id\":\"t\",\"task_type\":\"imagine\",\"status\":\"finished\","
                + "\"created_at\":\"2026-01-02T03:04:05Z\",\"completed_at\":\"2026-01-02T03:05:10.500Z\"}"));

        Task task = client.fetchTask("t");

        assertThat(task.submitTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(task.finishTime()).isEqualTo(Instant.parse("2026-01-02T03:05:10.500Z"));
    }

    @Test
    void stateIsRefusedBeforeAnythingIsSent() {
        journey();

        assertThatThrownBy(() -> client.submitImagine(ImagineRequest.of("a fox").withState("order-7")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JourneyAPI")
                .hasMessageContaining("state");
        assertThatThrownBy(() -> client.reroll(RerollRequest.of("p-1").withState("order-7")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
        assertThat(server.getRequestCount()).isZero();
    }
}
