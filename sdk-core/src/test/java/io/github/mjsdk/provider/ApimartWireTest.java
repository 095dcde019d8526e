package io.github.mjsdk.provider;

import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.testing.MockServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** apimart as documented (docs/protocols.md §d): full tasks from every call, its error codes, metadata, times. */
class ApimartWireTest extends MockServerTest {
    private static final String UNIFIED_DONE = "{\"code\":200,\"data\":{\"id\":\"task_01\",\"status\":\"completed\","
            + "\"progress\":100,\"result\":{\"images\":[{\"url\":\"https://cdn.example/1.png\"}]},"
            + "\"created\":1763726400,\"completed\":1763726460,\"metadata\":{\"state\":\"order-7\"}}}";
    private static final String FULL = "{\"id\":\"task_01\",\"status\":\"SUCCESS\",\"action\":\"IMAGINE\","
            + "\"progress\":\"100%\",\"grid_image_url\":\"https://cdn.example/grid.png\",\"image_urls\":"
            + "[\"https://cdn.example/1.png\",\"https://cdn.example/2.png\",\"https://cdn.example/3.png\","
            + "\"https://cdn.example/4.png\"],\"buttons\":[{\"customId\":\"MJ::JOB::upsample::1::85a4::SOLO\","
            + "\"label\":\"U1\"}],\"prompt\":\"a red fox\",\"submit_time\":1763726400000,"
            + "\"start_time\":1763726410000,\"finish_time\":1763726460000,\"metadata\":{\"state\":\"order-7\"}}";

    private void apimart() {
        newClient(b -> b.provider(Providers.apimart()));
    }

    private static void assertFull(Task task) {
        assertThat(task.action()).isEqualTo(TaskAction.IMAGINE);
        assertThat(task.prompt()).isEqualTo("a red fox");
        assertThat(task.imageUrl()).as("the grid, not image 1").isEqualTo("https://cdn.example/grid.png");
        assertThat(task.imageUrls()).hasSize(4);
        assertThat(task.buttons()).hasSize(1);
        assertThat(task.state()).isEqualTo("order-7");
    }

    @Test
    void fetchTaskFetchTasksAndAwaitReturnTheFullTaskOnceFinished() {
        apimart();
        enqueue(json(200, UNIFIED_DONE), json(200, FULL));
        Task fetched = client.fetchTask("task_01");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/tasks/task_01");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/midjourney/task_01");
        assertFull(fetched);

        enqueue(json(200, UNIFIED_DONE), json(200, FULL));
        assertFull(client.fetchTasks(List.of("task_01")).get(0));

        enqueue(json(200, UNIFIED_DONE), json(200, FULL));
        CompletableFuture<Task> awaited = client.poller().await("task_01");
        drive(awaited);
        assertFull(valueOf(awaited));
    }

    @Test
    void anUnfinishedTaskIsReadOnce() {
        apimart();
        enqueue(json(200, "{\"code\":200,\"data\":{\"id\":\"task_01\",\"status\":\"processing\",\"progress\":40}}"));

        Task running = client.fetchTask("task_01");

        assertThat(running.progress()).isEqualTo(40);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aFourHundredWithItsOwnCodeIsAnInvalidRequest() {
        apimart();
        enqueue(json(400, "{\"code\":400,\"message\":\"prompt is required\"}"),
                json(200, "{\"code\":400,\"message\":\"invalid speed\"}"),
                json(404, "{\"code\":404,\"message\":\"task not found\"}"));

        Throwable http400 = failureOf(client.submitImagine(ImagineRequest.of("x")));
        Throwable body400 = failureOf(client.submitImagine(ImagineRequest.of("y")));

        assertThat(http400).isInstanceOf(InvalidRequestException.class).hasMessageContaining("prompt is required");
        assertThat(body400).isInstanceOf(InvalidRequestException.class).hasMessageContaining("invalid speed");
        assertThatThrownBy(() -> client.fetchTask("task_09")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void metadataIsTheStateAndTheTimesAreRead() {
        apimart();
        enqueue(json(200, UNIFIED_DONE), json(200, FULL),
                json(200, UNIFIED_DONE), json(200, FULL.replace(",\"metadata\":{\"state\":\"order-7\"}", "")
                        .replace("\"submit_time\":1763726400000,", "")));

        Task task = client.fetchTask("task_01");
        Task unifiedOnly = client.fetchTask("task_01");

        assertThat(task.state()).isEqualTo("order-7");
        assertThat(task.submitTime()).isEqualTo(Instant.ofEpochSecond(1763726400));
        assertThat(task.startTime()).isEqualTo(Instant.ofEpochSecond(1763726410));
        assertThat(task.finishTime()).isEqualTo(Instant.ofEpochSecond(1763726460));
        assertThat(unifiedOnly.state()).as("metadata of the unified view").isEqualTo("order-7");
        assertThat(unifiedOnly.submitTime()).as("created, in seconds").isEqualTo(Instant.ofEpochSecond(1763726400));
    }

    @Test
    void aWaitWithoutTierFollowsRelax() {
        apimart();
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                if (request.getUrl().encodedPath().equals("/v1/midjourney/generations")) {
                    return json(200, "{\"code\":200,\"data\":[{\"status\":\"submitted\",\"task_id\":\"task_01\"}]}");
                }
                return json(200, "{\"code\":200,\"data\":{\"id\":\"task_01\",\"status\":\"processing\","
                        + "\"progress\":40}}");
            }
        });

        CompletableFuture<Task> grid = client.imagine("a red fox", null);
        CompletableFuture<Task> bare = client.poller().await("task_01");
        awaitIdle();
        assertThat(scheduler.pendingDelays()).contains(Duration.ofSeconds(10));
        drive(grid);
        drive(bare);

        assertThat(((TaskTimeoutException) failureOf(grid)).elapsed()).isEqualTo(Duration.ofMinutes(30));
        assertThat(((TaskTimeoutException) failureOf(bare)).elapsed()).isEqualTo(Duration.ofMinutes(30));
    }
}
