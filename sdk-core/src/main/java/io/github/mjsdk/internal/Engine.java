package io.github.mjsdk.internal;

import io.github.mjsdk.SpeedTier;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.Button;
import io.github.mjsdk.model.CustomId;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.poll.TaskListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The Midjourney semantics of the client over the proxy dialect: submits, the parent checks and button lookups of
 * reroll / upscale / vary (wire-protocol.md §a.10, §g.11), the legacy {@code /submit/change} fallback, and the
 * modal step (§a.11). Every method returns an internal future; the client hands results to users.
 */
public final class Engine implements TaskSource {
    private final Dialect dialect;
    private final Transport transport;
    private final Clock clock;
    private final SpeedTier defaultSpeed;
    private final String defaultNotifyHook;
    private final Function<? super SpeedTier, PollOptions> pollOptions;
    private DefaultTaskPoller poller;

    public Engine(Dialect dialect, Transport transport, Clock clock, SpeedTier defaultSpeed,
                  String defaultNotifyHook, Function<? super SpeedTier, PollOptions> pollOptions) {
        this.dialect = dialect;
        this.transport = transport;
        this.clock = clock;
        this.defaultSpeed = defaultSpeed;
        this.defaultNotifyHook = defaultNotifyHook;
        this.pollOptions = pollOptions;
    }

    /** Wires the poller, which itself needs {@link #fetch}. */
    public void attach(DefaultTaskPoller taskPoller) {
        this.poller = taskPoller;
        if (!dialect.supportsBatchQuery()) {
            taskPoller.pollTaskByTask();
        }
    }

    /** The dialect's name, for messages. */
    public String dialectName() {
        return dialect.name();
    }

    public SpeedTier tierOf(SpeedTier asked) {
        return asked != null ? asked : defaultSpeed;
    }

    private String hook(String asked) {
        return asked != null ? asked : defaultNotifyHook;
    }

    public PollOptions optionsFor(SpeedTier tier) {
        return pollOptions.apply(tier);
    }

    // ---- queries

    @Override
    public CompletableFuture<Task> fetch(String taskId, Operation operation) {
        return transport.send(dialect.fetch(taskId), operation)
                .thenApply(response -> dialect.parseTask(response, taskId, clock.instant()));
    }

