package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tasks failed, cancelled or stalled on demand, seen through the SDK's client, on virtual time. */
class TaskControlTest {
    private final VirtualTime time = VirtualTime.create();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).randomSeed(7).start();
    private final MidjourneyClient client = server.newClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
        time.close();
    }

    private String submit(String prompt) throws Exception {
        return client.submitImagine(ImagineRequest.of(prompt)).get(20, TimeUnit.SECONDS).taskId();
    }

    private static Throwable failure(CompletableFuture<Task> wait) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
                () -> wait.get(20, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void aFailedTaskFailsTheWaitWithItsReason() throws Exception {
        String id = submit("a fox");

        server.failTask(id, "Job killed by a moderator");

        Throwable failed = failure(client.poller().await(id));
        assertThat(failed).isInstanceOf(TaskFailedException.class);
        assertThat(((TaskFailedException) failed).task().failReason()).isEqualTo("Job killed by a moderator");
        assertThat(client.fetchTask(id).status()).isEqualTo(TaskStatus.FAILURE);
    }

    @Test
    void aCancelledTaskFailsTheWaitWithTheCancelText() throws Exception {
        String id = submit("a fox");

        server.cancelTask(id);

        Throwable failed = failure(client.poller().await(id));
        assertThat(failed).isInstanceOf(TaskFailedException.class);
        assertThat(((TaskFailedException) failed).task().failReason()).isEqualTo("取消任务");
    }

    /** The task a wait ends with when the task is cancelled on a simulator of {@code provider}. */
    private static Task cancelledOn(io.github.mjsdk.provider.Provider provider) throws Exception {
        try (VirtualTime otherTime = VirtualTime.create();
             FakeMidjourneyServer other = FakeMidjourneyServer.builder().virtualTime(otherTime).provider(provider)
                     .start();
             MidjourneyClient otherClient = other.newClient()) {
            String id = otherClient.submitImagine(ImagineRequest.of("a fox")).get(20, TimeUnit.SECONDS).taskId();

            other.cancelTask(id);

            Throwable failed = failure(otherClient.poller().await(id));
            assertThat(failed).isInstanceOf(TaskFailedException.class);
            return ((TaskFailedException) failed).task();
        }
    }

    @Test
    void onApimartACancelledTaskEndsTheWaitAsCancelled() throws Exception {
        Task cancelled = cancelledOn(io.github.mjsdk.provider.Providers.apimart());

        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCEL);
        assertThat(cancelled.failReason()).isNull();
    }

    @Test
    void onJourneyApiACancelledTaskFailsWithTheCancelText() throws Exception {
        Task cancelled = cancelledOn(io.github.mjsdk.provider.Providers.journeyApi());

        assertThat(cancelled.status()).isEqualTo(TaskStatus.FAILURE);
        assertThat(cancelled.failReason()).isEqualTo("取消任务");
    }

    @Test
    void aStalledTaskNeverFinishesUntilItIsEnded() throws Exception {
        String id = submit("a fox");
        TaskStatus before = client.fetchTask(id).status();

        server.stallTask(id);

        Throwable late = failure(client.poller().await(id,
                new PollOptions(Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(1))));
        assertThat(late).isInstanceOf(TaskTimeoutException.class);
        assertThat(((TaskTimeoutException) late).taskId()).isEqualTo(id);
        assertThat(client.fetchTask(id).status()).isEqualTo(before);

        server.failTask(id, "stuck");
        assertThat(failure(client.poller().await(id))).isInstanceOf(TaskFailedException.class);
    }

    @Test
    void thePresetClientsDeadlineIsSixtyTimesTheJobDuration() throws Exception {
        try (VirtualTime slowTime = VirtualTime.create();
             FakeMidjourneyServer slow = FakeMidjourneyServer.builder().virtualTime(slowTime)
                     .duration(io.github.mjsdk.model.Speed.FAST, Duration.ofHours(1)).start();
             MidjourneyClient slowClient = slow.newClient()) {
            java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();

            Throwable late = failure(slowClient.imagine(ImagineRequest.of("a fox"), task -> {
                if (stalled.compareAndSet(false, true)) {
                    slow.stallTask(task.id());
                }
            }));

            assertThat(late).isInstanceOf(TaskTimeoutException.class);
            assertThat(((TaskTimeoutException) late).elapsed())
                    .isBetween(Duration.ofHours(60), Duration.ofHours(61));
            String id = ((TaskTimeoutException) late).taskId();
            Throwable bare = failure(slowClient.poller().await(id));
            assertThat(((TaskTimeoutException) bare).elapsed())
                    .isBetween(PollOptions.defaults().timeout(), PollOptions.defaults().timeout().plusMinutes(1));
        }
    }

    @Test
    void onlyAnUnfinishedKnownTaskCanBeControlled() throws Exception {
        Task done = client.imagine(ImagineRequest.of("a fox")).get(20, TimeUnit.SECONDS);

        assertThatThrownBy(() -> server.failTask(done.id(), "late")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.stallTask(done.id())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> server.cancelTask("0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> server.failTask(done.id(), " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
