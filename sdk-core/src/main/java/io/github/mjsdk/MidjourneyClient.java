package io.github.mjsdk;

import io.github.mjsdk.admission.AdmissionStats;
import io.github.mjsdk.admission.Batch;
import io.github.mjsdk.internal.admission.Admission;
import io.github.mjsdk.internal.admission.Batches;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.image.ImageDecodeException;
import io.github.mjsdk.image.Images;
import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.poll.DefaultTaskPoller;
import io.github.mjsdk.internal.flow.FollowUps;
import io.github.mjsdk.internal.flow.Flows;
import io.github.mjsdk.internal.flow.VaryRegion;
import io.github.mjsdk.error.OperationNotSupportedException;
import io.github.mjsdk.model.BlendRequest;
import io.github.mjsdk.model.DescribeRequest;
import io.github.mjsdk.model.EditRequest;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.PanDirection;
import io.github.mjsdk.model.VariantMode;
import io.github.mjsdk.model.RemixRequest;
import io.github.mjsdk.model.VaryRegionRequest;
import io.github.mjsdk.model.VideoExtendRequest;
import io.github.mjsdk.model.VideoRequest;
import io.github.mjsdk.provider.MidjourneyOperation;
import io.github.mjsdk.internal.flow.TaskQueries;
import io.github.mjsdk.internal.http.CallOptions;
import io.github.mjsdk.internal.util.Futures;
import io.github.mjsdk.error.ClientClosedException;
import io.github.mjsdk.poll.PollOptions;
import java.util.Map;
import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.poll.TaskListener;
import io.github.mjsdk.poll.TaskPoller;
import io.github.mjsdk.webhook.WebhookReceiver;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A client for Midjourney-compatible task APIs: CometAPI and any server that speaks the midjourney-proxy protocol
 * (docs/protocols.md §a–§c).
 *
 * <p>Waiting calls ({@link #imagine(String, SpeedTier)}, {@link #reroll(String, SpeedTier)}, {@link #upscale},
 * {@link #vary}, {@link #action}) submit the job, then wait through the shared {@link TaskPoller} until the task is
 * terminal: the future completes with the SUCCESS task, or exceptionally with a
 * {@link io.github.mjsdk.error.MidjourneyException} subtype (after {@code join()}, as the
 * {@link CompletionException} cause). Non-waiting calls ({@code submit…}, {@code fetch…}) return as soon as the
 * server answers.
 *
 * <pre>{@code
 * try (MidjourneyClient client = MidjourneyClient.fromEnv()) {
 *     Task grid  = client.imagine("a red fox in fresh snow --ar 3:2", Speed.TURBO).join();
 *     Task fresh = client.reroll(grid.id(), Speed.TURBO).join();   // a new 2x2 grid, same prompt
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> The client is immutable and thread-safe: build one and share it. It owns one daemon scheduler
 * thread for all poll timers (or uses the one you inject), runs HTTP on OkHttp's asynchronous dispatcher, and
 * completes every returned future on the callback executor, never on an I/O thread. No thread blocks per wait.
 *
 * <p><b>Cancellation and closing.</b> Cancelling a returned future stops its schedule and cancels its in-flight
 * HTTP call; it does not cancel a job the server has already accepted. {@link #close()} fails every outstanding
 * future with {@link ClientClosedException}, shuts down what the client created, and never shuts down an injected
 * {@code OkHttpClient}, scheduler or executor.
 *
 * <p><b>Money.</b> Every submit can cost a job, so the SDK never sends one twice unless the first provably did not
 * count: it is re-sent only when it never reached the server (connection refused, unknown host, TLS handshake
 * failure: OkHttp had not handed it to a connection), or when the server refused it with 429 or 503 before
 * processing it. A submit whose outcome is unknown (a timeout or a reset after the request was sent) fails with a
 * {@link io.github.mjsdk.error.TransportException} whose {@code requestMayHaveBeenProcessed()} is {@code true}; the
 * job may exist, so look it up (for example by the {@code state} you passed) before submitting again. Queries
 * (fetches, polls) are retried on I/O errors and on 408, 425, 429, 500, 502, 503 and 504.
 *
 * <p><b>Many jobs.</b> With {@link MidjourneyClientBuilder#admission} the client keeps at most a set (or learned)
 * number of its jobs on the account and queues further submits itself; a refusal that created no job (code 23,
 * HTTP 429) is queued again instead of failing the call, and a submit whose outcome is unknown is still never
 * re-sent. {@link #batch(List)} submits many jobs as one {@link Batch}; {@link #admission()} shows the queue
 * (docs/admission.md).
 *
 * <p><b>Deadlines and retries.</b> Each request has an overall deadline (default
 * {@value RequestOptions#DEFAULT_TIMEOUT_SECONDS} s) that covers its attempts and the waits between them:
 * exponential backoff with full jitter (base 0.5 s, cap 8 s), or the server's {@code Retry-After} clamped to 60 s.
 * Change it, the retries and extra headers per call with {@link #withOptions(RequestOptions)}, or for all calls
 * with {@link MidjourneyClientBuilder#requestOptions(RequestOptions)}. A waiting call as a whole is bounded by its
 * poll deadline ({@link io.github.mjsdk.poll.PollOptions#timeout()}).
 */
public final class MidjourneyClient implements AutoCloseable {

    private final ClientRuntime runtime;
    private final Flows flows;
    private final FollowUps followUps;
    private final VaryRegion varyRegion;
    private final TaskQueries queries;
    private final DefaultTaskPoller poller;
    private final Admission admission;
    /** Every pending user future and the operation behind it. */
    private final Map<CompletableFuture<?>, Operation> outstanding;
    private final Set<Operation> blocking;
    private final AtomicBoolean closed;
    private final RequestOptions options;
    private final CallOptions callOptions;

    MidjourneyClient(ClientRuntime runtime) {
        this(runtime, new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet(), RequestOptions.none());
    }

    private MidjourneyClient(ClientRuntime runtime, Map<CompletableFuture<?>, Operation> outstanding, Set<Operation> blocking,
                             RequestOptions options) {
        this.runtime = runtime;
        this.flows = runtime.flows();
        this.followUps = runtime.followUps();
        this.varyRegion = runtime.varyRegion();
        this.queries = runtime.queries();
        this.poller = runtime.poller();
        this.admission = runtime.admission();
        this.closed = runtime.closed();
        this.outstanding = outstanding;
        this.blocking = blocking;
        this.options = options;
        this.callOptions = options.equals(RequestOptions.none()) ? null
                : runtime.settings().requestDefaults().overriddenBy(options).resolved();
    }

    /**
     * A builder with the defaults: base URL {@code https://api.cometapi.com}, {@link io.github.mjsdk.provider.AuthScheme#BEARER}, no default
     * speed tier.
     *
     * @return a new builder
     */
    public static MidjourneyClientBuilder builder() {
        return new MidjourneyClientBuilder();
    }

    /**
     * A client configured from the environment: {@code MIDJOURNEY_API_KEY} (required),
     * {@code MIDJOURNEY_BASE_URL} (default: the provider's, {@code https://api.cometapi.com}),
     * {@code MIDJOURNEY_AUTH_SCHEME} ({@code bearer}, {@code mj-api-secret}, {@code raw}; default: the provider's)
     * and {@code MIDJOURNEY_PROVIDER} ({@code cometapi} default, {@code midjourney-proxy}, {@code trueai},
     * {@code apimart}, {@code journeyapi}; see {@link io.github.mjsdk.provider.Providers#named(String)}), and
     * {@code MIDJOURNEY_ALLOW_INSECURE_HTTP} ({@code true} or {@code false}, default false: allows an
     * {@code http://} base URL on a host that is not loopback, such as a proxy at {@code http://service:8080}).
     * Every error names the variable to set or fix.
     *
     * @return the client
     * @throws IllegalStateException    if {@code MIDJOURNEY_API_KEY} is not set
     * @throws IllegalArgumentException if a variable is invalid (its name starts the message), or
     *                                  {@code MIDJOURNEY_BASE_URL} is not set for a provider without a default
     */
    public static MidjourneyClient fromEnv() {
        return builder().fromEnvironment(System::getenv).build();
    }

    /**
     * A view of this client whose calls use {@code options} over this client's: the deadline and retries of each
     * request the call makes, and extra headers (see {@link RequestOptions}). The view shares everything else:
     * connections, the poller (whose polls keep the client's own options, as they serve many waits), the
     * scheduler and the lifecycle: closing the view closes the client and every view of it. Cheap; make one per
     * call if you like.
     *
     * <pre>{@code
     * Task task = client.withOptions(RequestOptions.builder().timeout(Duration.ofSeconds(5)).build())
     *         .fetchTask(taskId);
     * }</pre>
     *
     * @param options the options; fields left unset inherit this client's (a view's options stack on its parent's)
     * @return the view
     * @throws IllegalArgumentException if {@code options} is null
     * @throws IllegalStateException    if the client is closed
     */
    public MidjourneyClient withOptions(RequestOptions options) {
        Args.notNull(options, "options");
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        return new MidjourneyClient(runtime, outstanding, blocking, this.options.overriddenBy(options));
    }

    // ---------------------------------------------------------------- waiting calls

    /**
     * Imagines a prompt and waits for the grid.
     *
     * @param prompt the prompt including Midjourney flags, e.g. {@code "a red fox --ar 3:2"}
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the SUCCESS task (a 2×2 grid with U1–U4, V1–V4 and 🔄 buttons)
     * @throws IllegalArgumentException if {@code prompt} is null or blank
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> imagine(String prompt, SpeedTier speed) {
        return imagine(ImagineRequest.of(prompt).withSpeed(speed));
    }

    /**
     * Submits an imagine and waits for the grid.
     *
     * @param request the request
     * @return a future of the SUCCESS task; fails with the submit's typed exception (e.g.
     *     {@link io.github.mjsdk.error.BannedPromptException}) or the wait's ({@link
     *     io.github.mjsdk.error.TaskFailedException} for an invalid parameter in the prompt)
     * @throws IllegalArgumentException if {@code request} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> imagine(ImagineRequest request) {
        return imagine(request, null);
    }

    /**
     * Submits an imagine and waits for the grid, reporting status and progress changes to a listener (for a
     * progress bar; no extra polling).
     *
     * @param request  the request
     * @param listener called on the callback executor, in order, when status or progress changes; {@code null}
     *                 for none
     * @return a future of the SUCCESS task
     * @throws IllegalArgumentException if {@code request} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> imagine(ImagineRequest request, TaskListener listener) {
        return imagine(request, null, listener);
    }

    /**
     * Submits an imagine and waits for the grid with this call's own poll schedule and deadline.
     *
     * @param request  the request
     * @param poll     this wait's schedule and deadline, or {@code null} for the defaults of the tier the call runs
     *                 at ({@link PollOptions#forSpeed}, or the builder's {@code pollOptions}); a MODAL step on the
     *                 way is still confirmed automatically, and its wait starts at once
     * @param listener called on the callback executor, in order, when status or progress changes; {@code null}
     *                 for none
     * @return a future of the SUCCESS task
     * @throws IllegalArgumentException if {@code request} is null, or the provider cannot express it (a tier,
     *                                  notifyHook or state it does not take)
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> imagine(ImagineRequest request, PollOptions poll, TaskListener listener) {
        require(MidjourneyOperation.IMAGINE);
        Args.notNull(request, "request");
        return run(op -> flows.submitImagine(request, op).thenCompose(result ->
                flows.await(flows.started(request, result), poll,
                        op, listener)));
    }

    /**
     * Rerolls a grid (🔄) and waits for the new grid.
     *
     * @param taskId the parent task id; it must be a SUCCESS grid
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the new SUCCESS task
     * @throws IllegalArgumentException if {@code taskId} is null or blank
     * @throws IllegalStateException    if the client is closed
     * @see #reroll(RerollRequest)
     */
    public CompletableFuture<Task> reroll(String taskId, SpeedTier speed) {
        return reroll(RerollRequest.of(taskId).withSpeed(speed));
    }

    /**
     * Rerolls a grid you already hold and waits for the new grid. The parent is fetched again anyway, because
     * customIds are only valid from the latest fetch.
     *
     * @param parent the parent task
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the new SUCCESS task
     * @throws IllegalArgumentException if {@code parent} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> reroll(Task parent, SpeedTier speed) {
        Args.notNull(parent, "parent");
        return reroll(parent.id(), speed);
    }

    /**
     * Rerolls a grid and waits for the new grid.
     *
     * <p>The parent is fetched first: it must be SUCCESS, else the future fails with
     * {@link io.github.mjsdk.error.IllegalTaskStateException} and nothing is submitted; an unknown parent fails with
     * {@link io.github.mjsdk.error.NotFoundException}. The SDK clicks the parent's reroll button (customId with
     * {@code ::reroll::} or the 🔄 emoji). A parent with buttons but no reroll button (an upscale) fails with
     * {@code IllegalTaskStateException}; a parent with no buttons at all (an open-source proxy) is rerolled with
     * {@code POST /mj/submit/change {action: "REROLL"}}. A prompt override is sent with {@code enableRemix: true} and
     * then the modal step. When the new task waits in MODAL (code 21 at once, or status MODAL later, since gateways
     * rewrite 21 to 1), the SDK confirms it with the override, else the parent's prompt.
     *
     * @param request the request
     * @return a future of the new SUCCESS task
     * @throws IllegalArgumentException if {@code request} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> reroll(RerollRequest request) {
        return reroll(request, null);
    }

    /**
     * Rerolls a grid and waits for the new grid, reporting status and progress changes to a listener. See
     * {@link #reroll(RerollRequest)} for the rules.
     *
     * @param request  the request
     * @param listener called on the callback executor, in order, when status or progress changes; {@code null}
     *                 for none
     * @return a future of the new SUCCESS task
     * @throws IllegalArgumentException if {@code request} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> reroll(RerollRequest request, TaskListener listener) {
        return reroll(request, null, listener);
    }

    /**
     * Rerolls a grid and waits for the new grid with this call's own poll schedule and deadline. See
     * {@link #reroll(RerollRequest)} for the rules.
     *
     * @param request  the request
     * @param poll     this wait's schedule and deadline, or {@code null} for the defaults of the tier the call runs
     *                 at ({@link PollOptions#forSpeed}, or the builder's {@code pollOptions}); a MODAL step on the
     *                 way is still confirmed automatically, and its wait starts at once
     * @param listener called on the callback executor, in order, when status or progress changes; {@code null}
     *                 for none
     * @return a future of the new SUCCESS task
     * @throws IllegalArgumentException if {@code request} is null, or the provider cannot express it
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> reroll(RerollRequest request, PollOptions poll, TaskListener listener) {
        require(MidjourneyOperation.REROLL);
        Args.notNull(request, "request");
        return run(op -> flows.startReroll(request, op).thenCompose(started -> flows.await(started, poll, op,
                listener)));
    }

    /**
     * Upscales one image of a grid (U1–U4) and waits for it.
     *
     * @param taskId the grid task id; it must be SUCCESS and have the U button
     * @param index  the grid position, 1 (top left) to 4 (bottom right)
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the SUCCESS upscale task
     * @throws IllegalArgumentException if {@code taskId} is blank or {@code index} is not 1–4
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> upscale(String taskId, int index, SpeedTier speed) {
        return upscale(taskId, index, speed, null);
    }

    /**
     * Upscales one image of a grid (U1–U4) and waits for it, reporting changes to a listener.
     *
     * @param taskId   the grid task id; it must be SUCCESS and have the U button
     * @param index    the grid position, 1 (top left) to 4 (bottom right)
     * @param speed    the tier, or {@code null} for the client's default
     * @param listener called on the callback executor, in order, when status or progress changes; {@code null}
     *                 for none
     * @return a future of the SUCCESS upscale task
     * @throws IllegalArgumentException if {@code taskId} is blank or {@code index} is not 1–4
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> upscale(String taskId, int index, SpeedTier speed, TaskListener listener) {
        return upscale(taskId, index, speed, null, listener);
    }

    /**
     * Upscales one image of a grid (U1–U4) and waits for it with this call's own poll schedule and deadline.
     *
     * @param taskId   the grid task id; it must be SUCCESS and have the U button
     * @param index    the grid position, 1 (top left) to 4 (bottom right)
     * @param speed    the tier, or {@code null} for the client's default
     * @param poll     this wait's schedule and deadline, or {@code null} for the defaults of the tier the call runs
     *                 at ({@link PollOptions#forSpeed}, or the builder's {@code pollOptions}); a MODAL step on the
     *                 way is still confirmed automatically, and its wait starts at once
     * @param listener called on the callback executor, in order, when status or progress changes; {@code null}
     *                 for none
     * @return a future of the SUCCESS upscale task
     * @throws IllegalArgumentException if {@code taskId} is blank, {@code index} is not 1–4, or the provider cannot
     *                                  express the tier
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> upscale(String taskId, int index, SpeedTier speed, PollOptions poll,
                                           TaskListener listener) {
        require(MidjourneyOperation.UPSCALE);
        Args.notBlank(taskId, "taskId");
        Args.gridIndex(index, "index");
        return run(op -> flows.startGridAction(taskId, index, true, speed, op)
                .thenCompose(started -> flows.await(started, poll, op, listener)));
    }

    /**
     * Makes variations of one image of a grid (V1–V4) and waits for the new grid. A MODAL step (Remix on) is
     * confirmed with the parent's prompt.
     *
     * @param taskId the grid task id; it must be SUCCESS and have the V button
     * @param index  the grid position, 1 (top left) to 4 (bottom right)
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the SUCCESS variation task
     * @throws IllegalArgumentException if {@code taskId} is blank or {@code index} is not 1–4
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> vary(String taskId, int index, SpeedTier speed) {
        return vary(taskId, index, speed, null, null);
    }

    /**
     * Makes variations of one image of a grid (V1–V4) and waits for the new grid with this call's own poll
     * schedule and deadline. A MODAL step (Remix on) is confirmed with the parent's prompt.
     *
     * @param taskId   the grid task id; it must be SUCCESS and have the V button
     * @param index    the grid position, 1 (top left) to 4 (bottom right)
     * @param speed    the tier, or {@code null} for the client's default
     * @param poll     this wait's schedule and deadline, or {@code null} for the defaults of the tier the call runs
     *                 at ({@link PollOptions#forSpeed}, or the builder's {@code pollOptions}); a MODAL step on the
     *                 way is still confirmed automatically, and its wait starts at once
     * @param listener called on the callback executor, in order, when status or progress changes; {@code null}
     *                 for none
     * @return a future of the SUCCESS variation task
     * @throws IllegalArgumentException if {@code taskId} is blank, {@code index} is not 1–4, or the provider cannot
     *                                  express the tier
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> vary(String taskId, int index, SpeedTier speed, PollOptions poll,
                                        TaskListener listener) {
        require(MidjourneyOperation.VARY);
        Args.notBlank(taskId, "taskId");
        Args.gridIndex(index, "index");
        return run(op -> flows.startGridAction(taskId, index, false, speed, op)
                .thenCompose(started -> flows.await(started, poll, op, listener)));
    }

    /**
     * Clicks any button by customId and waits for the resulting task. When it stops in MODAL, the SDK confirms it
     * with {@link ActionRequest#modalPrompt()} (and {@link ActionRequest#maskBase64()}), else with the parent's
     * prompt; actions that always need input (Vary (Region), Custom Zoom) without a modal prompt fail with
     * {@link io.github.mjsdk.error.ModalRequiredException}.
     *
     * @param request the request
     * @return a future of the SUCCESS task
     * @throws IllegalArgumentException if {@code request} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> action(ActionRequest request) {
        return action(request, null);
    }

    /**
     * Clicks any button by customId and waits for the resulting task, reporting changes to a listener. See
     * {@link #action(ActionRequest)} for the modal rules.
     *
     * @param request  the request
     * @param listener called on the callback executor, in order, when status or progress changes; {@code null}
     *                 for none
     * @return a future of the SUCCESS task
     * @throws IllegalArgumentException if {@code request} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> action(ActionRequest request, TaskListener listener) {
        return action(request, null, listener);
    }

    /**
     * Clicks any button by customId and waits for the resulting task with this call's own poll schedule and
     * deadline. See {@link #action(ActionRequest)} for the modal rules.
     *
     * @param request  the request
     * @param poll     this wait's schedule and deadline, or {@code null} for the defaults of the tier the call runs
     *                 at ({@link PollOptions#forSpeed}, or the builder's {@code pollOptions}); a MODAL step on the
     *                 way is still confirmed automatically, and its wait starts at once
     * @param listener called on the callback executor, in order, when status or progress changes; {@code null}
     *                 for none
     * @return a future of the SUCCESS task
     * @throws IllegalArgumentException if {@code request} is null, or the provider cannot express it
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> action(ActionRequest request, PollOptions poll, TaskListener listener) {
        require(MidjourneyOperation.BUTTON);
        Args.notNull(request, "request");
        return run(op -> flows.startAction(request, op).thenCompose(started -> flows.await(started, poll, op,
                listener)));
    }

    // ---------------------------------------------------------------- describe, blend and single-image follow-ups

    /**
     * Whether this client's provider offers an operation (its protocol's capability data; the README's operations
     * table is generated from the same data).
     *
     * @param operation the operation
     * @return true when a call for it will be sent; false when it is refused with
     *     {@link OperationNotSupportedException}
     */
    public boolean supports(MidjourneyOperation operation) {
        return runtime.settings().provider().supports(operation);
    }

    private void require(MidjourneyOperation operation) {
        if (!supports(operation)) {
            throw new OperationNotSupportedException(runtime.settings().provider().name(), operation.label());
        }
    }

    /**
     * Describes an image and waits for the four suggested prompts ({@link Task#describePrompts()};
     * docs/protocols.md §h.2.1). Proxy family: {@code POST {tier}/mj/submit/describe {base64 | link}}; apimart:
     * {@code POST /v1/midjourney/generations/describe {image_urls}}; JourneyAPI: {@code POST /describe {image_url}}
     * (URLs only).
     *
     * @param request the request
     * @return a future of the SUCCESS describe task; fails with IllegalArgumentException, before anything is sent,
     *     when the provider cannot take the image's form
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no describe (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> describe(DescribeRequest request) {
        Args.notNull(request, "request");
        require(MidjourneyOperation.DESCRIBE);
        return awaitSubmitted(request.speed(), op -> flows.submitDescribe(request, op));
    }

    /**
     * Submits a describe without waiting. See {@link #describe(DescribeRequest)}.
     *
     * @param request the request
     * @return a future of the accepted submit
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no describe (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitDescribe(DescribeRequest request) {
        Args.notNull(request, "request");
        require(MidjourneyOperation.DESCRIBE);
        return run(op -> flows.submitDescribe(request, op));
    }

    /**
     * Blends 2 to 5 images into a grid and waits for it (docs/protocols.md §h.2.2). Proxy family:
     * {@code POST {tier}/mj/submit/blend {base64Array, dimensions}} (bytes only); apimart:
     * {@code POST /v1/midjourney/generations/blend {image_urls, dimensions}} (2 to 4 images); JourneyAPI:
     * {@code POST /blend {image_urls, dimension}} (URLs only).
     *
     * @param request the request
     * @return a future of the SUCCESS grid (with U, V and 🔄 buttons where the provider has buttons); fails with
     *     IllegalArgumentException naming {@code images} or {@code images[i]}, before anything is sent, when the
     *     provider cannot take that count or form
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no blend (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> blend(BlendRequest request) {
        Args.notNull(request, "request");
        require(MidjourneyOperation.BLEND);
        return awaitSubmitted(request.speed(), op -> flows.submitBlend(request, op));
    }

    /**
     * Submits a blend without waiting. See {@link #blend(BlendRequest)}.
     *
     * @param request the request
     * @return a future of the accepted submit
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no blend (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitBlend(BlendRequest request) {
        Args.notNull(request, "request");
        require(MidjourneyOperation.BLEND);
        return run(op -> flows.submitBlend(request, op));
    }

    /**
     * Animates an image into short clips and waits for them ({@link Task#videoUrls()}, usually four;
     * docs/protocols.md §h.2.7). Proxy family (CometAPI, trueai): {@code POST {tier}/mj/submit/video {motion, image,
     * prompt?, endImage?, batchSize?}}; apimart: {@code POST /v1/midjourney/generations/video {image_urls | task_id +
     * index, motion, prompt?, end_url?, batch_size?}}; JourneyAPI: {@code POST /imagine-video {prompt, image_url,
     * motion}} (a public URL and a prompt required). Save the clips with
     * {@link io.github.mjsdk.image.Images#saveVideos(Task, java.nio.file.Path)}.
     *
     * @param request the request
     * @return a future of the SUCCESS video task; fails with IllegalArgumentException naming the parameter, before
     *     anything is sent, when the provider cannot take a part of the request (bytes on JourneyAPI, an end frame
     *     or batch size it has no field for, a grid task's picture outside apimart, no prompt on JourneyAPI)
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no video (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> video(VideoRequest request) {
        Args.notNull(request, "request");
        require(MidjourneyOperation.VIDEO);
        return awaitSubmitted(request.speed(), op -> flows.submitVideo(request, op));
    }

    /**
     * Submits a video without waiting. See {@link #video(VideoRequest)}.
     *
     * @param request the request
     * @return a future of the accepted submit
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no video (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitVideo(VideoRequest request) {
        Args.notNull(request, "request");
        require(MidjourneyOperation.VIDEO);
        return run(op -> flows.submitVideo(request, op));
    }

    /**
     * Extends one clip of a finished video and waits for the new clips (docs/protocols.md §h.2.7). The index is
     * 1-based (1 is the first of {@link Task#videoUrls()}). Proxy family: {@code POST {tier}/mj/submit/video
     * {action:"extend", taskId, index (0-based), motion, prompt?}}; JourneyAPI: {@code POST /extend-video
     * {parent_task_id, index:"1".."4", prompt, motion}} (a prompt required). apimart documents no extend.
     *
     * @param request the request
     * @return a future of the SUCCESS video task; fails with IllegalArgumentException (nothing sent) when the
     *     provider requires a prompt and none is set, with {@link io.github.mjsdk.error.NotFoundException} or
     *     {@link io.github.mjsdk.error.InvalidRequestException} when the server does not know the parent or it is
     *     not a finished video
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no video extend (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> extendVideo(VideoExtendRequest request) {
        Args.notNull(request, "request");
        require(MidjourneyOperation.VIDEO_EXTEND);
        return awaitSubmitted(request.speed(), op -> flows.submitExtendVideo(request, op));
    }

    /**
     * Submits a video extend without waiting. See {@link #extendVideo(VideoExtendRequest)}.
     *
     * @param request the request
     * @return a future of the accepted submit
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no video extend (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitExtendVideo(VideoExtendRequest request) {
        Args.notNull(request, "request");
        require(MidjourneyOperation.VIDEO_EXTEND);
        return run(op -> flows.submitExtendVideo(request, op));
    }

    /**
     * Edits or retextures an image after a prompt and waits for the new grid (docs/protocols.md §h.2.8). Proxy
     * family: {@code POST {tier}/mj/submit/edits} (trueai, CometAPI) or {@code /mj/submit/retexture} (trueai) with
     * {@code {prompt, image}}, the image as its URL or a data URL; apimart: {@code POST
     * /v1/midjourney/generations/edits {prompt, image_urls}} (edits only).
     *
     * @param request the request
     * @return a future of the SUCCESS grid, action {@link io.github.mjsdk.model.TaskAction#EDIT} or
     *     {@link io.github.mjsdk.model.TaskAction#RETEXTURE}, with U, V and 🔄 buttons where the provider has buttons
     * @throws IllegalArgumentException       if {@code request} is null, or the provider cannot express its tier,
     *                                        state or notifyHook
     * @throws OperationNotSupportedException if the provider has no edits (or no retexture, for a retexture): nothing
     *                                        is sent
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> edit(EditRequest request) {
        requireEdit(request);
        return awaitSubmitted(request.speed(), op -> flows.submitEdit(request, op));
    }

    /**
     * Submits an edit or a retexture without waiting. See {@link #edit(EditRequest)}.
     *
     * @param request the request
     * @return a future of the accepted submit
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no edits (or no retexture): nothing is sent
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitEdit(EditRequest request) {
        requireEdit(request);
        return run(op -> flows.submitEdit(request, op));
    }

    private void requireEdit(EditRequest request) {
        Args.notNull(request, "request");
        require(request.kind() == EditRequest.Kind.EDIT ? MidjourneyOperation.EDIT : MidjourneyOperation.RETEXTURE);
    }

    /**
     * Pans an upscaled image and waits for the new grid. The parent is fetched and its pan button clicked
     * ({@code MJ::JOB::pan_<direction>::1::<hash>::SOLO}, docs/protocols.md §a.10; apimart routes it to
     * {@code /v1/midjourney/generations/pan}, §h.2.9); a MODAL step (Remix on) is confirmed with the parent's prompt.
     *
     * @param taskId    the upscaled image's task; it must be SUCCESS
     * @param direction the direction
     * @param speed     the tier, or {@code null} for the client's default
     * @return a future of the SUCCESS pan task; fails with {@link io.github.mjsdk.error.IllegalTaskStateException}
     *     when the parent has no such button (a grid: upscale first), nothing clicked
     * @throws IllegalArgumentException       if {@code taskId} is blank or {@code direction} null
     * @throws OperationNotSupportedException if the provider has no pan (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> pan(String taskId, PanDirection direction, SpeedTier speed) {
        return await(panStarted(taskId, direction, speed));
    }

    /**
     * Pans an upscaled image without waiting for the result. See {@link #pan(String, PanDirection, SpeedTier)}.
     *
     * @param taskId    the upscaled image's task
     * @param direction the direction
     * @param speed     the tier, or {@code null} for the client's default
     * @return a future of the accepted submit (after the modal step when the server asked for it at once)
     * @throws IllegalArgumentException       if {@code taskId} is blank or {@code direction} null
     * @throws OperationNotSupportedException if the provider has no pan (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitPan(String taskId, PanDirection direction, SpeedTier speed) {
        return submitted(panStarted(taskId, direction, speed));
    }

    private Function<Operation, CompletableFuture<Flows.Started>> panStarted(String taskId, PanDirection direction,
                                                                            SpeedTier speed) {
        Args.notBlank(taskId, "taskId");
        Args.notNull(direction, "direction");
        require(MidjourneyOperation.PAN);
        return op -> followUps.pan(taskId, direction, speed, op);
    }

    /**
     * Zooms out of an upscaled image and waits for the new grid (docs/protocols.md §a.10, §a.11). A ratio of 2 or
     * 1.5 clicks Zoom Out 2x / 1.5x ({@code MJ::Outpaint::50|75::1::<hash>::SOLO}); any other ratio in (1, 2]
     * clicks Custom Zoom ({@code MJ::CustomZoom::<hash>}) and answers its modal step with the parent's prompt plus
     * {@code --zoom <ratio>} (an existing {@code --zoom} is replaced). JourneyAPI has no buttons:
     * {@code POST /outpaint {parent_task_id, zoom_ratio}} with the ratio as a number (1.5, 2 or custom; the shape is
     * assumed from Apiframe's, which JourneyAPI mirrors, docs/protocols.md §h.2.9).
     *
     * @param taskId the upscaled image's task; it must be SUCCESS
     * @param ratio  the zoom-out factor, in (1, 2]
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the SUCCESS zoom task; fails with {@link io.github.mjsdk.error.IllegalTaskStateException}
     *     when the parent has no such button
     * @throws IllegalArgumentException       if {@code taskId} is blank or {@code ratio} is not in (1, 2]
     * @throws OperationNotSupportedException if the provider has no zoom out, or no custom zoom for a ratio other
     *                                        than 1.5 and 2 (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> zoomOut(String taskId, double ratio, SpeedTier speed) {
        return await(zoomStarted(taskId, ratio, speed));
    }

    /**
     * Zooms out without waiting for the result. See {@link #zoomOut(String, double, SpeedTier)}.
     *
     * @param taskId the upscaled image's task
     * @param ratio  the zoom-out factor, in (1, 2]
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the accepted submit (after the modal step for a custom ratio)
     * @throws IllegalArgumentException       if {@code taskId} is blank or {@code ratio} is not in (1, 2]
     * @throws OperationNotSupportedException if the provider cannot zoom by that ratio (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitZoomOut(String taskId, double ratio, SpeedTier speed) {
        return submitted(zoomStarted(taskId, ratio, speed));
    }

    private Function<Operation, CompletableFuture<Flows.Started>> zoomStarted(String taskId, double ratio,
                                                                             SpeedTier speed) {
        Args.notBlank(taskId, "taskId");
        if (!(ratio > 1.0 && ratio <= 2.0)) {
            throw new IllegalArgumentException("ratio: a zoom out takes a ratio in (1, 2], got " + ratio);
        }
        require(FollowUps.customZoom(ratio) ? MidjourneyOperation.CUSTOM_ZOOM : MidjourneyOperation.ZOOM_OUT);
        return op -> followUps.zoomOut(taskId, ratio, speed, op);
    }

    /**
     * Upscale (Subtle) / (Creative) or Vary (Subtle) / (Strong) on an upscaled image, waiting for the result
     * (docs/protocols.md §a.10: {@code upsample_*_2x_subtle|creative}, {@code low_variation},
     * {@code high_variation}; apimart routes the varies to {@code /generations/low-variation|high-variation},
     * §h.2.9). A MODAL step (Remix on) is confirmed with the parent's prompt. Upscale 2× / 4× is JourneyAPI's
     * {@code POST /upscale-2x-4x {parent_task_id, type}} on an upscale-1x parent (§h.2.9).
     *
     * @param taskId the upscaled image's task; it must be SUCCESS
     * @param mode   which button
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the SUCCESS task (an upscale for the upscales, a grid for the varies); fails with
     *     {@link io.github.mjsdk.error.IllegalTaskStateException} when the parent has no such button
     * @throws IllegalArgumentException       if {@code taskId} is blank or {@code mode} null
     * @throws OperationNotSupportedException if the provider lacks that family (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> variant(String taskId, VariantMode mode, SpeedTier speed) {
        return await(variantStarted(taskId, mode, speed));
    }

    /**
     * The same as {@link #variant(String, VariantMode, SpeedTier)} without waiting for the result.
     *
     * @param taskId the upscaled image's task
     * @param mode   which button
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the accepted submit
     * @throws IllegalArgumentException       if {@code taskId} is blank or {@code mode} null
     * @throws OperationNotSupportedException if the provider lacks that family (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitVariant(String taskId, VariantMode mode, SpeedTier speed) {
        return submitted(variantStarted(taskId, mode, speed));
    }

    private Function<Operation, CompletableFuture<Flows.Started>> variantStarted(String taskId, VariantMode mode,
                                                                                SpeedTier speed) {
        Args.notBlank(taskId, "taskId");
        Args.notNull(mode, "mode");
        require(switch (mode) {
            case UPSCALE_SUBTLE, UPSCALE_CREATIVE -> MidjourneyOperation.UPSCALE_SUBTLE_CREATIVE;
            case UPSCALE_2X, UPSCALE_4X -> MidjourneyOperation.UPSCALE_2X_4X;
            case VARY_SUBTLE, VARY_STRONG -> MidjourneyOperation.VARY_SUBTLE_STRONG;
        });
        return op -> followUps.variant(taskId, mode, speed, op);
    }

    /**
     * Remix: a reroll, a variation (V1–V4, Vary Strong / Subtle) or a pan with a new prompt, waiting for the new grid
     * (docs/protocols.md §h.2.11). Proxy family: the parent is fetched and its button clicked with
     * {@code enableRemix: true} ({@code POST {tier}/mj/submit/action}); the new task stops in MODAL (code 21 at
     * once, or status MODAL later) and the SDK answers {@code POST {tier}/mj/submit/modal {taskId, prompt}} with the
     * new prompt. JourneyAPI remixes a reroll only ({@code POST /reroll {parent_task_id, prompt}}); apimart
     * documents no remix.
     *
     * <pre>{@code
     * Task fox = client.remix(RemixRequest.variation(grid.id(), 2, "a silver fox in fresh snow")).join();
     * }</pre>
     *
     * @param request the request
     * @return a future of the SUCCESS task, whose prompt is the new one; fails with
     *     {@link io.github.mjsdk.error.IllegalTaskStateException} when the parent has no such button (a pan on a
     *     grid: upscale first; a server whose tasks have no buttons), nothing clicked
     * @throws IllegalArgumentException       if {@code request} is null, or the provider cannot express its tier
     * @throws OperationNotSupportedException if the provider has no remix, or none of that target (JourneyAPI:
     *                                        only a reroll), nothing sent
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> remix(RemixRequest request) {
        return await(remixStarted(request));
    }

    /**
     * The same as {@link #remix(RemixRequest)} without waiting for the result.
     *
     * @param request the request
     * @return a future of the accepted submit (after the modal step when the server asked for it at once)
     * @throws IllegalArgumentException       if {@code request} is null, or the provider cannot express its tier
     * @throws OperationNotSupportedException if the provider has no remix of that target (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitRemix(RemixRequest request) {
        return submitted(remixStarted(request));
    }

    private Function<Operation, CompletableFuture<Flows.Started>> remixStarted(RemixRequest request) {
        Args.notNull(request, "request");
        require(MidjourneyOperation.REMIX);
        if (!followUps.remixes(request.target())) {
            throw new OperationNotSupportedException(runtime.settings().provider().name(), request.label());
        }
        return op -> followUps.remix(request, op);
    }

    /**
     * Vary (Region): repaints an area of an upscaled image and waits for the new grid (docs/protocols.md §a.10,
     * §a.11; apimart §d; JourneyAPI §h.2.9). The parent is fetched; its image is downloaded and decoded, and its
     * size compared with the mask's (unless {@link VaryRegionRequest#withoutSizeCheck()}); then its Vary (Region)
     * button is clicked ({@code MJ::Inpaint::1::<hash>::SOLO}, which parks the new task in MODAL; apimart
     * {@code /generations/inpaint}) and the modal step answered with the prompt (the parent's when the request has
     * none) and the mask as a PNG data URL ({@code maskBase64}, black background; apimart {@code mask_url},
     * transparent background). JourneyAPI has no buttons: {@code POST /inpaint {parent_task_id, mask, prompt?}}
     * (black background; the shape is assumed from Apiframe's, which JourneyAPI mirrors).
     *
     * @param request the request
     * @return a future of the SUCCESS task; fails, with nothing submitted, with IllegalArgumentException naming
     *     {@code mask} when its size differs from the image's, {@link ImageDecodeException} when the image cannot be
     *     decoded here to check it (a WebP image without a WebP ImageIO plugin; the message says what to do), or
     *     {@link io.github.mjsdk.error.IllegalTaskStateException} when the parent cannot take Vary (Region) (a grid:
     *     upscale first) or has no image URL
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no Vary (Region) (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> varyRegion(VaryRegionRequest request) {
        return await(varyRegionStarted(request));
    }

    /**
     * The same as {@link #varyRegion(VaryRegionRequest)} without waiting for the result.
     *
     * @param request the request
     * @return a future of the accepted submit (after the modal step)
     * @throws IllegalArgumentException       if {@code request} is null
     * @throws OperationNotSupportedException if the provider has no Vary (Region) (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitVaryRegion(VaryRegionRequest request) {
        return submitted(varyRegionStarted(request));
    }

    private Function<Operation, CompletableFuture<Flows.Started>> varyRegionStarted(VaryRegionRequest request) {
        Args.notNull(request, "request");
        require(MidjourneyOperation.VARY_REGION);
        return op -> varyRegion.start(request, op);
    }

    /**
     * The account's balance (docs/protocols.md §h.2.10): CometAPI {@code GET https://query.cometapi.com/user/quota}
     * with the key as the {@code key} query parameter (its separate query service, moved with
     * {@link MidjourneyClientBuilder#accountBaseUrl(String)}; the key is added on the wire only and never shows in a
     * message, a log line or an observer event), apimart {@code GET /v1/user/balance}, JourneyAPI
     * {@code GET /account}. A self-hosted proxy has none.
     *
     * @return a future of the balance, in the provider's own unit ({@link io.github.mjsdk.model.Balance#unit()}:
     *     USD on CometAPI)
     * @throws OperationNotSupportedException if the provider has no balance query (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<io.github.mjsdk.model.Balance> balance() {
        require(MidjourneyOperation.BALANCE);
        return run(flows::balance);
    }

    /**
     * Analyses a prompt and waits for up to five shorter versions ({@link Task#shortenedPrompts()}):
     * {@code POST {tier}/mj/submit/shorten {prompt}} (docs/protocols.md §h.2.3; PLUS and trueai servers).
     *
     * @param prompt the prompt to analyse, Midjourney flags included
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the SUCCESS shorten task, whose {@code properties.finalPrompt} holds the analysis
     * @throws IllegalArgumentException       if {@code prompt} is null or blank
     * @throws OperationNotSupportedException if the provider has no shorten (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Task> shorten(String prompt, SpeedTier speed) {
        Args.notBlank(prompt, "prompt");
        require(MidjourneyOperation.SHORTEN);
        return awaitSubmitted(speed, op -> flows.submitShorten(prompt, speed, op));
    }

    /**
     * Submits a shorten without waiting. See {@link #shorten(String, SpeedTier)}.
     *
     * @param prompt the prompt to analyse
     * @param speed  the tier, or {@code null} for the client's default
     * @return a future of the accepted submit
     * @throws IllegalArgumentException       if {@code prompt} is null or blank
     * @throws OperationNotSupportedException if the provider has no shorten (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<SubmitResult> submitShorten(String prompt, SpeedTier speed) {
        Args.notBlank(prompt, "prompt");
        require(MidjourneyOperation.SHORTEN);
        return run(op -> flows.submitShorten(prompt, speed, op));
    }

    /**
     * The seed of a finished image task: {@code GET /mj/task/{id}/image-seed}, answered {@code {code:1,
     * result:"<seed>"}} (docs/protocols.md §h.2.4; PLUS and trueai servers, which need a DM channel with the bot).
     *
     * @param taskId the task; it must be SUCCESS
     * @return a future of the seed (0 to 4294967295); fails with {@link io.github.mjsdk.error.InvalidRequestException}
     *     (code 4) while the task is not finished, {@link io.github.mjsdk.error.NotFoundException} for an unknown id
     * @throws IllegalArgumentException       if {@code taskId} is null or blank
     * @throws OperationNotSupportedException if the provider has no image seed (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Long> imageSeed(String taskId) {
        Args.notBlank(taskId, "taskId");
        require(MidjourneyOperation.IMAGE_SEED);
        return run(op -> flows.imageSeed(taskId, op));
    }

    /**
     * Uploads images to the server's Discord channel and returns their URLs, to use as image prompts or inputs
     * anywhere a URL is taken: {@code POST {tier}/mj/submit/upload-discord-images {base64Array}}, answered
     * {@code {code:1, result:["https://…", …]}} (docs/protocols.md §h.2.5; trueai). CometAPI's gateway has the route
     * but does not document it, so the CometAPI preset refuses it unless you switch it on with
     * {@code Providers.cometApi().withOperation(MidjourneyOperation.UPLOAD_IMAGES, true)}. An upload is sent once
     * (never re-sent after it may have reached the server).
     *
     * @param images the images, as bytes ({@link ImageInput#of(java.nio.file.Path)} or
     *               {@link ImageInput#of(byte[], String)}); at least one
     * @return a future of the URLs, one per image, in order; fails with
     *     {@link io.github.mjsdk.error.InvalidRequestException} (code 4) when the server has uploads switched off
     * @throws IllegalArgumentException       if {@code images} is null, empty or holds a null, or
     *                                        {@code images[i]} is a URL (already public: nothing to upload)
     * @throws OperationNotSupportedException if the provider has no image upload (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<List<String>> uploadImages(List<ImageInput> images) {
        Args.notNull(images, "images");
        if (images.isEmpty()) {
            throw new IllegalArgumentException("images: at least one image to upload");
        }
        for (int i = 0; i < images.size(); i++) {
            Args.notNull(images.get(i), "images[" + i + "]");
        }
        require(MidjourneyOperation.UPLOAD_IMAGES);
        List<ImageInput> copy = List.copyOf(images);
        return run(op -> flows.uploadImages(copy, op));
    }

    /**
     * Cancels a waiting or running task on the server: {@code POST /mj/task/{id}/cancel} with the body {@code {}}
     * (docs/protocols.md §h.2.6; trueai). The task then ends in FAILURE with {@code failReason} "取消任务" (trueai
     * does not use CANCEL, §g.15), which a waiting call reports as {@link io.github.mjsdk.error.TaskFailedException}.
     * A task in MODAL cannot be cancelled there.
     *
     * @param taskId the task
     * @return a future completed when the server accepted the cancel (HTTP 2xx)
     * @throws IllegalArgumentException       if {@code taskId} is null or blank
     * @throws OperationNotSupportedException if the provider has no cancel (nothing is sent)
     * @throws IllegalStateException          if the client is closed
     */
    public CompletableFuture<Void> cancel(String taskId) {
        Args.notBlank(taskId, "taskId");
        require(MidjourneyOperation.CANCEL);
        return run(op -> flows.cancel(taskId, op));
    }

    private CompletableFuture<Task> await(Function<Operation, CompletableFuture<Flows.Started>> start) {
        return run(op -> start.apply(op).thenCompose(started -> flows.await(started, op, null)));
    }

    /** Waits for a submit without a parent (describe, blend, video, edit, shorten), run at {@code speed}. */
    private CompletableFuture<Task> awaitSubmitted(SpeedTier speed,
                                                   Function<Operation, CompletableFuture<SubmitResult>> submit) {
        return await(op -> submit.apply(op).thenApply(result -> flows.started(speed, result)));
    }

    private CompletableFuture<SubmitResult> submitted(Function<Operation, CompletableFuture<Flows.Started>> start) {
        return run(op -> start.apply(op).thenApply(Flows.Started::result));
    }

    // ---------------------------------------------------------------- non-waiting calls

    /**
     * Submits an imagine without waiting ({@code POST {tier}/mj/submit/imagine}).
     *
     * @param request the request
     * @return a future of the accepted submit (code 1 or 22)
     * @throws IllegalArgumentException if {@code request} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<SubmitResult> submitImagine(ImagineRequest request) {
        require(MidjourneyOperation.IMAGINE);
        Args.notNull(request, "request");
        return run(op -> flows.submitImagine(request, op));
    }

    /**
     * Submits a reroll without waiting for the new grid: fetches the parent, clicks its reroll button (or uses
     * {@code /submit/change} on servers without buttons) and answers the modal step when the server asks for it at
     * once. See {@link #reroll(RerollRequest)} for the rules.
     *
     * @param request the request
     * @return a future of the accepted submit of the new task
     * @throws IllegalArgumentException if {@code request} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<SubmitResult> submitReroll(RerollRequest request) {
        require(MidjourneyOperation.REROLL);
        Args.notNull(request, "request");
        return run(op -> flows.startReroll(request, op).thenApply(Flows.Started::result));
    }

    /**
     * Clicks a button without waiting ({@code POST {tier}/mj/submit/action}). A code 21 answer is returned as is
     * ({@link SubmitResult#waitsForModal()}): continue with {@link #submitModal(ModalRequest)}.
     *
     * @param request the request
     * @return a future of the accepted submit
     * @throws IllegalArgumentException if {@code request} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<SubmitResult> submitAction(ActionRequest request) {
        require(MidjourneyOperation.BUTTON);
        Args.notNull(request, "request");
        return run(op -> flows.submitAction(request, op));
    }

    /**
     * Answers a task parked in MODAL ({@code POST {tier}/mj/submit/modal}).
     *
     * @param request the request; its task id is the MODAL task's
     * @return a future of the accepted submit (on PLUS servers, the same task id, re-queued)
     * @throws IllegalArgumentException if {@code request} is null
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<SubmitResult> submitModal(ModalRequest request) {
        require(MidjourneyOperation.BUTTON);
        Args.notNull(request, "request");
        return run(op -> flows.submitModal(request, op));
    }

    /**
     * Fetches one task ({@code GET /mj/task/{id}/fetch}), blocking the calling thread (fine on virtual threads).
     *
     * @param taskId the task id
     * @return the task
     * @throws IllegalArgumentException if {@code taskId} is null or blank
     * @throws io.github.mjsdk.error.NotFoundException for an unknown id (the server answers an empty body)
     * @throws io.github.mjsdk.error.MidjourneyException for any other failure
     * @throws IllegalStateException if the client is closed
     */
    public Task fetchTask(String taskId) {
        Args.notBlank(taskId, "taskId");
        return runBlocking(op -> queries.fetch(taskId, op));
    }

    /**
     * Fetches one task asynchronously.
     *
     * @param taskId the task id
     * @return a future of the task; fails with {@link io.github.mjsdk.error.NotFoundException} for an unknown id
     * @throws IllegalArgumentException if {@code taskId} is null or blank
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<Task> fetchTaskAsync(String taskId) {
        Args.notBlank(taskId, "taskId");
        return run(op -> queries.fetch(taskId, op));
    }

    /**
     * Fetches several tasks in one request ({@code POST /mj/task/list-by-condition {ids}}), blocking.
     *
     * @param taskIds the ids; duplicates are sent once
     * @return the tasks the server knows, in the server's order; unknown ids are simply absent
     * @throws IllegalArgumentException if {@code taskIds} is null or holds a null or blank id
     * @throws io.github.mjsdk.error.MidjourneyException for a failed request
     * @throws IllegalStateException if the client is closed
     */
    public List<Task> fetchTasks(Collection<String> taskIds) {
        Args.eachNotBlank(taskIds, "taskIds");
        return runBlocking(op -> queries.fetchDistinct(taskIds, op));
    }

    /**
     * Fetches several tasks in one request, asynchronously.
     *
     * @param taskIds the ids; duplicates are sent once
     * @return a future of the tasks the server knows, in the server's order
     * @throws IllegalArgumentException if {@code taskIds} is null or holds a null or blank id
     * @throws IllegalStateException    if the client is closed
     */
    public CompletableFuture<List<Task>> fetchTasksAsync(Collection<String> taskIds) {
        Args.eachNotBlank(taskIds, "taskIds");
        return run(op -> queries.fetchDistinct(taskIds, op));
    }

    // ---------------------------------------------------------------- batches

    /**
     * Imagines every request and reports them as one batch. With the admission queue on
     * ({@link MidjourneyClientBuilder#admission}), the jobs run as fast as the account allows and the server's
     * "queue full" refusals are absorbed; without it every imagine is sent at once.
     *
     * <pre>{@code
     * BatchResult result = client.batch(List.of(ImagineRequest.of("a fox"), ImagineRequest.of("a hare")))
     *         .whenDone().join();
     * }</pre>
     *
     * @param requests the imagines, in order; may be empty
     * @return the batch: one future per request, in order
     * @throws IllegalArgumentException if {@code requests} is null or holds null, or the provider cannot express
     *                                  one of them (nothing is sent then)
     * @throws IllegalStateException    if the client is closed
     */
    public Batch batch(List<ImagineRequest> requests) {
        Args.notNull(requests, "requests");
        for (ImagineRequest request : requests) {
            Args.notNull(request, "requests element");
        }
        return batch(requests, this::imagine);
    }

    /**
     * Runs one job per input (any waiting call of this client: imagine, reroll, upscale, vary …) and reports them as
     * one batch. A job that throws fails its own future with what it threw; the others go on.
     *
     * <pre>{@code
     * Batch upscales = client.batch(List.of(1, 2, 3, 4), index -> client.upscale(grid.id(), index, Speed.FAST));
     * }</pre>
     *
     * @param inputs the inputs, in order; may be empty
     * @param job    starts the job of one input and returns its future; called once per input, in order, on the
     *               calling thread
     * @param <T>    the input type
     * @return the batch: one future per input, in order
     * @throws IllegalArgumentException if {@code inputs} or {@code job} is null
     * @throws IllegalStateException    if the client is closed
     */
    public <T> Batch batch(List<T> inputs, Function<T, CompletableFuture<Task>> job) {
        Args.notNull(inputs, "inputs");
        Args.notNull(job, "job");
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        List<CompletableFuture<Task>> futures = new java.util.ArrayList<>(inputs.size());
        for (T input : inputs) {
            CompletableFuture<Task> future;
            try {
                future = Args.notNull(job.apply(input), "the future a batch job returned");
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            futures.add(future);
        }
        return Batches.of(futures, future -> {
            Operation operation = outstanding.get(future);
            return operation != null && admission.queued(operation);
        }, admission, runtime.callbackExecutor());
    }

    /**
     * A snapshot of the admission queue: submits waiting, jobs in flight, the current limit, time spent queued.
     *
     * @return the stats; {@link AdmissionStats#disabled()} when the client was built without
     *     {@link MidjourneyClientBuilder#admission}
     */
    public AdmissionStats admission() {
        return admission.stats();
    }

    /**
     * The shared poller, for waiting on task ids you stored.
     *
     * @return the poller; valid until the client is closed
     */
    public TaskPoller poller() {
        return poller;
    }

    /**
     * Downloads and saves task images through this client's HTTP stack, with its timeouts and its authentication
     * rules: the API key goes only to the base URL's scheme, host and port (CometAPI's stable
     * {@code /mj/image/{id}} links), never to a CDN. Downloads are capped at
     * {@link MidjourneyClientBuilder#maxImageBytes(long)}.
     *
     * <pre>{@code
     * SavedGrid saved = client.images().saveGrid(grid, Path.of("mj-out")).join();  // grid.png, 1.png … 4.png
     * }</pre>
     *
     * @return the image helper, shared by all callers
     * @throws IllegalStateException if the client is closed
     */
    public Images images() {
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        return runtime.images();
    }

    /**
     * A receiver for the callbacks servers POST to your {@code notifyHook}, bound to this client's poller: a
     * callback for a task the client waits on makes that wait fetch the task at once. Creating one also makes the
     * client's regular polls three times rarer (they remain as a guard against lost callbacks; deadlines are
     * unchanged). Configure the callback URL with {@link MidjourneyClientBuilder#notifyHook(String)} or per request.
     *
     * @param secret the shared secret callbacks must carry ({@code ?token=} in the hook URL, or an
     *               {@code x-webhook-secret} header), or {@code null} to accept unsigned callbacks
     * @return a new receiver
     * @throws IllegalArgumentException if {@code secret} is blank
     */
    public WebhookReceiver webhookReceiver(String secret) {
        WebhookReceiver receiver = WebhookReceiver.create(poller, secret);
        poller.webhooksActive(true);
        return receiver;
    }

    /**
     * Closes the client: every outstanding future fails with {@link ClientClosedException} (its message says the
     * client was closed) and its HTTP call is
     * cancelled, image downloads and saves through {@link #images()} included; the scheduler, callback executor and OkHttp resources the client created are shut down; injected
     * ones are left alone. Closing a {@link #withOptions(RequestOptions) view} closes its client. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        admission.close(); // first: a slot given back below must not send a queued submit
        for (Map.Entry<CompletableFuture<?>, Operation> pending : outstanding.entrySet()) {
            pending.getKey().completeExceptionally(new ClientClosedException("the client was closed before this"
                    + " call finished"));
            pending.getValue().cancel();
        }
        poller.cancelAll();
        blocking.forEach(Operation::cancel);
        runtime.images().cancelAll();
        runtime.shutdownOwned();
    }

    /**
     * A summary without the API key.
     *
     * @return e.g. {@code MidjourneyClient[provider=CometAPI, baseUrl=https://api.cometapi.com/, auth=BEARER,
     *     defaultSpeed=turbo]}; a view adds its options (header names only)
     */
    @Override
    public String toString() {
        return "MidjourneyClient[provider=" + runtime.settings().provider().name()
                + ", baseUrl=" + runtime.settings().baseUrl() + ", auth=" + runtime.settings().authScheme()
                + ", defaultSpeed=" + (runtime.settings().defaultSpeed() == null ? "none"
                        : runtime.settings().defaultSpeed().id())
                + (options.equals(RequestOptions.none()) ? "" : ", options=" + options)
                + (closed.get() ? ", closed" : "") + "]";
    }

    private <T> CompletableFuture<T> run(Function<Operation, CompletableFuture<T>> call) {
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        Operation operation = new Operation(callOptions);
        CompletableFuture<T> internal;
        try {
            internal = call.apply(operation);
        } catch (IllegalArgumentException refused) {
            throw refused; // argument errors and capability refusals are thrown, like every argument check
        } catch (RuntimeException e) {
            internal = CompletableFuture.failedFuture(e);
        }
        // the slot goes back when the call settles inside the client, before its result is handed to the user
        internal.whenComplete((value, error) -> admission.ended(operation));
        CompletableFuture<T> user = Futures.deliver(internal, operation::cancel, runtime.callbackExecutor());
        outstanding.put(user, operation);
        user.whenComplete((value, error) -> {
            outstanding.remove(user);
            admission.ended(operation);
        });
        if (closed.get()) {
            user.cancel(false);
        }
        return user;
    }

    /**
     * A blocking call: its first HTTP attempt runs on the caller's thread and the result is read from the internal
     * future, with no hand-off to the dispatcher or the callback executor. Closing the client cancels it.
     */
    private <T> T runBlocking(Function<Operation, CompletableFuture<T>> call) {
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        Operation operation = new Operation(callOptions, true);
        blocking.add(operation);
        try {
            if (closed.get()) {
                operation.cancel();
            }
            return call.apply(operation).get();
        } catch (ExecutionException e) {
            Throwable cause = Futures.unwrap(e);
            if (cause instanceof CancellationException && closed.get()) {
                throw new ClientClosedException("the client was closed before this call finished");
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new CompletionException(cause);
        } catch (InterruptedException e) {
            operation.cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting");
        } finally {
            blocking.remove(operation);
        }
    }
}
