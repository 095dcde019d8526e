package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.error.BannedPromptException;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.QueueFullException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.Button;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real MidjourneyClient against the simulator, on virtual time: whole flows in milliseconds. */
class ClientFlowTest {
    private final VirtualTime time = VirtualTime.create();
    private FakeMidjourneyServer server;
    private MidjourneyClient client;

    private void start(Consumer<FakeMidjourneyServer.Builder> settings) {
        FakeMidjourneyServer.Builder builder = FakeMidjourneyServer.builder().virtualTime(time).randomSeed(3);
        settings.accept(builder);
        server = builder.start();
        client = server.newClient();
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
        time.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    @Test
    void imagineRerollUpscaleAndVaryRunEndToEnd() throws Exception {
        start(b -> { });
        Task grid = await(client.imagine("a red fox in fresh snow --ar 3:2", Speed.RELAX));
        Task fresh = await(client.reroll(grid.id(), Speed.RELAX));
        Task upscale = await(client.upscale(fresh.id(), 2, Speed.TURBO));
        Task variation = await(client.vary(grid.id(), 4, null));

        assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(grid.buttons()).hasSize(9);
        assertThat(grid.imageUrls()).hasSize(4);
        assertThat(grid.extra()).containsEntry("mode", "RELAX");
        assertThat(Duration.between(grid.submitTime(), grid.finishTime())).isEqualTo(Duration.ofSeconds(8));
        assertThat(fresh.id()).isNotEqualTo(grid.id());
        assertThat(fresh.prompt()).isEqualTo(grid.prompt());
        assertThat(fresh.messageHash()).isNotEqualTo(grid.messageHash());
        assertThat(upscale.action()).isEqualTo(TaskAction.UPSCALE);
        assertThat(upscale.rerollButton()).isEmpty();
        assertThat(upscale.extra()).containsEntry("mode", "TURBO");
        assertThat(variation.action()).isEqualTo(TaskAction.VARIATION);
        assertThat(server.journal(Route.ACTION)).extracting(RecordedCall::path).containsExactly(
                "/mj-relax/mj/submit/action", "/mj-turbo/mj/submit/action", "/mj/submit/action");
        assertThat(time.clock().instant()).isAfter(SimulatedClock.DEFAULT_START.plusSeconds(20));
    }

    @Test
    void aRemixServerGetsItsModalAnsweredByTheSdk() throws Exception {
        start(b -> b.remix(true));
        Task grid = await(client.imagine("a red fox", Speed.FAST));

        Task same = await(client.reroll(grid.id(), Speed.FAST));
        Task changed = await(client.reroll(RerollRequest.of(grid.id()).withPrompt("a red fox at night")));

        assertThat(same.prompt()).isEqualTo("a red fox");
        assertThat(changed.prompt()).isEqualTo("a red fox at night");
        assertThat(server.journal(Route.MODAL)).hasSize(2);
    }

    @Test
    void aPerRequestRemixViaAPromptOverrideWorksWithoutServerRemix() throws Exception {
        start(b -> { });
        Task grid = await(client.imagine("a red fox", Speed.TURBO));

        Task changed = await(client.reroll(RerollRequest.of(grid.id()).withPrompt("a blue fox")));

        assertThat(changed.prompt()).isEqualTo("a blue fox");
        assertThat(server.journal(Route.ACTION).get(0).body()).contains("\"enableRemix\":true");
    }

    @Test
    void varyRegionWithoutInputIsAModalRequiredException() throws Exception {
        start(b -> { });
        Task grid = await(client.imagine("a red fox", Speed.TURBO));
        Task upscale = await(client.upscale(grid.id(), 1, Speed.TURBO));
        Button region = upscale.buttons().stream().filter(b -> b.label().equals("Vary (Region)")).findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> await(client.action(ActionRequest.of(upscale, region))))
                .cause().isInstanceOf(ModalRequiredException.class);
        Task painted = await(client.action(ActionRequest.of(upscale, region)
                .withModalInput("a red hat", "data:image/png;base64,iVBORw0KGgo=")));
        assertThat(painted.prompt()).isEqualTo("a red hat");
    }

    @Test
    void bannedPromptsAndInvalidParametersAreTypedErrors() {
        start(b -> { });

        assertThatThrownBy(() -> await(client.imagine("nsfw fox", Speed.TURBO)))
                .cause().isInstanceOfSatisfying(BannedPromptException.class,
                        e -> assertThat(e.getMessage()).contains("nsfw"));
        assertThatThrownBy(() -> await(client.imagine("a fox --ar 0:1", Speed.TURBO)))
                .cause().isInstanceOfSatisfying(TaskFailedException.class,
                        e -> assertThat(e.getMessage()).contains("[Invalid parameter]"));
    }

    @Test
    void rerollOfAnUnknownTaskOrOfAnUpscaleFailsBeforeAnySubmit() throws Exception {
        start(b -> { });
        Task grid = await(client.imagine("a red fox", Speed.TURBO));
        Task upscale = await(client.upscale(grid.id(), 3, Speed.TURBO));

        assertThatThrownBy(() -> await(client.reroll("1234567890123456", Speed.TURBO)))
                .cause().isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> await(client.reroll(upscale.id(), Speed.TURBO)))
                .cause().isInstanceOf(IllegalTaskStateException.class);
        assertThat(server.journal(Route.ACTION)).hasSize(1);
    }

    @Test
    void aQueuedSubmitIsAcceptedAndAFullQueueIsAQueueFullException() throws Exception {
        start(b -> b.concurrency(1).queueSize(1));

        SubmitResult running = await(client.submitImagine(ImagineRequest.of("fox 1")));
        SubmitResult queued = await(client.submitImagine(ImagineRequest.of("fox 2")));
        assertThatThrownBy(() -> await(client.submitImagine(ImagineRequest.of("fox 3"))))
                .cause().isInstanceOf(QueueFullException.class);

        assertThat(running.queued()).isFalse();
        assertThat(queued.queued()).isTrue();
        assertThat(queued.queuePosition()).isEqualTo(1);
        Task second = await(client.poller().await(queued.taskId(), PollOptions.defaults()));
        assertThat(Duration.between(second.submitTime(), second.finishTime())).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void transientServerErrorsArePolledThrough() throws Exception {
        start(b -> { });
        server.failNext(Route.FETCH, 2, Fault.serverError());
        server.failNext(Route.LIST_BY_CONDITION, 2, Fault.rateLimited(Duration.ofSeconds(1)));

        Task grid = await(client.imagine("a red fox", Speed.FAST));

        assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(server.journal(Route.FETCH)).extracting(RecordedCall::status).startsWith(500, 500);
    }

    @Test
    void fetchTasksUsesListByCondition() throws Exception {
        start(b -> { });
        Task one = await(client.imagine("a fox", Speed.TURBO));
        Task two = await(client.imagine("a wolf", Speed.TURBO));

        List<Task> tasks = client.fetchTasks(List.of(two.id(), one.id(), "404"));

        assertThat(tasks).extracting(Task::id).containsExactly(two.id(), one.id());
    }
}
