package io.github.mjsdk.internal.flow;

import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.internal.admission.Admission;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.internal.dialect.Dialect;
import io.github.mjsdk.internal.dialect.ParentCheck;
import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.internal.http.Transport;
import io.github.mjsdk.internal.poll.DefaultTaskPoller;
import io.github.mjsdk.internal.poll.ModalConfirmer;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.BlendRequest;
import io.github.mjsdk.model.DescribeRequest;
import io.github.mjsdk.model.Button;
import io.github.mjsdk.model.CustomId;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.model.VideoExtendRequest;
import io.github.mjsdk.model.VideoRequest;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.poll.TaskListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Midjourney verbs over a dialect: submits, the parent checks and button lookups of reroll / upscale / vary
 * (docs/protocols.md §a.10, §g.11), the legacy {@code /submit/change} fallback, the modal step (§a.11), and the
 * wait that follows a submit. Follow-ups on a finished single image live beside it ({@link FollowUps},
 * {@link VaryRegion}) and submit through it. Every method returns an internal future; the client hands results to
 * users.
 */
public final class Flows {
    private final Dialect dialect;
    private final Transport transport;
    private final TaskQueries queries;
    private final Admission admission;
    private final DefaultTaskPoller poller;
    private final Clock clock;
    private final SpeedTier defaultSpeed;
    private final String defaultNotifyHook;
    private final Function<? super SpeedTier, PollOptions> pollOptions;

    /**
     * The verbs.
     *
     * @param dialect           the provider's dialect
     * @param transport         the HTTP layer
     * @param queries           task queries (parents, modal prompts, full views)
     * @param admission         the gate every submit passes
     * @param poller            the client's poller
     * @param clock             the time source, for parsing
     * @param defaultSpeed      the tier of calls that name none, or null
     * @param defaultNotifyHook the callback URL of submits that name none, or null
     * @param pollOptions       the poll schedule per tier
     */
    public Flows(Dialect dialect, Transport transport, TaskQueries queries, Admission admission,
                 DefaultTaskPoller poller, Clock clock,
                 SpeedTier defaultSpeed, String defaultNotifyHook,
                 Function<? super SpeedTier, PollOptions> pollOptions) {
        this.dialect = dialect;
        this.transport = transport;
        this.queries = queries;
        this.admission = admission;
        this.poller = poller;
        this.clock = clock;
        this.defaultSpeed = defaultSpeed;
        this.defaultNotifyHook = defaultNotifyHook;
        this.pollOptions = pollOptions;
    }

    /** The tier a call runs at: the one it asked for, else the client's default (may be null). */
    public SpeedTier tierOf(SpeedTier asked) {
        return asked != null ? asked : defaultSpeed;
    }

    String hook(String asked) {
        return asked != null ? asked : defaultNotifyHook;
    }

    /** The poll schedule of a tier. */
    public PollOptions optionsFor(SpeedTier tier) {
        return pollOptions.apply(tier);
    }

    // ---- submits

    /** Every submit, which may start a paid job, passes the admission gate; queries never do. */
    CompletableFuture<SubmitResult> submit(ApiRequest request, ParentCheck parent, Operation operation) {
        return admission.submit(operation, () -> transport.send(request, operation)
                .thenApply(response -> dialect.parseSubmit(response, parent, clock.instant())));
    }

    /** Imagine up to the accepted submit. */
    public CompletableFuture<SubmitResult> submitImagine(ImagineRequest request, Operation operation) {
        return submit(dialect.imagine(request, tierOf(request.speed()), hook(request.notifyHook())),
                ParentCheck.NO_PARENT, operation);
    }

    /** A click on any button of a task the SDK has not fetched. */
    public CompletableFuture<SubmitResult> submitAction(ActionRequest request, Operation operation) {
        return submitAction(request, ParentCheck.UNVERIFIED, operation);
    }

    CompletableFuture<SubmitResult> submitAction(ActionRequest request, ParentCheck parent, Operation operation) {
        return submit(dialect.action(request, tierOf(request.speed()), hook(request.notifyHook())), parent, operation);
    }

    /** The modal step, answered with the user's input. */
    public CompletableFuture<SubmitResult> submitModal(ModalRequest request, Operation operation) {
        return submit(dialect.modal(request, tierOf(request.speed())), ParentCheck.NO_PARENT, operation);
    }

