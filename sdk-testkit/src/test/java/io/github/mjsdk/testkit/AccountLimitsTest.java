package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.QueueFullException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.provider.Providers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulated account's limits per speed tier: jobs at once, queue length, job duration, in every dialect. */
class AccountLimitsTest {
    private static final Instant T0 = SimulatedClock.DEFAULT_START;
    private final SimulatedClock clock = new SimulatedClock();

    private FakeMidjourneyServer start(FakeMidjourneyServer.Builder builder) {
        return builder.clock(clock).randomSeed(14).start();
    }

    @Test
    void eachTierHasItsOwnSlotsQueueAndDuration() {
        try (FakeMidjourneyServer server = start(FakeMidjourneyServer.builder()
                .accountLimits(Speed.FAST, new AccountLimits(2, 1, Duration.ofSeconds(3)))
                .accountLimits(Speed.TURBO, new AccountLimits(1, 0, Duration.ofSeconds(1))));
             Wire wire = new Wire(server)) {
            List<Integer> fast = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                fast.add(wire.post("/mj-fast/mj/submit/imagine", Wire.body("prompt", "fast " + i)).json()
                        .path("code").asInt());
            }
            List<Integer> turbo = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                turbo.add(wire.post("/mj-turbo/mj/submit/imagine", Wire.body("prompt", "turbo " + i)).json()
                        .path("code").asInt());
            }

            assertThat(fast).containsExactly(1, 1, 22, 23);
            assertThat(turbo).containsExactly(1, 23);
            assertThat(server.journal(Route.IMAGINE)).hasSize(6);
            assertThat(server.tasks()).extracting(ServerTask::prompt)
                    .containsExactly("fast 1", "fast 2", "fast 3", "turbo 1");
            assertThat(server.tasks()).extracting(ServerTask::tier)
                    .containsExactly(Speed.FAST, Speed.FAST, Speed.FAST, Speed.TURBO);
            assertThat(server.tasks()).extracting(ServerTask::slotTime).containsExactly(T0, T0, null, T0);

