package io.github.mjsdk.testkit.internal;

import io.github.mjsdk.model.Speed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * One server's simulator, wired for its dialect: the task store and its lifecycle, the dialect's routes, the images
 * and the callbacks. The server's HTTP listener hands it each request; fault injection and the journal stay with
 * the server.
 *
 * <p>Thread-safe.
 */
public final class Simulator implements AutoCloseable {
    private final Simulation simulation;
    private final Notifier notifier;
    private final Router router;

    /**
     * Wires a simulator.
     *
     * @param config the server's settings
     * @param root   the server's root URL, {@code "http://127.0.0.1:PORT"}, without a trailing slash; task JSON
     *               points its image URLs there
     */
    public Simulator(ServerConfig config, String root) {
        this.simulation = new Simulation(config);
        ApiRoutes api;
        switch (config.dialect()) {
            case APIMART:
                this.notifier = new Notifier(simulation, (task, phase, at) -> null);
                api = new ApimartRoutes(simulation, config, root);
                break;
            case JOURNEY:
                JourneyJson journey = new JourneyJson(root);
                this.notifier = new Notifier(simulation,
                        (task, phase, at) -> phase.terminal() ? journey.render(task, at).toString() : null);
                api = new JourneyRoutes(simulation, config, journey);
                break;
            default:
                TaskJson json = new TaskJson(root, config.legacy(), simulation.instanceId());
                this.notifier = new Notifier(simulation, (task, phase, at) -> json.render(task, at).toString());
                api = new ProxyRoutes(config, new SubmitRoutes(simulation, config, notifier, root),
                        new QueryRoutes(simulation, json));
                break;
        }
        this.router = new Router(config, api, new ImageRoute(simulation));
    }

    /**
     * Now on the server's clock, never earlier than a previous call's answer.
     *
     * @return the instant to process a request at
     */
    public Instant now() {
        return simulation.now();
    }

    /**
     * A request path as the server's dialect reads it.
     *
     * @param encodedPath the path without query, still percent-encoded, e.g. {@code "/mj-fast/mj/submit/imagine"}
     * @return its tier, endpoint and parameters; {@link Endpoint#OTHER} when the dialect has no such path
     */
    public RequestPath parse(String encodedPath) {
        return router.parse(encodedPath);
    }

    /**
     * The simulator's answer to a request: the dialect's JSON, an image, or the dialect's error shape (for an
     * unknown path, a bad key, or a failure of the simulator itself, which is logged).
     *
     * @param request the request
     * @param path    its path, from {@link #parse(String)}
     * @param now     the instant to process it at, from {@link #now()}
     * @return the answer
     */
    public MockResponse answer(RecordedRequest request, RequestPath path, Instant now) {
        return router.answer(request, path, now);
    }

    /**
     * The account's task list: every task the server created (submits refused for a full queue create none), in
     * the order they were submitted, with job slots brought up to now.
     *
     * @param row makes an entry from a task's facts
     * @param <T> the entry type
     * @return the entries, oldest first
     */
    public <T> List<T> tasks(TaskRow<T> row) {
        List<T> rows = new ArrayList<>();
        synchronized (simulation) {
            simulation.now();
            for (SimTask task : simulation.tasks()) {
                rows.add(row.row(task.id, task.action, task.prompt, task.mode == null ? Speed.FAST : task.mode,
                        task.submitTime, task.startAt));
            }
        }
        return rows;
    }

    /**
     * Queues the callbacks of every task change up to now, in order; one daemon thread posts them, logging failed
     * posts only. Safe from any thread.
     */
    public void catchUp() {
        notifier.catchUp();
    }

    /**
     * Makes a task that has not finished fail now: FAILURE with {@code reason} as its fail reason, or with the
     * dialect's cancel text when {@code reason} is null (as if cancelled). Callbacks are sent as for any change.
     *
     * @param taskId the task's id
     * @param reason the fail reason, or null for a cancellation
     * @throws IllegalArgumentException if no task has that id
     * @throws IllegalStateException    if the task already finished or waits in MODAL
     */
    public void endTask(String taskId, String reason) {
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = unfinished(taskId, now);
            task.forcedReason = reason;
            task.cancelledAt = now;
        }
        notifier.catchUp();
    }

    /**
     * Freezes a task that has not finished as it is now (status, progress, times) until it is failed or cancelled
     * through {@link #endTask}; it keeps its job slot meanwhile.
     *
     * @param taskId the task's id
     * @throws IllegalArgumentException if no task has that id
     * @throws IllegalStateException    if the task already finished or waits in MODAL
     */
    public void stallTask(String taskId) {
        synchronized (simulation) {
            Instant now = simulation.now();
            SimTask task = unfinished(taskId, now);
            if (task.stalledAt == null) {
                task.stalledAt = now;
            }
        }
    }

    private SimTask unfinished(String taskId, Instant now) {
        SimTask task = simulation.find(taskId);
        if (task == null) {
            throw new IllegalArgumentException("no task has id " + taskId);
        }
        if (task.modal) {
            throw new IllegalStateException("task " + taskId + " waits in MODAL");
        }
        Timeline.Phase phase = Timeline.at(task, now);
        if (phase.terminal()) {
            throw new IllegalStateException("task " + taskId + " already finished: " + phase.status());
        }
        return task;
    }

    /** Stops the callback thread. Idempotent. */
    @Override
    public void close() {
        notifier.close();
    }
}