    /** Reroll up to an accepted submit, the modal step included when the server asks for it at once. */
    public CompletableFuture<Started> startReroll(RerollRequest request, Operation operation) {
        SpeedTier tier = tierOf(request.speed());
        dialect.checkReroll(request, tier, hook(request.notifyHook()));
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
        dialect.checkCall(tier, hook(null), null);
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

    /** Describe up to the accepted submit (docs/protocols.md §h.2.1). */
    public CompletableFuture<SubmitResult> submitDescribe(DescribeRequest request, Operation operation) {
        return submit(dialect.describe(request, tierOf(request.speed()), hook(request.notifyHook())),
                ParentCheck.NO_PARENT, operation);
    }

    /** Edit or retexture up to the accepted submit (docs/protocols.md §h.2.8). */
    public CompletableFuture<SubmitResult> submitEdit(io.github.mjsdk.model.EditRequest request,
                                                      Operation operation) {
        return submit(dialect.edit(request, tierOf(request.speed()), hook(request.notifyHook())),
                ParentCheck.NO_PARENT, operation);
    }

    /** Blend up to the accepted submit (docs/protocols.md §h.2.2). */
    public CompletableFuture<SubmitResult> submitBlend(BlendRequest request, Operation operation) {
        return submit(dialect.blend(request, tierOf(request.speed()), hook(request.notifyHook())),
                ParentCheck.NO_PARENT, operation);
    }

    /**
     * Video up to the accepted submit (docs/protocols.md §h.2.7); a grid task named as the first frame has not been
     * fetched, so a code 3 means it is unknown.
     */
    public CompletableFuture<SubmitResult> submitVideo(VideoRequest request, Operation operation) {
        return submit(dialect.video(request, tierOf(request.speed()), hook(request.notifyHook())),
                request.parentTaskId() == null ? ParentCheck.NO_PARENT : ParentCheck.UNVERIFIED, operation);
    }

    /** Video extend up to the accepted submit (docs/protocols.md §h.2.7); the parent has not been fetched. */
    public CompletableFuture<SubmitResult> submitExtendVideo(VideoExtendRequest request, Operation operation) {
        return submit(dialect.extendVideo(request, tierOf(request.speed()), hook(request.notifyHook())),
                ParentCheck.UNVERIFIED, operation);
    }

    /** A submit without a parent (describe, blend), as a started task. */
    public Started started(SpeedTier asked, SubmitResult result) {
        return new Started(result, tierOf(asked), null, null);
    }

    /** The account balance (docs/protocols.md §h.2.10). */
    public CompletableFuture<io.github.mjsdk.model.Balance> balance(Operation operation) {
        return transport.send(dialect.balance(), operation)
                .thenApply(response -> dialect.parseBalance(response, clock.instant()));
    }

    /** Shorten up to the accepted submit (docs/protocols.md §h.2.3). */
    public CompletableFuture<SubmitResult> submitShorten(String prompt, SpeedTier asked, Operation operation) {
        return submit(dialect.shorten(prompt, tierOf(asked), hook(null)), ParentCheck.NO_PARENT, operation);
    }

    /** Uploads images and reads their URLs (docs/protocols.md §h.2.5). */
    public CompletableFuture<java.util.List<String>> uploadImages(java.util.List<io.github.mjsdk.model.ImageInput> images,
                                                                  Operation operation) {
        return transport.send(dialect.uploadImages(images, tierOf(null)), operation)
                .thenApply(response -> dialect.parseUploaded(response, clock.instant()));
    }

    /** The seed of a finished image task (docs/protocols.md §h.2.4). */
    public CompletableFuture<Long> imageSeed(String taskId, Operation operation) {
        return transport.send(dialect.imageSeed(taskId), operation)
                .thenApply(response -> dialect.parseImageSeed(response, taskId, clock.instant()));
    }

    /** Cancels a task on the server (docs/protocols.md §h.2.6). */
    public CompletableFuture<Void> cancel(String taskId, Operation operation) {
        return transport.send(dialect.cancel(taskId), operation)
                .thenAccept(response -> dialect.parseCancel(response, clock.instant()));
    }

    CompletableFuture<Started> clickThenModal(ActionRequest click, ParentCheck parent, String prompt,
                                              Operation operation) {
        return submitAction(click, parent, operation).thenCompose(result -> {
            if (!result.waitsForModal()) {
                return CompletableFuture.completedFuture(new Started(result, click.speed(), prompt, null));
            }
            return submitModal(ModalRequest.of(result.taskId(), prompt).withSpeed(click.speed()), operation)
                    .thenApply(modal -> new Started(modal, click.speed(), prompt, null));
        });
    }

    /** The parent of a follow-up: fetched in full, SUCCESS or an IllegalTaskStateException. */
    CompletableFuture<Task> fetchParent(String taskId, String verb, Operation operation) {
        return queries.fetchDetailed(taskId, operation).thenApply(parent -> {
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

    /** The submit of an imagine, as a started task. */
    public Started started(ImagineRequest request, SubmitResult result) {
        return new Started(result, tierOf(request.speed()), request.prompt(), null);
    }

    /** Waits for a started task; MODAL on the way is confirmed as {@link Started} says; listener may be null. */
    public CompletableFuture<Task> await(Started started, Operation operation, TaskListener listener) {
        return await(started, null, operation, listener);
    }

    /**
     * Waits for a started task with the caller's schedule ({@code poll}), or the tier's when null; MODAL on the way
     * is confirmed as {@link Started} says; listener may be null.
     */
    public CompletableFuture<Task> await(Started started, PollOptions poll, Operation operation,
                                         TaskListener listener) {
        PollOptions options = poll != null ? poll : optionsFor(started.tier() != null ? started.tier()
                : dialect.serverDefaultTier());
        if (started.result().waitsForModal()) {
            options = options.withInitialDelay(Duration.ZERO);
        }
        // the poller's queries return the full task once it is finished (TaskQueries.fetch)
        return poller.track(started.result().taskId(), options, operation, modalConfirmer(started), listener,
                started.tier());
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
                return queries.fetch(action.taskId(), operation).thenCompose(parent ->
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
