package io.github.mjsdk.spring.boot;

import io.github.mjsdk.observe.AdmissionEvent;
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
 *   <tr><td>{@value #ADMISSION_QUEUED}</td><td>gauge</td><td></td><td>submits waiting in the client's admission
 *       queue</td></tr>
 *   <tr><td>{@value #ADMISSION_IN_FLIGHT}</td><td>gauge</td><td></td><td>jobs of the client holding a
 *       slot</td></tr>
 *   <tr><td>{@value #ADMISSION_LIMIT}</td><td>gauge</td><td></td><td>the limit on jobs in flight, set or
 *       learned</td></tr>
 *   <tr><td>{@value #ADMISSION_EVENTS}</td><td>counter</td><td>kind</td><td>admission events; kind is queued,
 *       sent, refused, rejected, expired, cancelled or released</td></tr>
 *   <tr><td>{@value #ADMISSION_QUEUE_TIME}</td><td>timer</td><td>outcome</td><td>time a submit waited in the client;
 *       outcome is sent, expired or cancelled</td></tr>
 * </table>
 *
 * <p>The admission meters move only on a client built with an admission queue
 * ({@code MidjourneyClientBuilder.admission(..)}, {@code mjsdk.admission.enabled}); their gauges show the state after
 * the latest event.
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
    /** Submits waiting in the admission queue: {@value}. */
    public static final String ADMISSION_QUEUED = "mjsdk.admission.queued";
    /** Jobs holding an admission slot: {@value}. */
    public static final String ADMISSION_IN_FLIGHT = "mjsdk.admission.in_flight";
    /** The admission limit on jobs in flight: {@value}. */
    public static final String ADMISSION_LIMIT = "mjsdk.admission.limit";
    /** Admission events by kind: {@value}. */
    public static final String ADMISSION_EVENTS = "mjsdk.admission.events";
    /** Time submits waited in the admission queue, by outcome: {@value}. */
    public static final String ADMISSION_QUEUE_TIME = "mjsdk.admission.queue.time";

    private final MeterRegistry registry;
    private final Counter pollRounds;
    private final DistributionSummary pollTasks;
    private final DistributionSummary pollRequests;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger limit = new AtomicInteger();

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
        Gauge.builder(ADMISSION_QUEUED, queued, AtomicInteger::get)
                .description("Submits waiting in the client's admission queue").register(registry);
        Gauge.builder(ADMISSION_IN_FLIGHT, inFlight, AtomicInteger::get)
                .description("Jobs of the client holding an admission slot").register(registry);
        Gauge.builder(ADMISSION_LIMIT, limit, AtomicInteger::get)
                .description("The admission limit on jobs in flight, set or learned").register(registry);
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

    @Override
    public void admission(AdmissionEvent event) {
        queued.set(event.queued());
        inFlight.set(event.inFlight());
        limit.set(event.limit());
        String kind = event.kind().name().toLowerCase(Locale.ROOT);
        Counter.builder(ADMISSION_EVENTS).description("Events of the client's admission queue")
                .tag("kind", kind)
                .register(registry)
                .increment();
        if (event.kind() == AdmissionEvent.Kind.SENT || event.kind() == AdmissionEvent.Kind.EXPIRED
                || event.kind() == AdmissionEvent.Kind.CANCELLED) {
            Timer.builder(ADMISSION_QUEUE_TIME).description("Time submits waited in the client's admission queue")
                    .tag("outcome", kind)
                    .register(registry)
                    .record(event.timeQueued());
        }
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