    @Override
    public CompletableFuture<List<Task>> fetchAll(Collection<String> ids, Operation operation) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (!dialect.supportsBatchQuery()) {
            return fetchEach(List.copyOf(ids), operation);
        }
        return transport.send(dialect.list(ids), operation)
                .thenApply(response -> dialect.parseTasks(response, clock.instant()));
    }

    /** One query per id, for dialects without a batch query; unknown ids are left out, as a batch would. */
    private CompletableFuture<List<Task>> fetchEach(List<String> ids, Operation operation) {
        List<CompletableFuture<Task>> each = new ArrayList<>(ids.size());
        for (String id : ids) {
            each.add(fetch(id, operation).exceptionally(error -> {
                if (Futures.unwrap(error) instanceof NotFoundException) {
                    return null;
                }
                throw error instanceof CompletionException ? (CompletionException) error
                        : new CompletionException(error);
            }));
        }
        return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            List<Task> tasks = new ArrayList<>(ids.size());
            for (CompletableFuture<Task> one : each) {
                Task task = one.join();
                if (task != null) {
                    tasks.add(task);
                }
            }
            return tasks;
        });
    }

    // ---- submits

    private CompletableFuture<SubmitResult> submit(ApiRequest request, ParentCheck parent, Operation operation) {
        return transport.send(request, operation)
                .thenApply(response -> dialect.parseSubmit(response, parent, clock.instant()));
    }

    public CompletableFuture<SubmitResult> submitImagine(ImagineRequest request, Operation operation) {
        return submit(dialect.imagine(request, tierOf(request.speed()), hook(request.notifyHook())),
                ParentCheck.NO_PARENT, operation);
    }

    public CompletableFuture<SubmitResult> submitAction(ActionRequest request, ParentCheck parent,
                                                        Operation operation) {
        return submit(dialect.action(request, tierOf(request.speed()), hook(request.notifyHook())), parent, operation);
    }

    public CompletableFuture<SubmitResult> submitModal(ModalRequest request, Operation operation) {
        return submit(dialect.modal(request, tierOf(request.speed())), ParentCheck.NO_PARENT, operation);
    }

    /** Reroll up to an accepted submit, the modal step included when the server asks for it at once. */
    public CompletableFuture<Started> startReroll(RerollRequest request, Operation operation) {
        SpeedTier tier = tierOf(request.speed());
        return fetchParent(request.taskId(), "reroll", operation).thenCompose(parent -> {
            String prompt = request.prompt() != null ? request.prompt() : promptOf(parent);
            dialect.checkRerollParent(parent);
            if (!dialect.rerollByButton() || parent.buttons().isEmpty()) {
                return submit(dialect.reroll(parent, request, tier, hook(request.notifyHook())),
                        ParentCheck.VERIFIED, operation)
                        .thenApply(result -> new Started(result, tier, prompt, null));
            }
            Button button = parent.rerollButton().orElseThrow();
            ActionRequest click = new ActionRequest(parent.id(), button.customId(), tier, request.state(),
                    request.notifyHook(), request.prompt() != null ? Boolean.TRUE : null, null, prompt, null);
            return clickThenModal(click, ParentCheck.VERIFIED, prompt, operation);
        });
    }

    /** U or V on a grid: the parent's own button, or /submit/change on servers without buttons. */
    public CompletableFuture<Started> startGridAction(String taskId, int index, boolean upscale, SpeedTier asked,
                                                      Operation operation) {
        SpeedTier tier = tierOf(asked);
        String verb = upscale ? "upscale" : "vary";
        return fetchParent(taskId, verb, operation).thenCompose(parent -> {
            String prompt = promptOf(parent);
            if (!dialect.rerollByButton() || parent.buttons().isEmpty()) {
                return submit(dialect.gridAction(parent, index, upscale, tier, hook(null)), ParentCheck.VERIFIED,
                        operation).thenApply(result -> new Started(result, tier, prompt, null));
            }
            Optional<Button> button = upscale ? parent.upscaleButton(index) : parent.variationButton(index);
            String label = (upscale ? "U" : "V") + index;
            ActionRequest click = ActionRequest.of(parent.id(), button.orElseThrow(() ->
                    new IllegalTaskStateException("task " + parent.id() + " (" + parent.action() + ") has no "
                            + label + " button: only a grid can be " + (upscale ? "upscaled" : "varied")
                            + " by position", parent)).customId()).withSpeed(tier);
            return clickThenModal(click, ParentCheck.VERIFIED, prompt, operation);
        });
    }

    /** Any button; the modal prompt is the request's, else the parent's (fetched only if a modal appears). */
    public CompletableFuture<Started> startAction(ActionRequest request, Operation operation) {
        SpeedTier tier = tierOf(request.speed());
        return submitAction(request, ParentCheck.UNVERIFIED, operation)
                .thenApply(result -> new Started(result, tier, request.modalPrompt(), request));
    }

    private CompletableFuture<Started> clickThenModal(ActionRequest click, ParentCheck parent, String prompt,
                                                      Operation operation) {
        return submitAction(click, parent, operation).thenCompose(result -> {
            if (!result.waitsForModal()) {
                return CompletableFuture.completedFuture(new Started(result, click.speed(), prompt, null));
            }
            return submitModal(ModalRequest.of(result.taskId(), prompt).withSpeed(click.speed()), operation)
                    .thenApply(modal -> new Started(modal, click.speed(), prompt, null));
        });
    }

    private CompletableFuture<Task> fetchParent(String taskId, String verb, Operation operation) {
        return fetchDetailed(taskId, operation).thenApply(parent -> {
            if (parent.status() != TaskStatus.SUCCESS) {
                throw new IllegalTaskStateException("cannot " + verb + " task " + parent.id() + ": it is "
                        + parent.status() + ", and only a SUCCESS task can be acted on", parent);
            }
            return parent;
        });
    }

    static String promptOf(Task task) {
        if (task.prompt() != null && !task.prompt().isBlank()) {
            return task.prompt();
        }
        if (task.promptEn() != null && !task.promptEn().isBlank()) {
            return task.promptEn();
        }
        return task.finalPrompt().orElse(null);
    }

    /** Waits for a started task; MODAL on the way is confirmed as {@link Started} says; listener may be null. */
    public CompletableFuture<Task> await(Started started, Operation operation, TaskListener listener) {
        PollOptions options = optionsFor(started.tier());
        if (started.result().waitsForModal()) {
            options = options.withInitialDelay(Duration.ZERO);
        }
        CompletableFuture<Task> done = poller.track(started.result().taskId(), options, operation,
                modalConfirmer(started), listener);
        if (!dialect.pollsWithSummary()) {
            return done;
        }
        return done.thenCompose(summary -> fetchDetailed(summary.id(), operation)
                .thenApply(detailed -> dialect.merge(summary, detailed)));
    }

    /** The full view of a task (buttons, action, prompt), for dialects that poll a summary. */
    private CompletableFuture<Task> fetchDetailed(String taskId, Operation operation) {
        return transport.send(dialect.fetchDetailed(taskId), operation)
                .thenApply(response -> dialect.parseTask(response, taskId, clock.instant()));
    }

    private ModalConfirmer modalConfirmer(Started started) {
        return (task, operation) -> {
            ActionRequest action = started.action();
            if (action != null && action.modalPrompt() == null) {
                if (CustomId.parse(action.customId()).alwaysNeedsModal()) {
                    return CompletableFuture.failedFuture(new ModalRequiredException("task " + task.id()
                            + " waits in status MODAL: " + action.customId() + " needs a prompt"
                            + " (ActionRequest.withModalInput) and cannot be confirmed with the parent's", task));
                }
                return fetch(action.taskId(), operation).thenCompose(parent ->
                        modal(task, promptOf(parent), null, started.tier(), operation));
            }
            String prompt = action != null ? action.modalPrompt() : started.modalPrompt();
            String mask = action != null ? action.maskBase64() : null;
            return modal(task, prompt, mask, started.tier(), operation);
        };
    }

    private CompletableFuture<String> modal(Task task, String prompt, String mask, SpeedTier tier,
                                            Operation operation) {
        return submitModal(new ModalRequest(task.id(), prompt, mask, tier), operation)
                .thenApply(SubmitResult::taskId);
    }

    /**
     * A submit accepted by the server, and what a wait on it needs.
     *
     * @param result      the accepted submit (after the modal step, if one was answered at once)
     * @param tier        the tier it runs at (for the poll schedule and the modal step)
     * @param modalPrompt the prompt to confirm a later MODAL with, or null
     * @param action      the user's action request for {@code action(..)}, else null
     */
    public record Started(SubmitResult result, SpeedTier tier, String modalPrompt, ActionRequest action) {
    }
}
