package io.github.mjsdk.testkit.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.admission.AdmissionOptions;
import io.github.mjsdk.admission.AdmissionStats;
import io.github.mjsdk.error.AdmissionQueueFullException;
import io.github.mjsdk.error.AdmissionTimeoutException;
import io.github.mjsdk.error.ClientClosedException;
import io.github.mjsdk.error.QueueFullException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.observe.AdmissionEvent;
import io.github.mjsdk.observe.AdmissionEvent.Kind;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Fault;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.SimulatedClock;
import io.github.mjsdk.testkit.VirtualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admission queue against the simulator's account limits (3 jobs at once and a queue of 10 unless a test says
 * otherwise, code 22 and 23), on virtual time: what is re-queued, what is never re-sent, and that nothing hangs.
 */
class AdmissionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualTime time = VirtualTime.create();
    private final List<AdmissionEvent> events = new CopyOnWriteArrayList<>();
    private FakeMidjourneyServer server;
    private MidjourneyClient client;

    private void start(Consumer<FakeMidjourneyServer.Builder> settings, AdmissionOptions admission) {
        FakeMidjourneyServer.Builder builder = FakeMidjourneyServer.builder().virtualTime(time).randomSeed(5);
        settings.accept(builder);
        server = builder.start();
        client = server.newClientBuilder().admission(admission).observer(new ClientObserver() {
            @Override
            public void admission(AdmissionEvent event) {
                events.add(event);
            }
        }).build();
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        time.close();
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("the future did not fail in time", e);
        }
        throw new AssertionError("the future succeeded");
    }

    private List<CompletableFuture<Task>> imagines(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> client.imagine("fox " + i, Speed.FAST)).toList();
    }

    private static List<Task> tasks(List<CompletableFuture<Task>> jobs) {
        return jobs.stream().map(CompletableFuture::join).toList();
    }

    /** The prompt of each imagine the server received, in order. */
    private List<String> promptsSent() {
        return server.journal(Route.IMAGINE).stream().map(AdmissionTest::prompt).toList();
    }

    private static String prompt(RecordedCall call) {
        try {
            return JSON.readTree(call.body()).path("prompt").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(Kind kind) {
        return events.stream().filter(event -> event.kind() == kind).count();
    }

    @Test
    void refusedSubmitsAreQueuedAgainAndEachIsSentExactlyOnceMorePerRefusal() throws Exception {
        start(b -> b.concurrency(1).queueSize(1), AdmissionOptions.defaults().withMaxInFlight(4));

        List<CompletableFuture<Task>> jobs = imagines(6);
        List<Task> tasks = new ArrayList<>();
        for (CompletableFuture<Task> job : jobs) {
            tasks.add(await(job));
        }

        assertThat(tasks).extracting(Task::status).containsOnly(TaskStatus.SUCCESS);
        assertThat(tasks).extracting(Task::id).doesNotHaveDuplicates();
        long refusals = count(Kind.REFUSED);
        assertThat(refusals).isPositive();
        List<String> sent = promptsSent();
        assertThat(sent).hasSize(6 + (int) refusals);
        Map<String, Long> perPrompt = sent.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(perPrompt).hasSize(6);
        assertThat(perPrompt.values().stream().mapToLong(calls -> calls - 1).sum()).isEqualTo(refusals);
        AdmissionStats stats = client.admission();
        assertThat(stats.sent()).isEqualTo(sent.size());
        assertThat(stats.refused()).isEqualTo(refusals);
        assertThat(stats.queued()).isZero();
        assertThat(stats.inFlight()).isZero();
    }

    @Test
    void aLearnedLimitKeepsTheAccountFullWithoutAFailureReachingTheCaller() throws Exception {
        start(b -> b.concurrency(2).queueSize(3).duration(Speed.FAST, Duration.ofSeconds(2)),
                AdmissionOptions.defaults());

        List<CompletableFuture<Task>> jobs = imagines(30);
        for (CompletableFuture<Task> job : jobs) {
            assertThat(await(job).status()).isEqualTo(TaskStatus.SUCCESS);
        }

        assertThat(promptsSent()).hasSize(30 + (int) client.admission().refused());
        assertThat(client.admission().limit()).isBetween(4, 6);
        // the account takes 5 (2 running, 3 queued); until the first refusal the learned limit ramps up by one per
        // acceptance, so at most the 3 submits then on the wire (the initial limit) go beyond what it takes
        assertThat(events).filteredOn(event -> event.kind() == Kind.SENT).extracting(AdmissionEvent::inFlight)
                .allMatch(inFlight -> inFlight <= 5 + 3);
        assertThat(events).filteredOn(event -> event.kind() == Kind.REFUSED).first()
                .satisfies(first -> assertThat(first.inFlight()).isBetween(5, 5 + 2));
        Duration physical = Duration.ofSeconds(2).multipliedBy(30).dividedBy(2);
        Instant last = tasks(jobs).stream().map(Task::finishTime).max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(SimulatedClock.DEFAULT_START, last))
                .isLessThan(physical.multipliedBy(11).dividedBy(10));
    }

    @Test
    void aRateLimitedSubmitWaitsForRetryAfterAndCreatesOneJob() throws Exception {
        start(b -> { }, AdmissionOptions.defaults().withMaxInFlight(3));
        server.failNext(Route.IMAGINE, 4, Fault.rateLimited(Duration.ofSeconds(40)));

        Task task = await(client.imagine("fox", Speed.FAST));

        List<RecordedCall> calls = server.journal(Route.IMAGINE);
        assertThat(calls).hasSize(5);
        assertThat(calls.subList(0, 4)).extracting(RecordedCall::status).containsOnly(429);
        assertThat(calls.get(4).status()).isEqualTo(200);
        assertThat(Duration.between(calls.get(1).time(), calls.get(2).time())).isGreaterThanOrEqualTo(
                Duration.ofSeconds(40));
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(client.admission().refused()).isPositive();
    }

    @Test
    void aSubmitWhoseOutcomeIsUnknownIsNeverSentAgain() throws Exception {
        start(b -> b.concurrency(1).queueSize(0), AdmissionOptions.defaults().withMaxInFlight(1));
        server.failNext(Route.IMAGINE, 1, Fault.resetConnection());
        server.failNext(Route.IMAGINE, 1, Fault.serverError());

        CompletableFuture<Task> reset = client.imagine("fox 1", Speed.FAST);
        CompletableFuture<Task> error500 = client.imagine("fox 2", Speed.FAST);
        CompletableFuture<Task> fine = client.imagine("fox 3", Speed.FAST);

        assertThat(failure(reset)).isInstanceOf(TransportException.class)
                .matches(e -> ((TransportException) e).requestMayHaveBeenProcessed());
        assertThat(failure(error500)).isInstanceOf(ServerException.class);
        assertThat(await(fine).status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(promptsSent()).containsExactly("fox 1", "fox 2", "fox 3");
        assertThat(count(Kind.REFUSED)).isZero();
    }

    @Test
    void aFullClientQueueFailsTheCallAtOnceAndSendsNothing() throws Exception {
        start(b -> { }, AdmissionOptions.defaults().withMaxInFlight(1).withQueueCapacity(2));

        List<CompletableFuture<Task>> jobs = imagines(4);

        assertThat(failure(jobs.get(3))).isInstanceOf(AdmissionQueueFullException.class)
                .hasMessageContaining("nothing was sent");
        assertThat(jobs.subList(0, 3)).noneMatch(CompletableFuture::isDone);
        for (CompletableFuture<Task> job : jobs.subList(0, 3)) {
            await(job);
        }
        assertThat(promptsSent()).containsExactly("fox 1", "fox 2", "fox 3");
        assertThat(client.admission().rejected()).isEqualTo(1);
        assertThat(count(Kind.REJECTED)).isEqualTo(1);
    }

    @Test
    void theDeadlineCountsQueueTimeAndAnExpiredSubmitIsNeverSent() throws Exception {
        start(b -> { }, AdmissionOptions.defaults().withMaxInFlight(1).withDeadline(Duration.ofSeconds(3)));
        Instant begin = time.clock().instant();

        CompletableFuture<Task> first = client.imagine("fox 1", Speed.FAST);   // 4 s on the server
        CompletableFuture<Task> second = client.imagine("fox 2", Speed.FAST);

        Throwable expired = failure(second);
        assertThat(expired).isInstanceOf(AdmissionTimeoutException.class).hasMessageContaining("never sent");
        assertThat(((AdmissionTimeoutException) expired).queued()).isEqualTo(Duration.ofSeconds(3));
        assertThat(expired.getCause()).isNull();
        await(first);
        assertThat(promptsSent()).containsExactly("fox 1");
        assertThat(Duration.between(begin, time.clock().instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(client.admission().expired()).isEqualTo(1);
    }

    @Test
    void aServerThatNeverFreesASlotFailsEveryQueuedSubmitByItsDeadline() throws Exception {
        start(b -> b.concurrency(1).queueSize(0).duration(Speed.FAST, Duration.ofHours(10)),
                AdmissionOptions.defaults().withInitialLimit(1).withDeadline(Duration.ofMinutes(5)));
        Instant begin = time.clock().instant();

        List<CompletableFuture<Task>> jobs = imagines(6);

        // fox 1 is accepted. When it is accepted while the others already wait, the ramp raises the limit to 2: fox 2
        // is refused, then probed again with a doubling hold. When it is accepted before they are queued (thread
        // timing), nothing was ever refused and the learned limit of 1 sends nothing more. Either way every queued
        // submit fails by its deadline, and only fox 2 is ever sent beyond fox 1.
        List<Throwable> queued = jobs.subList(1, 6).stream().map(AdmissionTest::failure).toList();
        assertThat(queued).allMatch(AdmissionTimeoutException.class::isInstance);
        assertThat(queued.subList(1, 5)).allMatch(e -> e.getCause() == null);
        assertThat(queued).allMatch(e -> ((AdmissionTimeoutException) e).queued().equals(Duration.ofMinutes(5)));
        assertThat(await(jobs.get(0)).finishTime()).isEqualTo(begin.plus(Duration.ofHours(10)));
        List<String> sent = promptsSent();
        assertThat(sent).isSubsetOf("fox 1", "fox 2").startsWith("fox 1");
        if (sent.size() > 1) {
            assertThat(queued.get(0).getCause()).isInstanceOf(QueueFullException.class);
            assertThat(sent).hasSizeBetween(5, 12);
        } else {
            assertThat(queued.get(0).getCause()).isNull();
        }
        assertThat(client.admission().limit()).isEqualTo(1);
        assertThat(client.admission().queued()).isZero();
    }

    @Test
    void cancellingAQueuedJobRemovesItUnsent() throws Exception {
        start(b -> { }, AdmissionOptions.defaults().withMaxInFlight(1));

        CompletableFuture<Task> first = client.imagine("fox 1", Speed.FAST);
        CompletableFuture<Task> second = client.imagine("fox 2", Speed.FAST);
        CompletableFuture<Task> third = client.imagine("fox 3", Speed.FAST);
        assertThat(client.admission().queued()).isEqualTo(2);
        second.cancel(true);

        await(first);
        await(third);
        assertThat(second).isCancelled();
        assertThat(promptsSent()).containsExactly("fox 1", "fox 3");
        assertThat(count(Kind.CANCELLED)).isEqualTo(1);
    }

    @Test
    void closingFailsQueuedJobsAndSendsNothingMore() throws Exception {
        start(b -> { }, AdmissionOptions.defaults().withMaxInFlight(1));

        List<CompletableFuture<Task>> jobs = imagines(3);
        assertThat(client.admission().queued()).isEqualTo(2);
        client.close();

        for (CompletableFuture<Task> job : jobs) {
            assertThat(failure(job)).isInstanceOf(ClientClosedException.class);
        }
        assertThat(promptsSent()).doesNotContain("fox 2", "fox 3");
    }

    @Test
    void followUpsQueueLikeImaginesAndQueriesDoNot() throws Exception {
        start(b -> { }, AdmissionOptions.defaults().withMaxInFlight(1));
        Task grid = await(client.imagine("fox", Speed.FAST));

        CompletableFuture<Task> running = client.imagine("hare", Speed.FAST);
        CompletableFuture<Task> upscale = client.upscale(grid.id(), 2, Speed.FAST);
        Task fetched = client.fetchTask(grid.id());

        assertThat(fetched.id()).isEqualTo(grid.id());
        Task hare = await(running);
        Task upscaled = await(upscale);
        RecordedCall click = server.journal(Route.ACTION).get(0);
        assertThat(click.time()).isAfterOrEqualTo(hare.finishTime());
        assertThat(upscaled.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(events).filteredOn(event -> event.kind() == Kind.SENT).hasSize(3);
    }

    @Test
    void theObserverHearsQueueLengthSlotsAndTimeQueued() throws Exception {
        start(b -> { }, AdmissionOptions.defaults().withMaxInFlight(1));

        List<CompletableFuture<Task>> jobs = imagines(2);
        for (CompletableFuture<Task> job : jobs) {
            await(job);
        }

        assertThat(events).extracting(AdmissionEvent::kind).containsSubsequence(Kind.SENT, Kind.QUEUED,
                Kind.RELEASED, Kind.SENT, Kind.RELEASED);
        AdmissionEvent queued = events.stream().filter(e -> e.kind() == Kind.QUEUED).findFirst().orElseThrow();
        assertThat(queued.queued()).isEqualTo(1);
        assertThat(queued.inFlight()).isEqualTo(1);
        assertThat(queued.limit()).isEqualTo(1);
        AdmissionEvent secondSent = events.stream().filter(e -> e.kind() == Kind.SENT).skip(1).findFirst()
                .orElseThrow();
        assertThat(secondSent.timeQueued()).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(client.admission().timeQueued()).isEqualTo(secondSent.timeQueued());
    }

    @Test
    void withoutAdmissionARefusalFailsTheCallAsBefore() throws Exception {
        server = FakeMidjourneyServer.builder().virtualTime(time).concurrency(1).queueSize(0).start();
        client = server.newClient();

        CompletableFuture<Task> first = client.imagine("fox 1", Speed.FAST);
        CompletableFuture<Task> second = client.imagine("fox 2", Speed.FAST);

        CompletableFuture.allOf(first, second).handle((value, error) -> null).get(20, TimeUnit.SECONDS);
        CompletableFuture<Task> refused = first.isCompletedExceptionally() ? first : second;
        assertThat(failure(refused)).isInstanceOf(QueueFullException.class);
        assertThat(refused == first ? second : first).isCompleted();
        assertThat(server.journal(Route.IMAGINE)).hasSize(2);
        assertThat(client.admission()).isEqualTo(AdmissionStats.disabled());
        assertThatThrownBy(() -> AdmissionOptions.defaults().withMaxInFlight(1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInFlight");
    }
}
