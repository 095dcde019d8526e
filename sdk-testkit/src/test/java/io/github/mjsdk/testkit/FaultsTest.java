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
        assertThatThrownBy(() -> Fault.htmlError(200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> server.failNext(Route.FETCH, 0, Fault.serverError()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("times");
    }
}
