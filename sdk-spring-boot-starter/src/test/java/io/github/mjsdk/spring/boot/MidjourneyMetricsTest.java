package io.github.mjsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.observe.AdmissionEvent;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.observe.HttpAttempt;
import io.github.mjsdk.observe.PollRound;
import io.github.mjsdk.observe.WaitEnded;
import io.github.mjsdk.observe.WaitOutcome;
import io.github.mjsdk.observe.WaitStarted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The meters after a known sequence of observer events: exact counts, sums and tags. */
class MidjourneyMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ClientObserver metrics = new MidjourneyMetrics(registry);

    @Test
    void aKnownSequenceGivesExactCounts() {
        // two imagines, one retried after a 429; three fetches, one without an answer, one 401
        metrics.waitStarted(new WaitStarted("1000000000000001", "turbo"));
        metrics.httpAttempt(attempt("imagine", 429, 0, true, 40));
        metrics.httpAttempt(attempt("imagine", 200, 1, false, 60));
        metrics.waitStarted(new WaitStarted("1000000000000002", "relax"));
        metrics.httpAttempt(attempt("imagine", 200, 0, false, 50));
        metrics.httpAttempt(attempt("fetch-batch", 200, 0, false, 10));
        metrics.pollRound(new PollRound(2, 1));
        metrics.httpAttempt(new HttpAttempt("fetch", "GET /mj/task/{id}/fetch", 0, "SocketTimeoutException",
                Duration.ofMillis(5000), 0, true));
        metrics.httpAttempt(attempt("fetch", 200, 1, false, 20));
        metrics.httpAttempt(attempt("fetch", 401, 0, false, 5));
        metrics.pollRound(new PollRound(1, 1));
        metrics.waitEnded(new WaitEnded("1000000000000001", "turbo", TaskAction.IMAGINE, WaitOutcome.SUCCESS,
                Duration.ofSeconds(12)));
        metrics.waitEnded(new WaitEnded("1000000000000002", "relax", TaskAction.IMAGINE, WaitOutcome.TIMEOUT,
                Duration.ofMinutes(30)));

        assertThat(count("imagine", "success")).isEqualTo(2);
        assertThat(count("imagine", "rate_limited")).isEqualTo(1);
        assertThat(count("fetch-batch", "success")).isEqualTo(1);
        assertThat(count("fetch", "io_error")).isEqualTo(1);
        assertThat(count("fetch", "success")).isEqualTo(1);
        assertThat(count("fetch", "auth_error")).isEqualTo(1);
        assertThat(registry.get(MidjourneyMetrics.REQUESTS).timers()).hasSize(6);
        assertThat(registry.get(MidjourneyMetrics.REQUESTS).tags("operation", "imagine", "outcome", "success").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(110.0);

        assertThat(registry.get(MidjourneyMetrics.RETRIES).tag("operation", "imagine").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(MidjourneyMetrics.RETRIES).tag("operation", "fetch").counter().count())
                .isEqualTo(1.0);

        assertThat(registry.get(MidjourneyMetrics.POLL_ROUNDS).counter().count()).isEqualTo(2.0);
        assertThat(registry.get(MidjourneyMetrics.POLL_TASKS).summary().totalAmount()).isEqualTo(3.0);
        assertThat(registry.get(MidjourneyMetrics.POLL_REQUESTS).summary().totalAmount()).isEqualTo(2.0);
        assertThat(registry.get(MidjourneyMetrics.PENDING).gauge().value()).isEqualTo(0.0);

        assertThat(registry.get(MidjourneyMetrics.TASKS)
                .tags("tier", "turbo", "action", "imagine", "outcome", "success").timer().count()).isEqualTo(1);
        assertThat(registry.get(MidjourneyMetrics.TASKS)
                .tags("tier", "turbo", "action", "imagine", "outcome", "success").timer()
                .totalTime(TimeUnit.SECONDS)).isEqualTo(12.0);
        assertThat(registry.get(MidjourneyMetrics.TASKS)
                .tags("tier", "relax", "action", "imagine", "outcome", "timeout").timer().count()).isEqualTo(1);
        assertThat(registry.get(MidjourneyMetrics.TASKS).timers()).hasSize(2);
    }

    @Test
    void thePendingGaugeFollowsStartsAndEndsAndNeverGoesNegative() {
        metrics.waitStarted(new WaitStarted("1", "fast"));
        metrics.waitStarted(new WaitStarted("2", "fast"));
        metrics.waitStarted(new WaitStarted("3", "none"));
        assertThat(registry.get(MidjourneyMetrics.PENDING).gauge().value()).isEqualTo(3.0);

        metrics.waitEnded(new WaitEnded("2", "fast", TaskAction.UPSCALE, WaitOutcome.CANCELLED, Duration.ZERO));
        assertThat(registry.get(MidjourneyMetrics.PENDING).gauge().value()).isEqualTo(2.0);

        for (int i = 0; i < 5; i++) {
            metrics.waitEnded(new WaitEnded("x" + i, "fast", TaskAction.UNKNOWN, WaitOutcome.ERROR, Duration.ZERO));
        }
        assertThat(registry.get(MidjourneyMetrics.PENDING).gauge().value()).isEqualTo(0.0);
        assertThat(registry.get(MidjourneyMetrics.TASKS).tags("action", "unknown", "outcome", "error").timer()
                .count()).isEqualTo(5);
    }

    @Test
    void admissionEventsMoveTheGaugesCountTheKindsAndTimeTheQueue() {
        metrics.admission(new AdmissionEvent(AdmissionEvent.Kind.SENT, 0, 1, 3, Duration.ZERO));
        metrics.admission(new AdmissionEvent(AdmissionEvent.Kind.QUEUED, 1, 3, 3, Duration.ZERO));
        metrics.admission(new AdmissionEvent(AdmissionEvent.Kind.QUEUED, 2, 3, 3, Duration.ZERO));
        metrics.admission(new AdmissionEvent(AdmissionEvent.Kind.REFUSED, 3, 2, 2, Duration.ZERO));
        metrics.admission(new AdmissionEvent(AdmissionEvent.Kind.RELEASED, 3, 1, 2, Duration.ZERO));
        metrics.admission(new AdmissionEvent(AdmissionEvent.Kind.SENT, 2, 2, 2, Duration.ofSeconds(8)));
        metrics.admission(new AdmissionEvent(AdmissionEvent.Kind.EXPIRED, 1, 2, 2, Duration.ofMinutes(30)));

        assertThat(registry.get(MidjourneyMetrics.ADMISSION_QUEUED).gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(MidjourneyMetrics.ADMISSION_IN_FLIGHT).gauge().value()).isEqualTo(2.0);
        assertThat(registry.get(MidjourneyMetrics.ADMISSION_LIMIT).gauge().value()).isEqualTo(2.0);
        assertThat(registry.get(MidjourneyMetrics.ADMISSION_EVENTS).tag("kind", "queued").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get(MidjourneyMetrics.ADMISSION_EVENTS).tag("kind", "refused").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get(MidjourneyMetrics.ADMISSION_EVENTS).counters()).hasSize(5);
        assertThat(registry.get(MidjourneyMetrics.ADMISSION_QUEUE_TIME).tag("outcome", "sent").timer().count())
                .isEqualTo(2);
        assertThat(registry.get(MidjourneyMetrics.ADMISSION_QUEUE_TIME).tag("outcome", "sent").timer()
                .totalTime(TimeUnit.SECONDS)).isEqualTo(8.0);
        assertThat(registry.get(MidjourneyMetrics.ADMISSION_QUEUE_TIME).tag("outcome", "expired").timer()
                .totalTime(TimeUnit.MINUTES)).isEqualTo(30.0);
        assertThat(registry.get(MidjourneyMetrics.ADMISSION_QUEUE_TIME).timers()).hasSize(2);
    }

    @Test
    void statusesMapToBoundedOutcomes() {
        assertThat(MidjourneyMetrics.outcome(0)).isEqualTo("io_error");
        assertThat(MidjourneyMetrics.outcome(204)).isEqualTo("success");
        assertThat(MidjourneyMetrics.outcome(403)).isEqualTo("auth_error");
        assertThat(MidjourneyMetrics.outcome(404)).isEqualTo("client_error");
        assertThat(MidjourneyMetrics.outcome(429)).isEqualTo("rate_limited");
        assertThat(MidjourneyMetrics.outcome(502)).isEqualTo("server_error");
    }

    private long count(String operation, String outcome) {
        return registry.get(MidjourneyMetrics.REQUESTS).tags("operation", operation, "outcome", outcome).timer()
                .count();
    }

    private static HttpAttempt attempt(String operation, int status, int attempt, boolean willRetry, long millis) {
        String route = operation.startsWith("fetch") ? "GET /mj/task/{id}/fetch" : "POST /mj/submit/" + operation;
        return new HttpAttempt(operation, route, status, null, Duration.ofMillis(millis), attempt, willRetry);
    }
}
