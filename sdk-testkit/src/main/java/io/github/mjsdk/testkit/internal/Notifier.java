package io.github.mjsdk.testkit.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callbacks of tasks with a hook. midjourney-proxy ({@code notifyHook}, docs/protocols.md §a.12): each change of
 * status or progress (SUBMITTED, every IN_PROGRESS step, SUCCESS or FAILURE, and MODAL) is POSTed as the full task
 * JSON, as it was at the instant of the change. JourneyAPI ({@code webhook_url}, §e): the finished or failed task,
 * as {@code /fetch} answers it, with the task's {@code webhook_secret} in the {@code x-webhook-secret} header.
 * {@link #catchUp()} sends every change up to now in order, so a simulated clock moved by ten seconds at once still
 * produces each step. One daemon thread sends them, in order; like the real servers, there are no retries and no
 * signatures, and failures are only logged (DEBUG).
 */
final class Notifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final MediaType JSON = MediaType.get("application/json");

    /** The header that carries a task's webhook secret: {@value}. */
    static final String SECRET_HEADER = "x-webhook-secret";

    private final Simulation simulation;
    private final Bodies bodies;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fake-midjourney-notify");
        thread.setDaemon(true);
        return thread;
    });
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .callTimeout(Duration.ofSeconds(10))
            .retryOnConnectionFailure(false)
            .build();

    /** What a dialect POSTs for a task at one of its changes. */
    interface Bodies {
        /** The callback body for the task as it was at {@code at}, in {@code phase}; null to send nothing. */
        String body(SimTask task, Timeline.Phase phase, Instant at);
    }

    Notifier(Simulation simulation, Bodies bodies) {
        this.simulation = simulation;
        this.bodies = bodies;
    }

    /** Sends every change of every hooked task up to now. Safe from any thread. */
    void catchUp() {
        List<Callback> due = new ArrayList<>();
        synchronized (simulation) {
            Instant now = simulation.now();
            for (SimTask task : simulation.hooked()) {
                collect(task, now, due);
            }
        }
        for (Callback callback : due) {
            send(callback);
        }
    }

    private void collect(SimTask task, Instant now, List<Callback> due) {
        List<Instant> instants = new ArrayList<>();
        for (Instant change : Timeline.changes(task)) {
            if (change.isAfter(task.notifiedUpTo) && !change.isAfter(now)) {
                instants.add(change);
            }
        }
        if (task.modal) {
            instants.add(now);
        }
        for (Instant instant : instants) {
            Timeline.Phase phase = Timeline.at(task, instant);
            if (!phase.key().equals(task.notifiedState)) {
                task.notifiedState = phase.key();
                String body = bodies.body(task, phase, instant);
                if (body != null) {
                    due.add(new Callback(task.notifyHook, task.webhookSecret, task.id, phase.key(), body));
                }
            }
            if (phase.terminal()) {
                simulation.unhook(task);
                break;
            }
        }
        if (now.isAfter(task.notifiedUpTo)) {
            task.notifiedUpTo = now;
        }
    }

    private void send(Callback callback) {
        try {
            sender.execute(() -> post(callback));
        } catch (RejectedExecutionException closed) {
            LOG.debug("server closed; callback for task {} dropped", callback.taskId());
        }
    }

    private void post(Callback callback) {
        Request request;
        try {
            Request.Builder builder = new Request.Builder().url(callback.url())
                    .post(RequestBody.create(callback.body(), JSON));
            if (callback.secret() != null) {
                builder.header(SECRET_HEADER, callback.secret());
            }
            request = builder.build();
        } catch (IllegalArgumentException badUrl) {
            LOG.debug("notifyHook {} of task {} is not a URL; callback dropped", callback.url(), callback.taskId());
            return;
        }
        try (Response response = http.newCall(request).execute()) {
            LOG.debug("callback {} of task {} answered {}", callback.state(), callback.taskId(), response.code());
        } catch (IOException e) {
            LOG.debug("callback {} of task {} failed: {}", callback.state(), callback.taskId(), e.toString());
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
        http.connectionPool().evictAll();
    }

    private record Callback(String url, String secret, String taskId, String state, String body) {
    }
}
