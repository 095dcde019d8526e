package io.github.mjsdk.spring.boot;

import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.observe.HttpAttempt;
import io.github.mjsdk.observe.PollRound;
import io.github.mjsdk.observe.WaitEnded;
import io.github.mjsdk.observe.WaitStarted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Micrometer meters fed by a client's {@link ClientObserver} events. Every tag has a small, fixed set of values.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #REQUESTS}</td><td>timer</td><td>operation, outcome</td><td>HTTP attempts and their duration;
 *       outcome is success (2xx), auth_error (401, 403), rate_limited (429), client_error (other 4xx),
 *       server_error (5xx) or io_error (no answer)</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>counter</td><td>operation</td><td>attempts that were retries</td></tr>
 *   <tr><td>{@value #POLL_ROUNDS}</td><td>counter</td><td></td><td>poll rounds</td></tr>
 *   <tr><td>{@value #POLL_TASKS}</td><td>summary</td><td></td><td>tasks per poll round</td></tr>
 *   <tr><td>{@value #POLL_REQUESTS}</td><td>summary</td><td></td><td>requests per poll round</td></tr>
 *   <tr><td>{@value #PENDING}</td><td>gauge</td><td></td><td>waits started and not yet ended</td></tr>
 *   <tr><td>{@value #TASKS}</td><td>timer</td><td>tier, action, outcome</td><td>waits for tasks, from start to
 *       end; outcome is success, failed, timeout, modal_required, cancelled or error</td></tr>
 * </table>
 *
 * <p>Thread-safe and cheap: every event is a counter or timer update.
 */
public class MidjourneyMetrics implements ClientObserver {
    /** HTTP attempts: {@value}. */
    public static final String REQUESTS = "mjsdk.http.requests";
    /** Retried attempts: {@value}. */
    public static final String RETRIES = "mjsdk.http.retries";
    /** Poll rounds: {@value}. */
    public static final String POLL_ROUNDS = "mjsdk.poll.rounds";
    /** Tasks per poll round: {@value}. */
    public static final String POLL_TASKS = "mjsdk.poll.round.tasks";
    /** Requests per poll round: {@value}. */
    public static final String POLL_REQUESTS = "mjsdk.poll.round.requests";
    /** Pending waits: {@value}. */
    public static final String PENDING = "mjsdk.waits.pending";
    /** Task waits by tier, action and outcome: {@value}. */
    public static final String TASKS = "mjsdk.tasks";

    private final MeterRegistry registry;
    private final Counter pollRounds;
    private final DistributionSummary pollTasks;
    private final DistributionSummary pollRequests;
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * Registers the meters that exist from the start (poll rounds, pending waits); the tagged ones appear with their
     * first event.
     *
     * @param registry where the meters go
     */
    public MidjourneyMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.pollRounds = Counter.builder(POLL_ROUNDS).description("Poll rounds of the mjsdk task poller")
                .register(registry);
        this.pollTasks = DistributionSummary.builder(POLL_TASKS).description("Tasks polled per round")
                .register(registry);
        this.pollRequests = DistributionSummary.builder(POLL_REQUESTS).description("HTTP requests per poll round")
                .register(registry);
        Gauge.builder(PENDING, pending, AtomicInteger::get).description("Waits for Midjourney tasks in progress")
                .register(registry);
    }

    @Override
    public void httpAttempt(HttpAttempt attempt) {
        Timer.builder(REQUESTS).description("HTTP attempts to the Midjourney API")
                .tag("operation", attempt.operation())
                .tag("outcome", outcome(attempt.status()))
                .register(registry)
                .record(attempt.duration());
        if (attempt.isRetry()) {
            Counter.builder(RETRIES).description("HTTP attempts that were retries")
                    .tag("operation", attempt.operation())
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void pollRound(PollRound round) {
        pollRounds.increment();
        pollTasks.record(round.tasks());
        pollRequests.record(round.requests());
    }

    @Override
    public void waitStarted(WaitStarted wait) {
        pending.incrementAndGet();
    }

    @Override
    public void waitEnded(WaitEnded wait) {
        pending.updateAndGet(value -> Math.max(0, value - 1));
        Timer.builder(TASKS).description("Waits for Midjourney tasks, from start to end")
                .tag("tier", wait.tier())
                .tag("action", wait.action().name().toLowerCase(Locale.ROOT))
                .tag("outcome", wait.outcome().tag())
                .register(registry)
                .record(wait.duration());
    }

    static String outcome(int status) {
        if (status == 0) {
            return "io_error";
        }
        if (status < 400) {
            return "success";
        }
        if (status == 401 || status == 403) {
            return "auth_error";
        }
        if (status == 429) {
            return "rate_limited";
        }
        return status < 500 ? "client_error" : "server_error";
    }
}
