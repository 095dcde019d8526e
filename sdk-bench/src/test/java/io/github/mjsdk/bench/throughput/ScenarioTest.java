package io.github.mjsdk.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The throughput scenario run small (20 jobs) in the default build, so that CI checks its counters; the 200-job run
 * is {@code java -jar sdk-bench/target/benchmarks.jar throughput}.
 */
class ScenarioTest {
    private static final int JOBS = 20;

    @Test
    void theNaiveLoopGetsEveryJobThroughButEveryRefusalReachesTheCaller() throws Exception {
        Result row = Scenario.run(new NaiveRetryLoop(), JOBS);

        assertThat(row.success()).isEqualTo(JOBS);
        assertThat(row.otherFailures()).isZero();
        assertThat(row.duplicates()).isZero();
        // 3 running + 10 queued are accepted at once; the 7 others are refused at least once
        assertThat(row.queueFullSeen()).isGreaterThanOrEqualTo(JOBS - 13);
        assertThat(row.submits()).isEqualTo(JOBS + row.queueFullSeen());
        assertThat(row.polls()).isPositive();
        // 7 waves of 3 jobs of 2 s is the least the server can do
        assertThat(row.completion()).isGreaterThanOrEqualTo(Duration.ofSeconds(14));
        assertThat(row.limit()).isEqualTo(Duration.ofSeconds(40).dividedBy(3).plusSeconds(2));
    }

    @Test
    void theBatchWithAdmissionGetsEveryJobThroughWithoutARefusalReachingTheCaller() throws Exception {
        Result row = Scenario.run(AdmissionBatch.learning(), JOBS);

        // the learned limit ramps from 3 to what the account takes (13) at the first instant, whatever the order of
        // the answers, so the account never idles; the ramp's last submits on the wire (at most 3) are refused once
        assertMeetsTheGoals(row);
        assertThat(row.submits()).isBetween(JOBS, JOBS + 3);
    }

    @Test
    void withTheLimitSetTheBatchSendsEachSubmitOnce() throws Exception {
        Result row = Scenario.run(AdmissionBatch.fixed(13), JOBS);

        assertMeetsTheGoals(row);
        assertThat(row.submits()).isEqualTo(JOBS);
    }

    /**
     * The goals of issue 14, with a looser time bound than at 200 jobs: a 20-job run lasts about 15 s, and the last
     * job is seen at a poll of the default Fast schedule (4 s, then 5 s growing ×1.5, batched polls carrying the
     * waits past the middle of their delay), which alone can add a sixth; the account itself must have been kept
     * busy all along, its last job ending within the physical limit (at best 14 s: 7 rounds of 3). Several submits
     * are on the wire at the same virtual instant, and the order in which the server answers them is thread timing (see
     * {@link io.github.mjsdk.testkit.VirtualTime}); the ramp of a learned limit fills the account whatever that
     * order: 90 learning runs on a loaded machine all ended their last job at 14 s and took at most 1.17 × the
     * limit and 1.35 requests per job. The time goals themselves are the benchmark's to report.
     */
    private static void assertMeetsTheGoals(Result row) {
        assertThat(row.success()).isEqualTo(JOBS);
        assertThat(row.otherFailures()).isZero();
        assertThat(row.queueFullSeen()).isZero();
        assertThat(row.duplicates()).isZero();
        assertThat(row.requestsPerJob()).isLessThanOrEqualTo(ThroughputBenchmark.REQUESTS_GOAL);
        assertThat(row.lastJobEnd()).isLessThanOrEqualTo(row.limit());
        assertThat(row.timeRatio()).isLessThanOrEqualTo(1.4);
    }

    @Test
    void aJobSubmittedTwiceIsCountedAsPaidTwice() throws Exception {
        Result row = Scenario.run(new SubmitsTwice(), 2);

        assertThat(row.duplicates()).isEqualTo(1);
        assertThat(row.submits()).isEqualTo(3);
        assertThat(row.success()).isEqualTo(3);
    }

    /** A caller that sends its first imagine twice: the server creates and runs it twice. */
    private static final class SubmitsTwice implements Variant {
        @Override
        public String label() {
            return "pays twice";
        }

        @Override
        public CompletableFuture<Outcome> run(MidjourneyClient client, ScheduledExecutorService scheduler,
                                              List<ImagineRequest> requests) {
            List<CompletableFuture<Task>> jobs = new ArrayList<>();
            jobs.add(client.imagine(requests.get(0)));
            requests.forEach(request -> jobs.add(client.imagine(request)));
            return CompletableFuture.allOf(jobs.toArray(new CompletableFuture<?>[0]))
                    .thenApply(done -> new Outcome(jobs.stream().map(CompletableFuture::join).toList(), 0, 0));
        }
    }
}
