package io.github.mjsdk.internal.poll;

import static io.github.mjsdk.internal.poll.PollerRig.OPTIONS;
import static io.github.mjsdk.internal.poll.PollerRig.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.Button;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The cap on poll requests in flight, and what a pending wait keeps of the last task it saw. */
class DefaultTaskPollerLimitTest {

    @Test
    void aRoundRunsAtMostTheAllowedRequestsAtOnceAndStartsTheNextAsEachAnswers() {
        PollerRig rig = new PollerRig(2, 2);
        for (int i = 1; i <= 7; i++) {
            rig.source.script("t" + i, running("t" + i, 10));
            rig.poller.await("t" + i, OPTIONS);
        }
        rig.source.hold(true);

        rig.at(4000);
        assertThat(rig.source.log()).containsExactly("4000 list t1,t2", "4000 list t3,t4");

        complete(rig.source.calls().get(0));
        assertThat(rig.source.log()).as("the first answer frees a slot for the third chunk")
                .containsExactly("4000 list t1,t2", "4000 list t3,t4", "4000 list t5,t6");
    }

    @SuppressWarnings("unchecked")
    private static void complete(FakeTaskSource.Call call) {
        ((CompletableFuture<List<Task>>) call.future()).complete(List.of());
    }

    @Test
    void wakeUpsAreNotHeldBackByTheCap() {
        PollerRig rig = new PollerRig(1, 1);
        rig.source.script("a", running("a", 10));
        rig.source.script("b", running("b", 10));
        rig.poller.await("a", OPTIONS);
        rig.poller.await("b", OPTIONS.withInitialDelay(Duration.ofMinutes(5)));
        rig.source.hold(true);
        rig.at(4000);
        assertThat(rig.source.log()).containsExactly("4000 fetch a");

        assertThat(rig.poller.wake("b")).isTrue();

        assertThat(rig.source.log()).containsExactly("4000 fetch a", "4000 fetch b");
    }

    @Test
    void aPendingWaitKeepsOnlyTheSlimPartsOfTheLastTask() {
        Instant submitted = Instant.parse("2026-11-21T12:00:00Z");
        Task full = new Task("1712345678901123", TaskAction.IMAGINE, "IMAGINE", TaskStatus.IN_PROGRESS,
                "IN_PROGRESS", 45, "a red fox --ar 3:2", "a red fox", "/imagine a red fox", "order-42",
                "https://cdn.example/preview.webp", List.of("u1"), List.of(new Button("MJ::JOB::upsample::1::h", "",
                "U1", 2, 2)), null, submitted, submitted.plusSeconds(3), null,
                Map.of("finalPrompt", "a red fox"), Map.of("mode", "FAST"));

        Task slim = PollEntry.slim(full);

        assertThat(slim.id()).isEqualTo(full.id());
        assertThat(slim.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(slim.progress()).isEqualTo(45);
        assertThat(slim.state()).isEqualTo("order-42");
        assertThat(slim.imageUrl()).isEqualTo("https://cdn.example/preview.webp");
        assertThat(slim.startTime()).isEqualTo(submitted.plusSeconds(3));
        assertThat(slim.prompt()).isNull();
        assertThat(slim.description()).isNull();
        assertThat(slim.buttons()).isEmpty();
        assertThat(slim.imageUrls()).isEmpty();
        assertThat(slim.properties()).isEmpty();
        assertThat(slim.extra()).isEmpty();
    }
}
