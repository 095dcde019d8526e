package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private final SimulatedClock clock = new SimulatedClock();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).start();
    private final Wire wire = new Wire(server);

    @AfterEach
    void close() {
        wire.close();
        server.close();
    }

    @Test
    void theNextNRequestsOnARouteAnswerAnHtml500AndThenTheRouteRecovers() {
        String id = wire.imagine("/mj", "a fox");
        server.failNext(Route.FETCH, 2, Fault.serverError());

        Wire.Answer first = wire.get("/mj/task/" + id + "/fetch");
        Wire.Answer other = wire.post("/mj/submit/imagine", Wire.body("prompt", "a wolf"));
        Wire.Answer second = wire.get("/mj/task/" + id + "/fetch");
        Wire.Answer third = wire.get("/mj/task/" + id + "/fetch");

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.headers().get("Content-Type")).startsWith("text/html");
        assertThat(first.text()).startsWith("<html>").contains("500 Internal Server Error");
        assertThat(other.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(500);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.json().path("id").asText()).isEqualTo(id);
        assertThat(server.journal(Route.FETCH)).extracting(RecordedCall::fault)
                .containsExactly(Fault.serverError(), Fault.serverError(), null);
    }

    @Test
    void aHugeCountCostsOneEntryAndEveryRequestMeetsTheFault() {
        server.failNext(Route.FETCH, Integer.MAX_VALUE, Fault.htmlError(502));

        for (int i = 0; i < 5; i++) {
            assertThat(wire.get("/mj/task/nope/fetch").status()).isEqualTo(502);
        }
        assertThat(wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox")).status()).isEqualTo(200);
        server.clearFaults();
        assertThat(wire.get("/mj/task/nope/fetch").status()).isNotEqualTo(502);
    }

    @Test
    void countedFaultsOnOneRoutePlayInTheOrderTheyWereQueued() {
        server.failNext(Route.FETCH, 2, Fault.htmlError(502));
        server.failNext(Route.FETCH, 1, Fault.htmlError(504));

        assertThat(wire.get("/mj/task/nope/fetch").status()).isEqualTo(502);
        assertThat(wire.get("/mj/task/nope/fetch").status()).isEqualTo(502);
        assertThat(wire.get("/mj/task/nope/fetch").status()).isEqualTo(504);
        assertThat(wire.get("/mj/task/nope/fetch").status()).isNotIn(502, 504);
    }

    @Test
    void aRateLimitIs429WithRetryAfterAndCreatesNoTask() {
        server.failNext(Route.IMAGINE, 1, Fault.rateLimited(Duration.ofMillis(2500)));

        Wire.Answer limited = wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.headers().get("Retry-After")).isEqualTo("3");
        assertThat(limited.body()).isEmpty();
        assertThat(wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox")).json().path("result").asText())
                .isNotEmpty();
    }

    @Test
    void aResetConnectionFailsTheCallWithoutProcessingTheRequest() {
        server.failNext(Route.ANY, 1, Fault.resetConnection());

        assertThatThrownBy(() -> wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox")))
                .isInstanceOf(UncheckedIOException.class).cause().isInstanceOf(IOException.class);
        RecordedCall call = server.journal().get(0);
        assertThat(call.status()).isZero();
        assertThat(call.fault()).isEqualTo(Fault.resetConnection());
        assertThat(wire.post("/mj/task/list-by-condition", Wire.body("ids", java.util.List.of())).status())
                .isEqualTo(200);
    }

    @Test
    void aSlowBodyProcessesTheRequestButTricklesTheAnswer() {
        server.failNext(Route.IMAGINE, 1, Fault.slowBody(Duration.ofSeconds(4)));
        OkHttpClient impatient = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(100)).build();
        Wire slowWire = new Wire(server, impatient);

        assertThatThrownBy(() -> slowWire.post("/mj/submit/imagine", Wire.body("prompt", "a fox")))
                .cause().isInstanceOf(InterruptedIOException.class);
        RecordedCall call = server.journal(Route.IMAGINE).get(0);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.fault()).isEqualTo(Fault.slowBody(Duration.ofSeconds(4)));
        assertThat(wire.post("/mj/task/list-by-condition", "{\"ids\":[]}").status()).isEqualTo(200);
        slowWire.close();
    }

    @Test
    void unavailableIs503WithAnHtmlPageAndRetryAfterAndCreatesNoTask() {
        server.failNext(Route.IMAGINE, 1, Fault.unavailable(Duration.ofMillis(1500)));

        Wire.Answer refused = wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox"));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers().get("Retry-After")).isEqualTo("2");
        assertThat(refused.headers().get("Content-Type")).startsWith("text/html");
        assertThat(refused.text()).contains("503 Service Temporarily Unavailable");
        assertThat(server.journal(Route.IMAGINE)).extracting(RecordedCall::status).containsExactly(503);
        assertThat(wire.post("/mj/submit/imagine", Wire.body("prompt", "a fox")).json().path("result").asText())
                .isNotEmpty();
    }

    @Test
    void aRedirectPointsAtTheSamePathAndQueryAndCreatesNoTask() {
        server.failNext(Route.IMAGINE, 1, Fault.redirect(307));
        server.failNext(Route.FETCH, 1, Fault.redirect(302));
        OkHttpClient noFollow = new OkHttpClient.Builder().followRedirects(false).build();
        Wire manual = new Wire(server, noFollow);

        Wire.Answer submit = manual.post("/mj/submit/imagine", Wire.body("prompt", "a fox"));
        Wire.Answer fetch = manual.get("/mj/task/1234/fetch?x=1");

        assertThat(submit.status()).isEqualTo(307);
        assertThat(submit.headers().get("Location")).isEqualTo("/mj/submit/imagine");
        assertThat(submit.body()).isEmpty();
        assertThat(fetch.status()).isEqualTo(302);
        assertThat(fetch.headers().get("Location")).isEqualTo("/mj/task/1234/fetch?x=1");
        assertThat(server.journal()).extracting(RecordedCall::fault)
                .containsExactly(Fault.redirect(307), Fault.redirect(302));
        assertThat(server.journal(Route.IMAGINE)).extracting(RecordedCall::status).containsExactly(307);
        assertThat(manual.post("/mj/task/list-by-condition", Wire.body("ids", java.util.List.of())).status())
                .isEqualTo(200);
        assertThatThrownBy(() -> Fault.redirect(304)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
        manual.close();
    }

    @Test
    void closeAfterAnswerProcessesTheRequestThenLeavesAStaleConnectionForTheNextOne() throws Exception {
        OkHttpClient noRetry = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
        Wire pooled = new Wire(server, noRetry);
        server.failNext(Route.IMAGINE, 1, Fault.closeAfterAnswer());

        Wire.Answer accepted = pooled.post("/mj/submit/imagine", Wire.body("prompt", "a fox"));
        String id = accepted.json().path("result").asText();
        Thread.sleep(200);

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.headers().get("Connection")).isNull();
        assertThat(noRetry.connectionPool().connectionCount()).isEqualTo(1);
        assertThatThrownBy(() -> pooled.get("/mj/task/" + id + "/fetch"))
                .isInstanceOf(UncheckedIOException.class).cause().isInstanceOf(IOException.class);
        assertThat(server.journal(Route.IMAGINE)).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.fault()).isEqualTo(Fault.closeAfterAnswer());
        });
        assertThat(server.journal(Route.FETCH)).isEmpty();
        assertThat(pooled.get("/mj/task/" + id + "/fetch").status()).isEqualTo(200);
        pooled.close();
    }

    @Test
    void aDripBodyMovesTheSimulatedClockBetweenItsPiecesAndArrivesWhole() {
        String id = wire.imagine("/mj", "a fox");
        java.time.Instant before = clock.instant();
        server.failNext(Route.FETCH, 1, Fault.dripBody(Duration.ofSeconds(8)));

        Wire.Answer answer = wire.get("/mj/task/" + id + "/fetch");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("id").asText()).isEqualTo(id);
        assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofMillis(7750));
        assertThat(server.journal(Route.FETCH)).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.fault()).isEqualTo(Fault.dripBody(Duration.ofSeconds(8)));
        });
    }

    @Test
    void aDripBodyLetsAVirtualTimeTimerDueMidBodyRunBeforeTheBodyEnds() throws Exception {
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer virtual = FakeMidjourneyServer.builder().virtualTime(time).start();
             Wire onVirtual = new Wire(virtual, time.okHttpClient())) {
            String id = onVirtual.imagine("/mj", "a fox");
            virtual.failNext(Route.FETCH, 1, Fault.dripBody(Duration.ofSeconds(16)));
            java.util.concurrent.CompletableFuture<java.time.Instant> fired = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.CountDownLatch scheduled = new java.util.concurrent.CountDownLatch(1);
            time.scheduler().execute(() -> {
                time.scheduler().schedule(() -> fired.complete(time.clock().instant()), 3,
                        java.util.concurrent.TimeUnit.SECONDS);
                scheduled.countDown();
            });
            scheduled.await();
            java.time.Instant start = time.clock().instant();

            Wire.Answer answer = onVirtual.get("/mj/task/" + id + "/fetch");
            java.time.Instant end = time.clock().instant();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(fired).isCompleted();
            assertThat(fired.get()).isBefore(end);
            assertThat(Duration.between(start, end)).isGreaterThanOrEqualTo(Duration.ofSeconds(14));
        }
    }

    @Test
    void routeFaultsGoBeforeAnyFaultsAndClearFaultsDropsThem() {
        server.failNext(Route.ANY, 1, Fault.htmlError(502));
        server.failNext(Route.FETCH, 1, Fault.htmlError(504));

        assertThat(wire.get("/mj/task/1/fetch").status()).isEqualTo(504);
        assertThat(wire.get("/mj/task/1/fetch").status()).isEqualTo(502);
        server.failNext(Route.ANY, 5, Fault.serverError());
        server.clearFaults();
        assertThat(wire.get("/mj/task/1/fetch").status()).isEqualTo(200);
    }

    @Test
    void faultsDescribeThemselves() {
        assertThat(Fault.htmlError(502)).hasToString("htmlError(502)");
        assertThat(Fault.rateLimited(Duration.ofSeconds(3))).hasToString("rateLimited(PT3S)");
        assertThat(Fault.resetConnection()).hasToString("resetConnection()");
        assertThat(Fault.slowBody(Duration.ofSeconds(2))).hasToString("slowBody(PT2S)");
        assertThat(Fault.unavailable(Duration.ofSeconds(1))).hasToString("unavailable(PT1S)");
        assertThat(Fault.redirect(308)).hasToString("redirect(308)");
        assertThat(Fault.dripBody(Duration.ofSeconds(4))).hasToString("dripBody(PT4S)");
        assertThat(Fault.closeAfterAnswer()).hasToString("closeAfterAnswer()");
        assertThatThrownBy(() -> Fault.dripBody(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("total");
        assertThatThrownBy(() -> Fault.unavailable(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retryAfter");
        assertThatThrownBy(() -> Fault.htmlError(200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> server.failNext(Route.FETCH, 0, Fault.serverError()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("times");
    }
}
