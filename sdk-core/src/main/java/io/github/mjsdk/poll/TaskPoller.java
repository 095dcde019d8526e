package io.github.mjsdk.poll;

import io.github.mjsdk.model.Task;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for tasks without blocking a thread. Obtain it from {@code client.poller()}; it lives as long as the client.
 * Thread-safe.
 *
 * <p>How it polls: one timer on the client's scheduler thread serves every wait, and HTTP runs on OkHttp's
 * dispatcher; no thread is used per wait, and a pending wait holds a small, fixed amount of memory. The tasks whose
 * polls fall due within the same second are fetched together with
 * {@code POST /mj/task/list-by-condition {"ids": [..]}}, in chunks of {@code pollBatchSize} ids (default 100); an
 * id missing from that answer is fetched on its own ({@code GET /mj/task/{id}/fetch}), and a server that answers
 * the batch call with 404 or 405 is polled id by id from then on. Waits on the same task id share one poll. The
 * schedule of each wait is its {@link PollOptions}.
 *
 * <p>Outcomes of a returned future:
 * <ul>
 *   <li>status SUCCESS: completes with the task;</li>
 *   <li>FAILURE or CANCEL: {@link io.github.mjsdk.error.TaskFailedException} with the task and its
 *       {@code failReason};</li>
 *   <li>MODAL: {@link io.github.mjsdk.error.ModalRequiredException} (the client's waiting calls confirm modals
 *       themselves; a bare wait does not guess a prompt);</li>
 *   <li>the deadline passes: {@link io.github.mjsdk.error.TaskTimeoutException} with the last task seen;</li>
 *   <li>an authentication error: {@link io.github.mjsdk.error.AuthenticationException} at once; an unknown id:
 *       {@link io.github.mjsdk.error.NotFoundException} once the task has stayed unknown for 30 s;</li>
 *   <li>I/O errors, 429 and 5xx: retried with backoff until the deadline;</li>
 *   <li>unknown statuses: polling goes on;</li>
 *   <li>{@code cancel(..)} on the future stops its schedule and cancels its in-flight HTTP call;
 *       {@code client.close()} cancels every outstanding wait.</li>
 * </ul>
 * Futures complete on the client's callback executor.
 */
public interface TaskPoller {

    /**
     * Waits for a task with the default options: {@link PollOptions#defaults()}, or, on a provider whose server
     * runs a job without a tier at a known tier (apimart runs it at relax), the builder's poll options for that
     * tier ({@link PollOptions#forSpeed} of {@code RELAX} unless changed: a 30-minute deadline).
     *
     * @param taskId the task id, e.g. {@code "1712345678901123"}
     * @return a future of the SUCCESS task
     * @throws IllegalArgumentException if {@code taskId} is null or blank
     * @throws IllegalStateException    if the client is closed
     */
    CompletableFuture<Task> await(String taskId);

    /**
     * Waits for a task.
     *
     * @param taskId  the task id, e.g. {@code "1712345678901123"}
     * @param options the deadline and schedule
     * @return a future of the SUCCESS task
     * @throws IllegalArgumentException if {@code taskId} is null or blank, or {@code options} is null
     * @throws IllegalStateException    if the client is closed
     */
    CompletableFuture<Task> await(String taskId, PollOptions options);

    /**
     * Waits for a task, reporting its status and progress changes to a listener (for a progress bar; no extra
     * polling).
     *
     * @param taskId   the task id, e.g. {@code "1712345678901123"}
     * @param options  the deadline and schedule
     * @param listener called on the callback executor, in order, when status or progress changes; {@code null} for
     *                 none
     * @return a future of the SUCCESS task
     * @throws IllegalArgumentException if {@code taskId} is null or blank, or {@code options} is null
     * @throws IllegalStateException    if the client is closed
     */
    CompletableFuture<Task> await(String taskId, PollOptions options, TaskListener listener);

    /**
     * A hint that a task changed (a webhook said so): when a wait tracks it, poll it at once with one fetch instead
     * of at its next scheduled time (when a poll of it is already in flight, once more as soon as that one answers).
     * The hint itself is never trusted: only the fetched task completes a wait.
     *
     * @param taskId the task id
     * @return {@code true} when a wait tracks the task
     * @throws IllegalArgumentException if {@code taskId} is null or blank
     */
    boolean wake(String taskId);

    /**
     * The last state of a task that a wait of this poller fetched: confirmed by the server, unlike a webhook's
     * claim. A {@code WebhookReceiver} compares callbacks with it to drop duplicates and stale updates.
     *
     * @param taskId the task id
     * @return the last fetched state (id, status, progress, preview; not the prompt texts or buttons), or empty when
     *     no wait tracks the task or it was not fetched yet; this default returns empty
     */
    default Optional<Task> lastSeen(String taskId) {
        return Optional.empty();
    }

    /**
     * How many waits are in progress.
     *
     * @return the number of waits not yet completed
     */
    int pendingWaits();
}
