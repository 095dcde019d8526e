package io.github.mjsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Route;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter's client reports to the meters: after one imagine against the simulator, every request the
 * simulator's journal holds is counted once, and the wait once, with its tier and outcome.
 */
class MeteredClientTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MidjourneySimulatorAutoConfiguration.class,
                    MidjourneyAutoConfiguration.class, MidjourneyMetricsAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class)
            .withPropertyValues("mjsdk.simulator.enabled=true", "mjsdk.simulator.job-duration=200ms",
                    "mjsdk.default-speed=fast", "mjsdk.poll.initial-delay=50ms", "mjsdk.poll.interval=50ms",
                    "mjsdk.poll.max-interval=50ms", "mjsdk.poll.jitter=0");

    @Test
    void anImagineIsCountedRequestByRequestAndAsOneWait() {
        runner.run(context -> {
            MidjourneyClient client = context.getBean(MidjourneyClient.class);
            FakeMidjourneyServer simulator = context.getBean(FakeMidjourneyServer.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);

            Task grid = client.imagine("a red fox in fresh snow", null).get(30, TimeUnit.SECONDS);

            assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
            long submits = simulator.journal(Route.IMAGINE).size();
            long fetches = simulator.journal(Route.FETCH).size();
            assertThat(submits).isEqualTo(1);
            assertThat(simulator.journal(Route.LIST_BY_CONDITION)).as("one wait: no batch query").isEmpty();
            assertThat(meters.get(MidjourneyMetrics.REQUESTS).tag("operation", "imagine").timer().count())
                    .isEqualTo(submits);
            assertThat(meters.get(MidjourneyMetrics.REQUESTS).tag("operation", "fetch").timer().count())
                    .isEqualTo(fetches);
            assertThat(meters.get(MidjourneyMetrics.POLL_ROUNDS).counter().count()).isEqualTo(fetches);
            assertThat(meters.get(MidjourneyMetrics.TASKS).tag("tier", "fast").tag("outcome", "success")
                    .timer().count()).isEqualTo(1);
            assertThat(meters.get(MidjourneyMetrics.PENDING).gauge().value()).isZero();
        });
    }

    @Test
    void theAdmissionPropertiesTurnTheQueueOnAndItsEventsReachTheMeters() {
        runner.withPropertyValues("mjsdk.admission.enabled=true", "mjsdk.admission.max-in-flight=2",
                "mjsdk.admission.queue-capacity=5", "mjsdk.admission.deadline=10m").run(context -> {
            MidjourneyClient client = context.getBean(MidjourneyClient.class);
            FakeMidjourneyServer simulator = context.getBean(FakeMidjourneyServer.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);

            List<CompletableFuture<Task>> grids = List.of(client.imagine("fox 1", null), client.imagine("fox 2", null),
                    client.imagine("fox 3", null));
            // the third waits in the client until one of the first two has finished
            assertThat(client.admission().limit()).isEqualTo(2);
            for (CompletableFuture<Task> grid : grids) {
                assertThat(grid.get(30, TimeUnit.SECONDS).status()).isEqualTo(TaskStatus.SUCCESS);
            }

            assertThat(simulator.journal(Route.IMAGINE)).hasSize(3);
            assertThat(meters.get(MidjourneyMetrics.ADMISSION_EVENTS).tag("kind", "sent").counter().count())
                    .isEqualTo(3.0);
            assertThat(meters.get(MidjourneyMetrics.ADMISSION_EVENTS).tag("kind", "queued").counter().count())
                    .isEqualTo(1.0);
            assertThat(meters.get(MidjourneyMetrics.ADMISSION_QUEUE_TIME).tag("outcome", "sent").timer().count())
                    .isEqualTo(3);
            assertThat(meters.get(MidjourneyMetrics.ADMISSION_LIMIT).gauge().value()).isEqualTo(2.0);
            assertThat(meters.get(MidjourneyMetrics.ADMISSION_QUEUED).gauge().value()).isZero();
        });
        runner.run(context -> assertThat(context.getBean(MidjourneyClient.class).admission().enabled()).isFalse());
    }
}
