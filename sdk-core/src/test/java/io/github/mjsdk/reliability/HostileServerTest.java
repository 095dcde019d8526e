package io.github.mjsdk.reliability;

import static io.github.mjsdk.testing.Outcomes.failureOf;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static io.github.mjsdk.testing.RawServer.json;
import static io.github.mjsdk.testing.RawServer.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.RequestOptions;
import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.testing.Fixtures;
import io.github.mjsdk.testing.RawServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each class of server fault that broke a promise, against a raw-socket server that misbehaves on purpose: the
 * outcome's type, how many requests reached the server, completion by the deadline, nothing left in flight.
 */
class HostileServerTest {
    private static final String ID = "1712345678901123";
    private static final String OTHER = "1712345699999456";
    private static final String SUBMITTED = "{\"code\":1,\"description\":\"Submit success\",\"result\":\"" + ID + "\"}";

    static String task(String id, String status) {
        return Fixtures.task("task/imagine-success.json", id).replace("\"SUCCESS\"", "\"" + status + "\"");
    }

    @Nested
    class WaitsThatEndReleaseTheirRequestSlot {
        @Test
        void waitsTimingOutDuringRetryAfterBackOffLeaveTheSlotsToTheNextWait() throws Exception {
            String a = "1712345600000001";
            String b = "1712345600000002";
            try (HostileRig rig = new HostileRig((request, out) -> {
                if (request.path().contains(a) || request.path().contains(b)) {
                    raw(out, "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\nContent-Length: 0\r\n\r\n");
                } else {
                    json(out, 200, task(ID, "SUCCESS"));
                }
                return true;
            }); MidjourneyClient client = rig.builder().pollConcurrency(2).pollBatchSize(1).build()) {
                PollOptions shortWait = PollOptions.defaults().withTimeout(Duration.ofSeconds(10))
                        .withInitialDelay(Duration.ofSeconds(1)).withJitter(0);
                CompletableFuture<Task> waitA = client.poller().await(a, shortWait);
                CompletableFuture<Task> waitB = client.poller().await(b, shortWait);
                rig.advance(Duration.ofSeconds(11), Duration.ofSeconds(1));

                assertThat(failureOf(waitA)).isInstanceOf(TaskTimeoutException.class);
                assertThat(failureOf(waitB)).isInstanceOf(TaskTimeoutException.class);

                CompletableFuture<Task> waitC = client.poller().await(ID, shortWait.withTimeout(Duration.ofSeconds(60)));
                rig.advance(Duration.ofSeconds(2), Duration.ofSeconds(1));

                assertThat(valueOf(waitC).status()).isEqualTo(TaskStatus.SUCCESS);
                assertThat(rig.server.count(a)).isEqualTo(1);
                assertThat(rig.server.count(b)).isEqualTo(1);
                assertThat(rig.server.count(ID)).isEqualTo(1);
                assertThat(rig.scheduler.pendingCount()).as("timers left").isZero();
                assertThat(rig.heldConnections()).isZero();
            }
        }
    }

    /**
     * OkHttp 5.5.1 cannot close a body whose Content-Length is negative (its discard throws too), so the connection
     * stays counted in its pool until the call is garbage-collected; the SDK cancels the call, which closes the
     * socket. What is asserted here is the SDK's part: typed failures, at once, nothing re-sent, no timer left.
     */
    @Nested
    class AnswersOkHttpCannotRead {
        private static final String NEGATIVE_LENGTH =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}";

