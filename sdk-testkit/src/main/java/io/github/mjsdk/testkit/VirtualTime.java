package io.github.mjsdk.testkit;

import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.testkit.internal.VirtualScheduler;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Virtual time for whole client flows: a {@link SimulatedClock}, a {@link ScheduledExecutorService} on that clock,
 * and an {@link OkHttpClient} whose calls the scheduler watches. Whenever no HTTP call of that OkHttp client is in
 * flight and no timer is due, the clock jumps straight to the next timer. A client wired to it (clock, scheduler
 * and OkHttp client) and a {@link FakeMidjourneyServer} on the same clock run an imagine → reroll → upscale flow
 * that takes minutes of simulated time in milliseconds, with no test code driving time:
 *
 * <pre>{@code
 * try (VirtualTime time = VirtualTime.create();
 *      FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).start();
 *      MidjourneyClient client = server.newClient()) {              // wired to time.clock(), scheduler, OkHttp
 *     Task grid = client.imagine("a red fox", Speed.RELAX).join();  // 8 simulated seconds, a few real ms
 *     Task fresh = client.reroll(grid.id(), Speed.RELAX).join();
 * }
 * }</pre>
 *
 * <p>Rules of the game:
 * <ul>
 *   <li>Time moves only when (a) a timer is pending, (b) none is due, and (c) the watched OkHttp client has no call
 *       queued or running (a call counts until its callback has returned, so the SDK's next timer is already
 *       scheduled when it ends). With nothing scheduled, time stands still: a bare {@code submitImagine} followed by
 *       {@code fetchTask} sees NOT_START forever unless you {@link SimulatedClock#advance advance} the clock
 *       yourself, which stays allowed at any time.</li>
 *   <li>Timers run one at a time on the scheduler's single daemon thread, with the clock set to their due time. When
 *       something else moves the clock (your test, or a server's {@link Fault#dripBody drip body}), the timers due
 *       by then run at once, even while HTTP calls are in flight.</li>
 *   <li>Work on threads the scheduler cannot see (your own executors, another HTTP client) does not hold time back:
 *       time may jump while it runs. Keep test flows on the client's futures.</li>
 *   <li>Timers scheduled from the scheduler's own thread or from an HTTP callback of the watched client (which is
 *       how the SDK schedules its polls) are seen before time can move. Timers scheduled from another thread while
 *       everything is idle race with the driver: it may jump to an earlier-scheduled timer first.</li>
 *   <li>Several flows at once are fine, but which of them sees which instant then depends on thread timing; use a
 *       plain {@link SimulatedClock} to assert exact intermediate states.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the scheduler and the OkHttp client's threads; close the clients using
 * it first.
 */
public final class VirtualTime implements AutoCloseable {
    private final SimulatedClock clock;
    private final Dispatcher dispatcher;
    private final ExecutorService httpThreads;
    private final OkHttpClient http;
    private final VirtualScheduler scheduler;
    /** Wakes the scheduler when anyone moves the clock, so that timers due by then run at once. */
    private final Runnable wakeOnMove;

    private VirtualTime(Instant start) {
        this.clock = new SimulatedClock(start);
        AtomicInteger count = new AtomicInteger();
        this.httpThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "mjsdk-virtual-http-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.dispatcher = new Dispatcher(httpThreads);
        this.http = new OkHttpClient.Builder().dispatcher(dispatcher).build();
        this.scheduler = new VirtualScheduler(clock, clock::moveForwardTo, this::httpIdle);
        dispatcher.setIdleCallback(scheduler::wake);
        this.wakeOnMove = scheduler::wake;
        clock.addListener(wakeOnMove);
    }

    /**
     * Virtual time starting at {@link SimulatedClock#DEFAULT_START}.
     *
     * @return a new instance; close it when done
     */
    public static VirtualTime create() {
        return new VirtualTime(SimulatedClock.DEFAULT_START);
    }

    /**
     * Virtual time starting at an instant.
     *
     * @param start where the clock starts
     * @return a new instance; close it when done
     * @throws IllegalArgumentException if {@code start} is null
     */
    public static VirtualTime startingAt(Instant start) {
        if (start == null) {
            throw new IllegalArgumentException("start must not be null");
        }
        return new VirtualTime(start);
    }

    /**
     * The clock: give it to the server and the client.
     *
     * @return the clock
     */
    public SimulatedClock clock() {
        return clock;
    }

    /**
     * The scheduler: give it to the client ({@link MidjourneyClientBuilder#scheduler}). It runs jobs on one daemon
     * thread and stops running them on {@link #close()}; its own {@code shutdown()} also stops it at once.
     *
     * @return the scheduler
     */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * The OkHttp client whose calls hold time back: give it to the client
     * ({@link MidjourneyClientBuilder#okHttpClient}); the client derives its own from it and shares its dispatcher.
     *
     * @return the OkHttp client
     */
    public OkHttpClient okHttpClient() {
        return http;
    }

    /**
     * Wires a client builder to this virtual time: its clock, scheduler and OkHttp client.
     *
     * @param builder the builder
     * @return the same builder
     * @throws IllegalArgumentException if {@code builder} is null
     */
    public MidjourneyClientBuilder configure(MidjourneyClientBuilder builder) {
        if (builder == null) {
            throw new IllegalArgumentException("builder must not be null");
        }
        return builder.clock(clock).scheduler(scheduler).okHttpClient(http);
    }

    /**
     * Waits (at most {@code timeoutMillis} of real time) until the timers due by the clock's current instant have
     * run; for a server that moves the clock itself ({@link Fault#dripBody}).
     */
    void awaitDueTimers(long timeoutMillis) throws InterruptedException {
        scheduler.awaitDueJobs(timeoutMillis);
    }

    /**
     * Whether the watched OkHttp client has no call queued or running.
     *
     * @return {@code true} when time may move
     */
    public boolean httpIdle() {
        return dispatcher.runningCallsCount() == 0 && dispatcher.queuedCallsCount() == 0;
    }

    /** Stops the scheduler (pending timers never run) and the OkHttp client's threads and connections. */
    @Override
    public void close() {
        clock.removeListener(wakeOnMove);
        scheduler.shutdownNow();
        dispatcher.cancelAll();
        httpThreads.shutdown();
        http.connectionPool().evictAll();
    }

    /**
     * The current virtual instant.
     *
     * @return e.g. {@code VirtualTime[2026-01-01T00:00:08Z]}
     */
    @Override
    public String toString() {
        return "VirtualTime[" + clock.instant() + "]";
    }
}