            clock.advance(Duration.ofSeconds(3));
            List<ServerTask> tasks = server.tasks();
            assertThat(tasks.get(2).slotTime()).isEqualTo(T0.plusSeconds(3));
            assertThat(finish(wire, tasks.get(0).id())).isEqualTo(T0.plusSeconds(3));
            assertThat(finish(wire, tasks.get(3).id())).isEqualTo(T0.plusSeconds(1));
            assertThat(server.accountLimits(Speed.FAST)).isEqualTo(new AccountLimits(2, 1, Duration.ofSeconds(3)));
            assertThat(server.accountLimits(null)).isEqualTo(server.accountLimits(Speed.FAST));
            assertThat(server.duration(Speed.TURBO)).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void queuedJobsStartInOrderEachTheInstantASlotFrees() {
        try (FakeMidjourneyServer server = start(FakeMidjourneyServer.builder()
                .accountLimits(Speed.FAST, new AccountLimits(1, 3, Duration.ofSeconds(2))));
             Wire wire = new Wire(server)) {
            List<JsonNode> answers = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                answers.add(wire.post("/mj-fast/mj/submit/imagine", Wire.body("prompt", "job " + i)).json());
                clock.advance(Duration.ofMillis(100));
            }

            assertThat(answers).extracting(answer -> answer.path("code").asInt()).containsExactly(1, 22, 22, 22);
            assertThat(answers).extracting(answer -> answer.path("properties").path("numberOfQueues").asInt())
                    .containsExactly(0, 1, 2, 3);
            clock.advance(Duration.ofSeconds(10));
            assertThat(server.tasks()).extracting(ServerTask::slotTime).containsExactly(T0, T0.plusSeconds(2),
                    T0.plusSeconds(4), T0.plusSeconds(6));
            assertThat(finish(wire, answers.get(3).path("result").asText())).isEqualTo(T0.plusSeconds(8));
        }
    }

    @Test
    void aQueueFullRefusalCreatesNoTaskAndTheNextFreeSlotTakesANewSubmit() {
        try (FakeMidjourneyServer server = start(FakeMidjourneyServer.builder()
                .accountLimits(Speed.RELAX, new AccountLimits(1, 1, Duration.ofSeconds(5))));
             Wire wire = new Wire(server)) {
            wire.post("/mj-relax/mj/submit/imagine", Wire.body("prompt", "one"));
            wire.post("/mj-relax/mj/submit/imagine", Wire.body("prompt", "two"));
            JsonNode refused = wire.post("/mj-relax/mj/submit/imagine", Wire.body("prompt", "three")).json();

            assertThat(refused.path("code").asInt()).isEqualTo(23);
            assertThat(refused.path("result").isNull()).isTrue();
            assertThat(server.tasks()).extracting(ServerTask::prompt).containsExactly("one", "two");
            clock.advance(Duration.ofSeconds(5));
            JsonNode retried = wire.post("/mj-relax/mj/submit/imagine", Wire.body("prompt", "three")).json();
            assertThat(retried.path("code").asInt()).isEqualTo(22);
            assertThat(server.tasks()).extracting(ServerTask::prompt).containsExactly("one", "two", "three");
        }
    }

    @Test
    void apimartAndJourneyApiRefuseAFullQueueInTheirOwnShapeAndCreateNoTask() {
        try (FakeMidjourneyServer apimart = start(FakeMidjourneyServer.builder().provider(Providers.apimart())
                .accountLimits(Speed.TURBO, new AccountLimits(1, 0, Duration.ofSeconds(1))));
             Wire wire = new Wire(apimart)) {
            Wire.Answer first = wire.post("/v1/midjourney/generations", Wire.body("prompt", "a", "speed", "turbo"));
            Wire.Answer relax = wire.post("/v1/midjourney/generations", Wire.body("prompt", "b"));
            Wire.Answer refused = wire.post("/v1/midjourney/generations",
                    Wire.body("prompt", "c", "speed", "turbo"));

            assertThat(first.status()).isEqualTo(200);
            assertThat(relax.status()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(502);
            assertThat(refused.json().path("code").asInt()).isEqualTo(9);
            assertThat(apimart.tasks()).extracting(ServerTask::prompt).containsExactly("a", "b");
            assertThat(apimart.tasks()).extracting(ServerTask::tier).containsExactly(Speed.TURBO, Speed.RELAX);
        }
        try (FakeMidjourneyServer journey = start(FakeMidjourneyServer.builder().provider(Providers.journeyApi())
                .accountLimits(Speed.FAST, new AccountLimits(1, 1, Duration.ofSeconds(7))));
             Wire wire = new Wire(journey)) {
            wire.post("/imagine", Wire.body("prompt", "a"));
            wire.post("/imagine", Wire.body("prompt", "b"));
            Wire.Answer refused = wire.post("/imagine", Wire.body("prompt", "c"));

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().path("error").asText()).contains("Too many tasks");
            assertThat(journey.tasks()).extracting(ServerTask::prompt).containsExactly("a", "b");
            clock.advance(Duration.ofSeconds(7));
            assertThat(journey.tasks().get(1).slotTime()).isEqualTo(T0.plusSeconds(7));
        }
    }

    @Test
    void aCancelledJobFreesItsSlotAtOnceAndACancelledQueuedJobLeavesTheLine() {
        try (FakeMidjourneyServer server = start(FakeMidjourneyServer.builder().concurrency(1).queueSize(2));
             Wire wire = new Wire(server)) {
            String running = wire.imagine("/mj", "running");
            String cancelledInLine = wire.post("/mj/submit/imagine", Wire.body("prompt", "in line")).json()
                    .path("result").asText();
            wire.post("/mj/submit/imagine", Wire.body("prompt", "next"));
            clock.advance(Duration.ofSeconds(1));

            server.cancelTask(cancelledInLine);
            server.cancelTask(running);

            assertThat(server.tasks()).extracting(ServerTask::slotTime).containsExactly(T0, null, T0.plusSeconds(1));
            clock.advance(Duration.ofSeconds(10));
            assertThat(server.tasks().get(1).slotTime()).isNull();
            assertThat(wire.fetch(cancelledInLine).path("status").asText()).isEqualTo("FAILURE");
        }
    }

    @Test
    void aClientOnVirtualTimeSeesTheLimitsOfItsTier() throws Exception {
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time)
                     .accountLimits(Speed.FAST, new AccountLimits(2, 2, Duration.ofSeconds(2))).start();
             MidjourneyClient client = server.newClient()) {
            List<CompletableFuture<Task>> jobs = new ArrayList<>();
            // submitted from a timer, so that all five are on the wire before virtual time can move
            time.scheduler().submit(() -> {
                for (int i = 1; i <= 5; i++) {
                    jobs.add(client.imagine(ImagineRequest.of("job " + i).withSpeed(Speed.FAST)));
                }
            }).get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(jobs.toArray(new CompletableFuture<?>[0]))
                    .handle((done, failed) -> done).get(30, TimeUnit.SECONDS);

            assertThat(jobs).filteredOn(CompletableFuture::isCompletedExceptionally).singleElement()
                    .satisfies(refused -> assertThatThrownBy(refused::join).isInstanceOf(CompletionException.class)
                            .hasCauseInstanceOf(QueueFullException.class));
            assertThat(jobs).filteredOn(job -> !job.isCompletedExceptionally()).hasSize(4)
                    .allSatisfy(job -> assertThat(job.join().prompt()).startsWith("job "));
            List<ServerTask> tasks = server.tasks();
            assertThat(tasks).hasSize(4);
            assertThat(tasks).extracting(task -> Duration.between(T0, task.slotTime()))
                    .containsExactlyInAnyOrder(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2),
                            Duration.ofSeconds(2));
            assertThat(server.journal(Route.IMAGINE)).hasSize(5);
        }
    }

    @Test
    void invalidLimitsFailAtOnceNamingTheParameter() {
        assertThatThrownBy(() -> new AccountLimits(0, 1, Duration.ofSeconds(1))).hasMessageContaining("jobsAtOnce");
        assertThatThrownBy(() -> new AccountLimits(101, 1, Duration.ofSeconds(1)))
                .hasMessageContaining("jobsAtOnce");
        assertThatThrownBy(() -> new AccountLimits(1, -1, Duration.ofSeconds(1)))
                .hasMessageContaining("queueLength");
        assertThatThrownBy(() -> new AccountLimits(1, 1, Duration.ZERO)).hasMessageContaining("jobDuration");
        assertThatThrownBy(() -> new AccountLimits(1, 1, null)).hasMessageContaining("jobDuration");
        FakeMidjourneyServer.Builder builder = FakeMidjourneyServer.builder();
        assertThatThrownBy(() -> builder.accountLimits(null, new AccountLimits(1, 1, Duration.ofSeconds(1))))
                .hasMessageContaining("speed");
        assertThatThrownBy(() -> builder.accountLimits(Speed.FAST, null)).hasMessageContaining("accountLimits");
    }

    @Test
    void concurrencyQueueSizeAndDurationSetEveryTiersLimits() {
        try (FakeMidjourneyServer server = start(FakeMidjourneyServer.builder().concurrency(5).queueSize(7)
                .duration(Speed.RELAX, Duration.ofSeconds(20)))) {
            assertThat(server.accountLimits(Speed.TURBO)).isEqualTo(new AccountLimits(5, 7, Duration.ofSeconds(2)));
            assertThat(server.accountLimits(Speed.FAST)).isEqualTo(new AccountLimits(5, 7, Duration.ofSeconds(4)));
            assertThat(server.accountLimits(Speed.RELAX)).isEqualTo(new AccountLimits(5, 7, Duration.ofSeconds(20)));
        }
    }

    private static Instant finish(Wire wire, String id) {
        return Instant.ofEpochMilli(wire.fetch(id).path("finishTime").asLong());
    }
}
