package io.github.mjsdk;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_ID;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.ClientClosedException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testing.MockServerTest;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Waiting as a user needs it (issue 11, "Waiting, as a user needs it"): timeouts that say which task and why, an
 * early end after failed polls in a row, per-call poll options, a typed failure after close(), synchronous
 * capability refusals, and an "unknown host" message.
 */
class WaitingTest extends MockServerTest {
    private static final PollOptions EVERY_3S = new PollOptions(Duration.ofMinutes(10), Duration.ofSeconds(2),
            Duration.ofSeconds(3));

    private final List<String> paths = new CopyOnWriteArrayList<>();

    private void answer(java.util.function.Function<String, MockResponse> byPath) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                paths.add(path);
                return byPath.apply(path);
            }
        });
    }

    private static MockResponse badGateway() {
        return new MockResponse.Builder().code(502).body("Bad gateway").build();
    }

    @Test
    void aWaitGivesUpAfterTheDefaultNumberOfFailedPollsWithTheLastFailureAsCause() {
        answer(path -> badGateway());

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, EVERY_3S);
        drive(wait);

        Throwable failure = failureOf(wait);
        assertThat(failure).isInstanceOf(TaskTimeoutException.class).hasMessageContaining(GRID_ID)
                .hasMessageContaining("5 failed polls in a row");
        TaskTimeoutException gaveUp = (TaskTimeoutException) failure;
        assertThat(gaveUp.taskId()).isEqualTo(GRID_ID);
        assertThat(gaveUp.getCause()).isInstanceOf(ServerException.class);
        assertThat(gaveUp.lastTask()).isNull();
        assertThat(gaveUp.elapsed()).isLessThan(Duration.ofMinutes(10));
        assertThat(server.getRequestCount()).isEqualTo(PollOptions.DEFAULT_MAX_FAILED_POLLS);
    }

    @Test
    void aSuccessfulPollResetsTheCountAndMaxFailedPollsIsPerWait() {
        AtomicInteger polls = new AtomicInteger();
        // fail, fail, ok, fail, fail, fail: never 3 in a row until the end
        answer(path -> switch (polls.incrementAndGet()) {
            case 3 -> ok("task/imagine-in-progress.json");
            default -> badGateway();
        });

        CompletableFuture<Task> strict = client.poller().await(GRID_ID, EVERY_3S.withMaxFailedPolls(3));
        CompletableFuture<Task> patient = client.poller().await(GRID_ID, EVERY_3S.withMaxFailedPolls(4));
        drive(strict);

        TaskTimeoutException gaveUp = (TaskTimeoutException) failureOf(strict);
        assertThat(polls).hasValue(6);
        assertThat(gaveUp.lastTask().status()).as("the last task seen is kept").isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(patient).as("a wait that allows more failures keeps polling").isNotDone();
        drive(patient);
        assertThat(polls).hasValue(7);
        assertThat(((TaskTimeoutException) failureOf(patient)).getCause()).isInstanceOf(ServerException.class);
    }

    @Test
    void theDeadlineCarriesTheTaskIdAndTheLastPollFailureAsCause() {
        AtomicInteger polls = new AtomicInteger();
        answer(path -> polls.incrementAndGet() == 1 ? ok("task/imagine-in-progress.json") : badGateway());

        CompletableFuture<Task> wait = client.poller().await(GRID_ID,
                EVERY_3S.withTimeout(Duration.ofMinutes(2)).withMaxFailedPolls(Integer.MAX_VALUE));
        drive(wait);

        TaskTimeoutException timedOut = (TaskTimeoutException) failureOf(wait);
        assertThat(timedOut.taskId()).isEqualTo(GRID_ID);
        assertThat(timedOut.elapsed()).isEqualTo(Duration.ofMinutes(2));
        assertThat(timedOut.getCause()).isInstanceOf(ServerException.class);
        assertThat(timedOut.lastTask().progress()).isEqualTo(45);
        assertThat(timedOut).hasMessageContaining("the last poll failed");
    }

    @Test
    void aWaitingCallTakesItsOwnPollOptions() {
        answer(path -> path.endsWith("/submit/imagine") ? ok("submit/accepted.json")
                : ok("task/imagine-in-progress.json"));
        PollOptions oneMinute = new PollOptions(Duration.ofMinutes(1), Duration.ofSeconds(7), Duration.ofSeconds(9));

        CompletableFuture<Task> grid = client.imagine(ImagineRequest.of(PROMPT).withSpeed(Speed.RELAX), oneMinute,
                null);
        awaitIdle();
        assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(7));
        drive(grid);

        TaskTimeoutException timedOut = (TaskTimeoutException) failureOf(grid);
        assertThat(timedOut.elapsed()).as("not relax's 30 minutes").isEqualTo(Duration.ofMinutes(1));
        assertThat(timedOut.taskId()).isEqualTo(GRID_ID);
    }

    @Test
    void perCallPollOptionsKeepTheAutomaticModalStep() {
        answer(path -> {
            if (path.endsWith("/task/" + GRID_ID + "/fetch")) {
                return ok("task/imagine-success.json");
            }
            if (path.endsWith("/submit/action")) {
                return ok("submit/reroll-modal.json");
            }
            if (path.endsWith("/submit/modal")) {
                return ok("submit/modal-accepted-number.json");
            }
            return ok("task/reroll-in-progress.json");
        });
        PollOptions oneMinute = new PollOptions(Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(5));

        CompletableFuture<Task> varied = client.vary(GRID_ID, 3, Speed.TURBO, oneMinute, null);
        drive(varied);

        assertThat(paths).contains("/mj-turbo/mj/submit/modal");
        TaskTimeoutException timedOut = (TaskTimeoutException) failureOf(varied);
        assertThat(timedOut.taskId()).isEqualTo(REROLL_ID);
        assertThat(timedOut.elapsed()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void perCallPollOptionsOnRerollUpscaleAndAction() {
        answer(path -> path.endsWith("/task/" + GRID_ID + "/fetch") ? ok("task/imagine-success.json")
                : path.contains("/submit/") ? ok("submit/reroll-accepted.json") : ok("task/reroll-in-progress.json"));
        PollOptions twoMinutes = new PollOptions(Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(20));

        List<CompletableFuture<Task>> calls = List.of(
                client.reroll(RerollRequest.of(GRID_ID), twoMinutes, null),
                client.upscale(GRID_ID, 1, null, twoMinutes, null),
                client.action(io.github.mjsdk.model.ActionRequest.of(GRID_ID, "MJ::JOB::reroll::0::"
                        + io.github.mjsdk.testing.Fixtures.HASH + "::SOLO"), twoMinutes, null));
        calls.forEach(this::drive);

        for (CompletableFuture<Task> call : calls) {
            assertThat(((TaskTimeoutException) failureOf(call)).elapsed()).isEqualTo(Duration.ofMinutes(2));
        }
    }

    @Test
    void closingTheClientFailsPendingWaitsWithATypedException() {
        answer(path -> path.endsWith("/submit/imagine") ? ok("submit/accepted.json")
                : ok("task/imagine-in-progress.json"));
        CompletableFuture<Task> waitingCall = client.imagine(PROMPT, Speed.FAST);
        CompletableFuture<Task> bareWait = client.poller().await(REROLL_ID, EVERY_3S);
        awaitIdle();

        client.close();

        for (CompletableFuture<Task> future : List.of(waitingCall, bareWait)) {
            assertThat(failureOf(future)).isInstanceOf(ClientClosedException.class)
                    .hasMessageContaining("client was closed");
        }
    }

    @Test
    void capabilityRefusalsAreThrownBeforeAnythingIsSent() {
        SpeedTier custom = SpeedTier.of("/mj-ultra");
        newClient(b -> b.provider(Providers.apimart()));
        assertThatThrownBy(() -> client.reroll(GRID_ID, custom)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apimart");
        assertThatThrownBy(() -> client.upscale(GRID_ID, 1, custom)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.reroll(RerollRequest.of(GRID_ID).withPrompt("other")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.imagine(PROMPT, custom)).isInstanceOf(IllegalArgumentException.class);

        newClient(b -> b.provider(Providers.journeyApi()));
        assertThatThrownBy(() -> client.vary(GRID_ID, 2, Speed.TURBO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JourneyAPI");
        assertThatThrownBy(() -> client.submitImagine(ImagineRequest.of(PROMPT).withSpeed(Speed.FAST)))
                .isInstanceOf(IllegalArgumentException.class);
        awaitIdle();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aHostThatDoesNotResolveSaysUnknownHost() {
        OkHttpClient noDns = http.newBuilder().dns(host -> {
            throw new UnknownHostException(host);
        }).build();
        newClient(b -> b.baseUrl("https://mj.does-not-resolve.example").okHttpClient(noDns));

        CompletableFuture<Task> fetched = client.fetchTaskAsync(GRID_ID);
        drive(fetched);

        assertThat(failureOf(fetched)).isInstanceOf(TransportException.class).hasMessageContaining("unknown host")
                .hasMessageContaining("mj.does-not-resolve.example");
    }
}
