package io.github.mjsdk.bench.throughput;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.QueueFullException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.poll.PollOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Variant A, the loop a user writes today without admission: submit every prompt at once, catch
 * {@link QueueFullException}, sleep {@link #SLEEP} and submit the refused ones again, round after round; once every
 * prompt has a task id, wait for all of them with the SDK's poller. Only queue-full refusals are retried (they
 * created no task), so the loop never pays twice; any other failure ends that job.
 */
final class NaiveRetryLoop implements Variant {
    /** How long the loop sleeps after a round with refusals. */
    static final Duration SLEEP = Duration.ofSeconds(5);

    @Override
    public String label() {
        return "A: naive loop (submit all, catch QueueFullException, sleep " + SLEEP.toSeconds()
                + " s, resubmit the refused; then wait for each)";
    }

    @Override
    public CompletableFuture<Outcome> run(MidjourneyClient client, ScheduledExecutorService scheduler,
                                          List<ImagineRequest> requests) {
        Rounds rounds = new Rounds(client, scheduler);
        rounds.submit(requests);
        return rounds.submitted.thenCompose(ids -> {
            List<CompletableFuture<Task>> waits = new ArrayList<>();
            for (String id : ids) {
                waits.add(client.poller().await(id, PollOptions.forSpeed(Speed.FAST)));
            }
            return CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0])).handle((done, failed) -> {
                List<Task> tasks = new ArrayList<>();
                int failures = rounds.otherFailures.get();
                for (CompletableFuture<Task> wait : waits) {
                    if (wait.isCompletedExceptionally()) {
                        failures++;
                    } else {
                        tasks.add(wait.join());
                    }
                }
                return new Outcome(tasks, rounds.queueFull.get(), failures);
            });
        });
    }

    /** The submit rounds: each sends every prompt still without a task id, then sleeps if any was refused. */
    private static final class Rounds {
        private final MidjourneyClient client;
        private final ScheduledExecutorService scheduler;
        private final List<String> ids = new ArrayList<>();
        private final AtomicInteger queueFull = new AtomicInteger();
        private final AtomicInteger otherFailures = new AtomicInteger();
        private final CompletableFuture<List<String>> submitted = new CompletableFuture<>();

        Rounds(MidjourneyClient client, ScheduledExecutorService scheduler) {
            this.client = client;
            this.scheduler = scheduler;
        }

        void submit(List<ImagineRequest> pending) {
            List<ImagineRequest> refused = new ArrayList<>();
            List<CompletableFuture<?>> round = new ArrayList<>();
            for (ImagineRequest request : pending) {
                round.add(client.submitImagine(request).handle((result, failure) -> {
                    synchronized (this) {
                        if (failure == null) {
                            ids.add(result.taskId());
                        } else if (unwrap(failure) instanceof QueueFullException) {
                            queueFull.incrementAndGet();
                            refused.add(request);
                        } else {
                            otherFailures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(round.toArray(new CompletableFuture<?>[0])).thenRun(() -> {
                if (refused.isEmpty()) {
                    synchronized (this) {
                        submitted.complete(List.copyOf(ids));
                    }
                } else {
                    scheduler.schedule(() -> submit(refused), SLEEP.toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        }

        private static Throwable unwrap(Throwable failure) {
            return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                    : failure;
        }
    }
}