        @Test
        void aNegativeContentLengthFailsEveryKindOfCallWithATypedException() throws Exception {
            try (HostileRig rig = new HostileRig((request, out) -> {
                raw(out, NEGATIVE_LENGTH);
                return false;
            }); MidjourneyClient client = rig.builder().build()) {
                assertThat(failureOf(client.submitImagine(ImagineRequest.of("a fox"))))
                        .isInstanceOf(MidjourneyException.class);
                assertThat(failureOf(client.fetchTaskAsync(ID))).isInstanceOf(MidjourneyException.class);
                assertThatThrownBy(() -> client.fetchTask(ID)).isInstanceOf(MidjourneyException.class);
                assertThat(failureOf(client.images().download(rig.server.url() + "grid.png")))
                        .isInstanceOf(MidjourneyException.class);

                rig.settle();
                assertThat(rig.server.count("/submit/imagine")).as("the submit was sent once").isEqualTo(1);
                assertThat(rig.scheduler.pendingCount()).as("timers left").isZero();
            }
        }
    }

    @Nested
    class DeadlinesCountFromTheCall {
        @Test
        void aSubmitQueuedInTheDispatcherPastItsDeadlineFailsAndIsNeverSent() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            try (HostileRig rig = new HostileRig((request, out) -> {
                if (request.path().contains("/fetch")) {
                    awaitQuietly(release);
                    return false;
                }
                json(out, 200, SUBMITTED);
                return true;
            }, 1); MidjourneyClient client = rig.builder().build()) {
                CompletableFuture<Task> hanging = client.fetchTaskAsync(ID);
                HostileRig.until(() -> rig.server.count("/fetch") == 1);
                CompletableFuture<?> submit = client.withOptions(RequestOptions.builder()
                        .timeout(Duration.ofSeconds(2)).build()).submitImagine(ImagineRequest.of("a fox"));

                rig.scheduler.advance(Duration.ofSeconds(2));

                Throwable failure = failureOf(submit);
                assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("deadline");
                assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isFalse();
                hanging.cancel(true);
                release.countDown();
                rig.settle();
                assertThat(rig.server.count("/submit")).as("submits that reached the server").isZero();
                assertThat(rig.heldConnections()).isZero();
            }
        }

        @Test
        void aCallOkHttpNeverAnswersStillEndsAtItsDeadline() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            try (HostileRig rig = new HostileRig((request, out) -> {
                awaitQuietly(release);
                return false;
            }); MidjourneyClient client = rig.builder().build()) {
                CompletableFuture<?> submit = client.withOptions(RequestOptions.builder()
                        .timeout(Duration.ofSeconds(5)).build()).submitImagine(ImagineRequest.of("a fox"));
                HostileRig.until(() -> rig.server.count("/submit") == 1);

                rig.scheduler.advance(Duration.ofSeconds(5));

                Throwable failure = failureOf(submit);
                assertThat(failure).isInstanceOf(TransportException.class);
                assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isTrue();
                release.countDown();
                rig.settle();
                assertThat(rig.server.count("/submit")).isEqualTo(1);
            }
        }
    }

    @Nested
    class Redirects {
        @Test
        void aSubmitAnswered307IsNeitherResentNorForwarded() throws Exception {
            try (RawServer elsewhere = new RawServer((request, out) -> {
                json(out, 200, SUBMITTED);
                return true;
            }); HostileRig rig = new HostileRig((request, out) -> {
                raw(out, "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + (request.path().contains("imagine")
                        ? "/mj/submit/imagine" : elsewhere.url() + "mj/submit/action") + "\r\nContent-Length: 0\r\n\r\n");
                return true;
            }); MidjourneyClient client = rig.builder().build()) {
                Throwable loop = failureOf(client.submitImagine(ImagineRequest.of("a fox")));
                Throwable away = failureOf(client.submitAction(io.github.mjsdk.model.ActionRequest.of(ID,
                        "MJ::JOB::upsample::1::85a4b4c1-8835-46c5-a15c-aea34fad1862")));

                for (Throwable failure : List.of(loop, away)) {
                    assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("HTTP 307")
                            .hasMessageContaining("never re-sent");
                    assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isTrue();
                }
                assertThat(rig.server.count("/submit/imagine")).isEqualTo(1);
                assertThat(rig.server.count("/submit/action")).isEqualTo(1);
                assertThat(elsewhere.requests()).isEmpty();
            }
        }

        @Test
        void aQueryFollowsSameOriginRedirectsAtMostFiveTimes() throws Exception {
            try (HostileRig rig = new HostileRig((request, out) -> {
                raw(out, "HTTP/1.1 301 Moved\r\nLocation: " + request.path() + "\r\nContent-Length: 0\r\n\r\n");
                return true;
            }); MidjourneyClient client = rig.builder().build()) {
                assertThatThrownBy(() -> client.fetchTask(ID)).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("more than 5 redirects");
                assertThat(rig.server.count("/fetch")).isEqualTo(6);
            }
        }
    }

    @Nested
    class StaleConnections {
        @Test
        void theFirstSubmitAfterTheServerDroppedAnIdleConnectionSucceedsAndIsSentOnce() throws Exception {
            try (HostileRig rig = new HostileRig((request, out) -> {
                json(out, 200, request.path().contains("submit") ? SUBMITTED : task(ID, "IN_PROGRESS"));
                return false;
            }); MidjourneyClient client = rig.builder().build()) {
                client.fetchTask(ID);
                HostileRig.until(() -> rig.server.connections() == 1);

                String id = valueOf(client.submitImagine(ImagineRequest.of("a fox"))).taskId();
                CompletableFuture<Task> again = client.fetchTaskAsync(ID);
                rig.advance(Duration.ofSeconds(4), Duration.ofMillis(250));

                assertThat(id).isEqualTo(ID);
                assertThat(valueOf(again).id()).as("a query on a stale connection is tried again").isEqualTo(ID);
                assertThat(rig.server.count("/submit/imagine")).isEqualTo(1);
                assertThat(rig.server.requests().get(1).connection()).as("the submit's own connection").isEqualTo(2);
            }
        }

        @Test
        void aQueryRetriedAfterAStaleConnectionNeverMeetsAnotherStalePooledOne() throws Exception {
            try (HostileRig rig = new HostileRig((request, out) -> {
                json(out, 200, task(ID, "IN_PROGRESS"));
                return false;
            }); MidjourneyClient client = rig.builder().build()) {
                List<CompletableFuture<Task>> first = List.of(client.fetchTaskAsync(ID), client.fetchTaskAsync(ID),
                        client.fetchTaskAsync(ID), client.fetchTaskAsync(ID));
                rig.advance(Duration.ofSeconds(4), Duration.ofMillis(250));
                first.forEach(future -> valueOf(future));
                HostileRig.until(() -> rig.server.connections() >= 4);
                long before = rig.server.count("/fetch");

                CompletableFuture<Task> next = client.fetchTaskAsync(ID);
                rig.advance(Duration.ofSeconds(2), Duration.ofMillis(250));

                assertThat(valueOf(next).id()).isEqualTo(ID);
                assertThat(rig.server.count("/fetch") - before).as("only the retry, on a fresh connection, arrives")
                        .isEqualTo(1);
            }
        }

        @Test
        void aSubmitWhoseConnectionDiesAfterItWasWrittenIsNotResent() throws Exception {
            try (HostileRig rig = new HostileRig((request, out) -> false);
                 MidjourneyClient client = rig.builder().build()) {
                Throwable failure = failureOf(client.submitImagine(ImagineRequest.of("a fox")));

                assertThat(failure).isInstanceOf(TransportException.class);
                assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isTrue();
                assertThat(rig.server.count("/submit/imagine")).isEqualTo(1);
            }
        }
    }

    @Nested
    class OnlyTheTaskAskedFor {
        @Test
        void anAnswerForAnotherTaskIsAProtocolExceptionAndNeverCompletesAWait() throws Exception {
            try (HostileRig rig = new HostileRig((request, out) -> {
                json(out, 200, task(OTHER, "SUCCESS"));
                return true;
            }); MidjourneyClient client = rig.builder().build()) {
                assertThatThrownBy(() -> client.fetchTask(ID)).isInstanceOf(ProtocolException.class)
                        .hasMessageContaining("not the task asked for");
                CompletableFuture<Task> wait = client.poller().await(ID,
                        PollOptions.defaults().withTimeout(Duration.ofSeconds(20)).withJitter(0));

                rig.advance(Duration.ofSeconds(21), Duration.ofSeconds(1));

                assertThat(failureOf(wait)).isInstanceOf(TaskTimeoutException.class);
            }
        }

        @Test
        void aBatchAnswerIsFilteredToTheIdsAskedAndDeDuplicated() throws Exception {
            String asked = "1712345600000003";
            try (HostileRig rig = new HostileRig((request, out) -> {
                json(out, 200, "[" + task(ID, "SUCCESS") + "," + task(ID, "IN_PROGRESS") + "," + task(OTHER,
                        "SUCCESS") + "]");
                return true;
            }); MidjourneyClient client = rig.builder().build()) {
                List<Task> tasks = client.fetchTasks(List.of(ID, asked));

                assertThat(tasks).extracting(Task::id).containsExactly(ID);
                assertThat(tasks.get(0).status()).isEqualTo(TaskStatus.SUCCESS);
            }
        }
    }

    @Nested
    class ServerTextInMessages {
        @Test
        void aLongMultiLineDescriptionBecomesOneBoundedLine() throws Exception {
            String said = ("line one\nline two\r\n" + "x".repeat(5000)).replace("\n", "\\n").replace("\r", "\\r");
            try (HostileRig rig = new HostileRig((request, out) -> {
                json(out, 400, "{\"code\":4,\"description\":\"" + said + "\"}");
                return true;
            }); MidjourneyClient client = rig.builder().build()) {
                Throwable failure = failureOf(client.submitImagine(ImagineRequest.of("a fox")));

                assertThat(failure).isInstanceOf(ApiException.class);
                assertThat(failure.getMessage()).doesNotContain("\n").doesNotContain("\r")
                        .contains("line one\\nline two\\r\\n").hasSizeLessThan(700);
            }
        }
    }

    @Nested
    class Images {
        @Test
        void closingTheClientCancelsADownloadInFlight() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            try (HostileRig rig = new HostileRig((request, out) -> {
                awaitQuietly(release);
                return false;
            })) {
                MidjourneyClient client = rig.builder().build();
                CompletableFuture<?> download = client.images().download(rig.server.url() + "grid.png");
                HostileRig.until(() -> rig.server.count("grid.png") == 1);

                client.close();

                assertThat(failureOf(download)).isInstanceOf(CancellationException.class);
                release.countDown();
                rig.settle();
            }
        }

        @Test
        void linkLocalAndMetadataHostsAreRefusedBeforeAnyConnection() throws Exception {
            try (HostileRig rig = new HostileRig((request, out) -> false);
                 MidjourneyClient client = rig.builder().okHttpClient(rig.http.newBuilder()
                         .dns(host -> host.equals("metadata.test")
                                 ? List.of(java.net.InetAddress.getByName("169.254.169.254"))
                                 : okhttp3.Dns.SYSTEM.lookup(host)).build()).build()) {
                for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/x.png",
                        "http://[fd00:ec2::254]/x.png", "http://metadata.test/x.png")) {
                    Throwable failure = failureOf(client.images().download(url));

                    assertThat(failure).as(url).isInstanceOf(TransportException.class)
                            .hasMessageContaining("link-local or metadata address");
                    assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isFalse();
                }
                assertThat(rig.server.connections()).isZero();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
