package io.github.mjsdk.bench.throughput;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.testkit.AccountLimits;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.ServerTask;
import io.github.mjsdk.testkit.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The throughput scenario of issue 14: an account that runs {@link #ACCOUNT} 3 jobs at once at Fast, queues 10 more
 * and refuses the rest (code 23), each job 2 s; {@code jobs} imagines submitted at once. Every variant runs against
 * its own fresh server on its own {@link VirtualTime}, so a run of minutes of simulated time takes seconds. The
 * clients use the SDK's default poll schedule for Fast ({@link PollOptions#forSpeed}: first poll after 4 s, then
 * every 5 s growing ×1.5 up to 15 s) and complete their futures on the HTTP thread, so that the caller's own
 * continuations are seen by virtual time before it moves.
 */
final class Scenario {
    /** The account: 3 jobs at once, a queue of 10, 2 s per job. */
    static final AccountLimits ACCOUNT = new AccountLimits(3, 10, Duration.ofSeconds(2));
    /** The most requests the server's journal keeps; a run that reaches it cannot be counted. */
    private static final int JOURNAL_CAPACITY = 10_000;
    private static final long REAL_TIMEOUT_SECONDS = 120;

    private Scenario() {
    }

    /**
     * The physical limit for a number of jobs: jobs ÷ jobs at once × job duration, plus one job (issue 14).
     *
     * @param jobs the jobs
     * @return the limit
     */
    static Duration limit(int jobs) {
        return ACCOUNT.jobDuration().multipliedBy(jobs).dividedBy(ACCOUNT.jobsAtOnce()).plus(ACCOUNT.jobDuration());
    }

    /**
     * Runs one variant for a number of jobs.
     *
     * @param variant the variant
     * @param jobs    imagines to submit at once
     * @return the measured row
     * @throws Exception if the run fails or takes more than two minutes of real time
     */
    static Result run(Variant variant, int jobs) throws Exception {
        List<ImagineRequest> requests = new ArrayList<>();
        for (int i = 1; i <= jobs; i++) {
            requests.add(ImagineRequest.of("throughput job " + i).withSpeed(Speed.FAST));
        }
        long wallStart = System.nanoTime();
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).randomSeed(14)
                     .accountLimits(Speed.FAST, ACCOUNT).start();
             MidjourneyClient client = variant.client(server.newClientBuilder()
                     .pollOptions(PollOptions::forSpeed).callbackExecutor(Runnable::run))) {
            Instant start = time.clock().instant();
            // started from a timer, so that every first submit is on the wire before virtual time can move
            Finished finished = time.scheduler().submit(() -> variant.run(client, time.scheduler(), requests)
                            .thenApply(done -> new Finished(done, time.clock().instant())))
                    .get(REAL_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(REAL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Outcome outcome = finished.outcome();
            Duration completion = Duration.between(start, finished.at());
            if (server.journal().size() >= JOURNAL_CAPACITY) {
                throw new IllegalStateException("more than " + JOURNAL_CAPACITY + " requests: the journal cannot"
                        + " count them");
            }
            int success = 0;
            for (Task task : outcome.tasks()) {
                if (task.status() == TaskStatus.SUCCESS) {
                    success++;
                }
            }
            int failures = outcome.otherFailures() + outcome.tasks().size() - success;
            return new Result(variant.label(), jobs, success, failures, outcome.queueFullSeen(),
                    duplicates(server.tasks()), completion, limit(jobs), lastJobEnd(server.tasks(), start),
                    server.journal(Route.IMAGINE).size(),
                    server.journal(Route.FETCH).size() + server.journal(Route.LIST_BY_CONDITION).size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - wallStart));
        }
    }

    /** A variant's outcome and the virtual instant its last job completed. */
    private record Finished(Outcome outcome, Instant at) {
    }

    /** From {@code start} to the end of the last job that got a slot (every job runs its full duration here). */
    private static Duration lastJobEnd(List<ServerTask> tasks, Instant start) {
        Instant last = start;
        for (ServerTask task : tasks) {
            if (task.slotTime() != null && task.slotTime().isAfter(last)) {
                last = task.slotTime();
            }
        }
        return Duration.between(start, last).plus(ACCOUNT.jobDuration());
    }

    /** Tasks the server created beyond the first for the same action and prompt: jobs paid twice. */
    private static int duplicates(List<ServerTask> tasks) {
        Map<String, Integer> seen = new HashMap<>();
        int duplicates = 0;
        for (ServerTask task : tasks) {
            if (seen.merge(task.action() + " " + task.prompt(), 1, Integer::sum) > 1) {
                duplicates++;
            }
        }
        return duplicates;
    }
}
