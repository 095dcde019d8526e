package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeMidjourneyExtensionTest {

    @Nested
    @ExtendWith(FakeMidjourneyExtension.class)
    class ByDefault {
        private FakeMidjourneyServer seenBefore;

        @BeforeEach
        void before(FakeMidjourneyServer server) {
            seenBefore = server;
        }

        @Test
        void injectsAConnectedClientOnVirtualTime(MidjourneyClient client, FakeMidjourneyServer server,
                                                  VirtualTime time, SimulatedClock clock) throws Exception {
            Task grid = client.imagine("a red fox", Speed.RELAX).get(20, TimeUnit.SECONDS);
            Task fresh = client.reroll(grid.id(), Speed.RELAX).get(20, TimeUnit.SECONDS);

            assertThat(fresh.prompt()).isEqualTo("a red fox");
            assertThat(server).isSameAs(seenBefore);
            assertThat(server.journal(Route.ACTION)).hasSize(1);
            assertThat(clock).isSameAs(time.clock());
            assertThat(clock.instant()).isAfterOrEqualTo(SimulatedClock.DEFAULT_START.plusSeconds(16));
        }

        @Test
        void survivesAFlakyServer(MidjourneyClient client, FakeMidjourneyServer server) throws Exception {
            server.failNext(Route.FETCH, 2, Fault.serverError());
            server.failNext(Route.IMAGINE, 1, Fault.rateLimited(Duration.ofSeconds(3)));

            Task grid = client.imagine("a fox", Speed.FAST).get(20, TimeUnit.SECONDS);

            assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(server.journal(Route.IMAGINE)).extracting(RecordedCall::status).containsExactly(429, 200);
        }

        @Test
        void givesEachTestItsOwnServer(FakeMidjourneyServer server) {
            assertThat(server.journal()).isEmpty();
            assertThat(server.toString()).startsWith("FakeMidjourneyServer[http://127.0.0.1:");
        }
    }

    @Nested
    class Configured {
        @RegisterExtension
        final FakeMidjourneyExtension mj = FakeMidjourneyExtension.virtualTime()
                .configure(server -> server.remix(true))
                .configure(server -> server.duration(Speed.FAST, Duration.ofMinutes(1)));

        @Test
        void appliesTheSettingsAndOffersAccessors() throws Exception {
            Task grid = mj.client().imagine("a red fox", null).get(20, TimeUnit.SECONDS);
            mj.client().reroll(grid.id(), null).get(20, TimeUnit.SECONDS);

            assertThat(mj.server().journal(Route.MODAL)).hasSize(1);
            assertThat(Duration.between(grid.submitTime(), grid.finishTime())).isEqualTo(Duration.ofMinutes(1));
            assertThat(mj.clock()).isSameAs(mj.time().clock());
        }
    }

    @Nested
    class OnAManualClock {
        @RegisterExtension
        final FakeMidjourneyExtension mj = FakeMidjourneyExtension.manualClock();

        @Test
        void tasksMoveOnlyWhenTheTestAdvancesTheClock(MidjourneyClient client, SimulatedClock clock)
                throws Exception {
            SubmitResult submitted = client.submitImagine(ImagineRequest.of("a fox")).get(10, TimeUnit.SECONDS);
            assertThat(client.fetchTask(submitted.taskId()).status()).isEqualTo(TaskStatus.NOT_START);

            clock.advance(Duration.ofSeconds(2));
            Task running = client.fetchTask(submitted.taskId());
            clock.advance(Duration.ofSeconds(2));

            assertThat(running.status()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(running.progress()).isEqualTo(46);
            assertThat(client.fetchTask(submitted.taskId()).status()).isEqualTo(TaskStatus.SUCCESS);
            assertThatThrownBy(mj::time).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class OnRealTime {
        @RegisterExtension
        final FakeMidjourneyExtension mj = FakeMidjourneyExtension.realTime();

        @Test
        void usesShortJobsAndTheSystemClock(FakeMidjourneyServer server) throws Exception {
            assertThat(server.duration(Speed.TURBO)).isEqualTo(Duration.ofMillis(50));
            assertThat(server.duration(Speed.FAST)).isEqualTo(Duration.ofMillis(100));
            assertThat(server.duration(Speed.RELAX)).isEqualTo(Duration.ofMillis(200));
            assertThat(server.clock()).isNotInstanceOf(SimulatedClock.class);
            assertThat(mj.client().submitImagine(ImagineRequest.of("a fox")).get(10, TimeUnit.SECONDS).code())
                    .isEqualTo(1);
            assertThatThrownBy(mj::clock).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void outsideATestTheAccessorsRefuse() {
        FakeMidjourneyExtension idle = new FakeMidjourneyExtension();

        assertThatThrownBy(idle::server).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> idle.configure(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
