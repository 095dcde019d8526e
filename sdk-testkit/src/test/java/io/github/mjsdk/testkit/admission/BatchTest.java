package io.github.mjsdk.testkit.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.admission.AdmissionOptions;
import io.github.mjsdk.admission.Batch;
import io.github.mjsdk.admission.BatchProgress;
import io.github.mjsdk.admission.BatchResult;
import io.github.mjsdk.error.BannedPromptException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batch call on virtual time: one future per input, the combined result, progress and cancel. */
class BatchTest {
    private final VirtualTime time = VirtualTime.create();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).randomSeed(9)
            .concurrency(2).queueSize(1).start();
    private final MidjourneyClient client = server.newClientBuilder()
            .admission(AdmissionOptions.defaults().withMaxInFlight(3)).build();

    @AfterEach
    void close() {
        client.close();
        server.close();
        time.close();
    }

    private static List<ImagineRequest> requests(String... prompts) {
        return Arrays.stream(prompts).map(prompt -> ImagineRequest.of(prompt).withSpeed(Speed.FAST)).toList();
    }

    @Test
    void aBatchReportsEachJobByIndexAndProgressForTheWhole() throws Exception {
        List<BatchProgress> progress = new CopyOnWriteArrayList<>();
        Batch batch = client.batch(requests("fox 0", "fox 1", "an nsfw fox", "fox 3", "fox 4", "fox 5", "fox 6"))
                .onProgress(progress::add);

        BatchResult result = batch.whenDone().get(20, TimeUnit.SECONDS);

        assertThat(result.total()).isEqualTo(7);
        assertThat(result.succeeded().keySet()).containsExactly(0, 1, 3, 4, 5, 6);
        assertThat(result.failed().keySet()).containsExactly(2);
        assertThat(result.failed().get(2)).isInstanceOf(BannedPromptException.class);
        assertThat(result.tasks()).extracting(Task::prompt).containsExactly("fox 0", "fox 1", "fox 3", "fox 4",
                "fox 5", "fox 6");
        assertThat(batch.futures()).hasSize(7);
        assertThat(batch.futures().get(3).join().prompt()).isEqualTo("fox 3");
        assertThat(progress).isNotEmpty().allMatch(p -> p.done() + p.failed() + p.running() + p.queued() == 7);
        assertThat(progress).anyMatch(p -> p.queued() > 0);
        assertThat(progress.get(progress.size() - 1)).isEqualTo(new BatchProgress(6, 1, 0, 0, 7));
        assertThat(batch.progress().complete()).isTrue();
        assertThat(progress).extracting(BatchProgress::finished).isSorted();
    }

    @Test
    void cancellingABatchSendsNothingMoreAndEndsEveryJob() throws Exception {
        // started and cancelled on the virtual scheduler's thread: time stands still meanwhile, so no job can end and
        // give its slot to a queued submit between the two calls (from the test's thread it could, thread timing)
        AtomicReference<BatchProgress> atCancel = new AtomicReference<>();
        Batch batch = time.scheduler().submit(() -> {
            Batch started = client.batch(requests("fox 0", "fox 1", "fox 2", "fox 3", "fox 4", "fox 5", "fox 6",
                    "fox 7"));
            atCancel.set(started.progress());
            started.cancel();
            return started;
        }).get(20, TimeUnit.SECONDS);
        assertThat(atCancel.get().queued()).isEqualTo(5);

        BatchResult result = batch.whenDone().get(20, TimeUnit.SECONDS);

        assertThat(result.failedCount()).isEqualTo(8);
        assertThat(result.failed().values()).allMatch(CancellationException.class::isInstance);
        assertThat(server.journal(Route.IMAGINE)).hasSizeLessThanOrEqualTo(3);
        assertThat(client.admission().queued()).isZero();
        assertThat(client.admission().inFlight()).isZero();
        // the cancelled jobs still run on the server (2 at once, 1 queued): a later imagine may be refused first
        Task after = client.imagine("fox 8", Speed.FAST).get(20, TimeUnit.SECONDS);
        assertThat(after.prompt()).isEqualTo("fox 8");
        // a submit in flight at the cancel may be stopped before it reaches the server: at most these, fox 8 always
        assertThat(server.journal(Route.IMAGINE)).extracting(call -> call.body())
                .isSubsetOf("{\"prompt\":\"fox 0\"}", "{\"prompt\":\"fox 1\"}", "{\"prompt\":\"fox 2\"}",
                        "{\"prompt\":\"fox 8\"}")
                .contains("{\"prompt\":\"fox 8\"}");
    }

    @Test
    void aBatchRunsAnyWaitingCallAndAJobThatThrowsFailsOnlyItself() throws Exception {
        Task grid = client.imagine("a fox", Speed.FAST).get(20, TimeUnit.SECONDS);
        List<Integer> indexes = new ArrayList<>(List.of(1, 2, 3, 4, 5));

        Batch batch = client.batch(indexes, index -> client.upscale(grid.id(), index, Speed.FAST));
        BatchResult result = batch.whenDone().get(20, TimeUnit.SECONDS);

        assertThat(result.succeeded()).hasSize(4);
        assertThat(result.tasks()).extracting(Task::action).containsOnly(TaskAction.UPSCALE);
        assertThat(result.failed().get(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index");
        assertThat(server.journal(Route.ACTION)).hasSize(4);
    }

    @Test
    void anEmptyBatchIsDoneAtOnceAndNullsAreRefusedBeforeAnythingIsSent() throws Exception {
        assertThat(client.batch(List.of()).whenDone().get(20, TimeUnit.SECONDS).total()).isZero();
        List<ImagineRequest> withNull = new ArrayList<>(requests("fox"));
        withNull.add(null);

        assertThatThrownBy(() -> client.batch(withNull)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requests element");
        assertThatThrownBy(() -> client.batch(List.of(1), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job");
        assertThat(server.journal()).isEmpty();
    }
}
