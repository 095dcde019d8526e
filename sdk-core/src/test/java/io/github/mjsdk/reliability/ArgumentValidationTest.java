package io.github.mjsdk.reliability;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.RequestOptions;
import io.github.mjsdk.image.GridSplitter;
import io.github.mjsdk.image.ImageFiles;
import io.github.mjsdk.image.Images;
import io.github.mjsdk.internal.dialect.TaskReader;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testing.Fixtures;
import io.github.mjsdk.webhook.WebhookReceiver;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public method refuses invalid arguments with an {@link IllegalArgumentException} that names the parameter,
 * before anything is sent: one row per method and bad value. Afterwards the server has seen no request and the
 * client has started no HTTP attempt.
 */
class ArgumentValidationTest {
    private static final Duration S = Duration.ofSeconds(1);
    private static final Task GRID = TaskReader.read(Fixtures.parse(Fixtures.text("task/imagine-success.json")));
    private static Rig rig;
    private static MidjourneyClient client;
    private static WebhookReceiver receiver;

    /** A call with an invalid argument. */
    @FunctionalInterface
    interface Call {
        void on(MidjourneyClient client, WebhookReceiver receiver) throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        rig = new Rig();
        client = rig.builder().build();
        receiver = client.webhookReceiver("hook-secret");
    }

    @AfterAll
    static void stop() {
        client.close();
        rig.close();
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // ---- MidjourneyClient
                row("imagine(String, SpeedTier)", "prompt", (c, r) -> c.imagine((String) null, null)),
                row("imagine(String, SpeedTier)", "prompt", (c, r) -> c.imagine("  ", null)),
                row("imagine(ImagineRequest)", "request", (c, r) -> c.imagine(null)),
                row("imagine(ImagineRequest, TaskListener)", "request", (c, r) -> c.imagine(null, task -> { })),
                row("reroll(String, SpeedTier)", "taskId", (c, r) -> c.reroll((String) null, null)),
                row("reroll(String, SpeedTier)", "taskId", (c, r) -> c.reroll("", null)),
                row("reroll(Task, SpeedTier)", "parent", (c, r) -> c.reroll((Task) null, null)),
                row("reroll(RerollRequest)", "request", (c, r) -> c.reroll((RerollRequest) null)),
                row("reroll(RerollRequest, TaskListener)", "request", (c, r) -> c.reroll(null, task -> { })),
                row("upscale(String, int, SpeedTier)", "taskId", (c, r) -> c.upscale(" ", 1, null)),
                row("upscale(String, int, SpeedTier)", "index", (c, r) -> c.upscale(GRID_ID, 0, null)),
                row("upscale(String, int, SpeedTier)", "index", (c, r) -> c.upscale(GRID_ID, 5, null)),
                row("upscale(String, int, SpeedTier, TaskListener)", "index",
                        (c, r) -> c.upscale(GRID_ID, -1, null, null)),
                row("vary(String, int, SpeedTier)", "taskId", (c, r) -> c.vary(null, 1, null)),
                row("vary(String, int, SpeedTier)", "index", (c, r) -> c.vary(GRID_ID, 9, null)),
                row("action(ActionRequest)", "request", (c, r) -> c.action(null)),
                row("action(ActionRequest, TaskListener)", "request", (c, r) -> c.action(null, null)),
                row("submitImagine(ImagineRequest)", "request", (c, r) -> c.submitImagine(null)),
                row("submitReroll(RerollRequest)", "request", (c, r) -> c.submitReroll(null)),
                row("submitAction(ActionRequest)", "request", (c, r) -> c.submitAction(null)),
                row("submitModal(ModalRequest)", "request", (c, r) -> c.submitModal(null)),
                row("fetchTask(String)", "taskId", (c, r) -> c.fetchTask(null)),
                row("fetchTask(String)", "taskId", (c, r) -> c.fetchTask("\t")),
                row("fetchTaskAsync(String)", "taskId", (c, r) -> c.fetchTaskAsync("")),
                row("fetchTasks(Collection)", "taskIds", (c, r) -> c.fetchTasks(null)),
                row("fetchTasks(Collection)", "taskIds", (c, r) -> c.fetchTasks(Arrays.asList(GRID_ID, null))),
                row("fetchTasksAsync(Collection)", "taskIds", (c, r) -> c.fetchTasksAsync(List.of(GRID_ID, " "))),
                row("webhookReceiver(String)", "secret", (c, r) -> c.webhookReceiver(" ")),
                row("withOptions(RequestOptions)", "options", (c, r) -> c.withOptions(null)),

                // ---- MidjourneyClientBuilder
                row("builder.baseUrl(String)", "baseUrl", (c, r) -> builder().baseUrl((String) null)),
                row("builder.baseUrl(String)", "baseUrl", (c, r) -> builder().baseUrl("ftp://example.com")),
                row("builder.baseUrl(String)", "baseUrl", (c, r) -> builder().baseUrl("https://h.example/?k=v")),
                row("builder.baseUrl(String)", "baseUrl", (c, r) -> builder().baseUrl("https://u:p@h.example/")),
                row("builder.baseUrl(URI)", "baseUrl", (c, r) -> builder().baseUrl((URI) null)),
                row("builder.apiKey(String)", "apiKey", (c, r) -> builder().apiKey(" ")),
                row("builder.apiKey(String)", "apiKey", (c, r) -> builder().apiKey("sk-1\r\nX-Injected: 1")),
                row("builder.provider(Provider)", "provider", (c, r) -> builder().provider(null)),
                row("builder.webhookSecret(String)", "webhookSecret", (c, r) -> builder().webhookSecret("")),
                row("builder.authScheme(AuthScheme)", "authScheme", (c, r) -> builder().authScheme(null)),
                row("builder.notifyHook(String)", "notifyHook", (c, r) -> builder().notifyHook("not a url")),
                row("builder.okHttpClient(OkHttpClient)", "okHttpClient",
                        (c, r) -> builder().okHttpClient((OkHttpClient) null)),
                row("builder.connectTimeout(Duration)", "connectTimeout", (c, r) -> builder().connectTimeout(null)),
                row("builder.connectTimeout(Duration)", "connectTimeout",
                        (c, r) -> builder().connectTimeout(Duration.ZERO)),
                row("builder.readTimeout(Duration)", "readTimeout", (c, r) -> builder().readTimeout(S.negated())),
                row("builder.callTimeout(Duration)", "callTimeout", (c, r) -> builder().callTimeout(null)),
                row("builder.maxRetries(int)", "maxRetries", (c, r) -> builder().maxRetries(-1)),
                row("builder.maxRetries(int)", "maxRetries", (c, r) -> builder().maxRetries(11)),
                row("builder.requestOptions(RequestOptions)", "requestOptions",
                        (c, r) -> builder().requestOptions(null)),
                row("builder.maxResponseBytes(long)", "maxResponseBytes", (c, r) -> builder().maxResponseBytes(1023)),
                row("builder.maxImageBytes(long)", "maxImageBytes", (c, r) -> builder().maxImageBytes(0)),
                row("builder.callbackExecutor(Executor)", "callbackExecutor",
                        (c, r) -> builder().callbackExecutor((Executor) null)),
                row("builder.scheduler(ScheduledExecutorService)", "scheduler", (c, r) -> builder().scheduler(null)),
                row("builder.clock(Clock)", "clock", (c, r) -> builder().clock(null)),
                row("builder.pollOptions(Function)", "pollOptions", (c, r) -> builder().pollOptions(null)),
                row("builder.pollBatchSize(int)", "pollBatchSize", (c, r) -> builder().pollBatchSize(0)),
                row("builder.pollBatchSize(int)", "pollBatchSize", (c, r) -> builder().pollBatchSize(1001)),
                row("builder.build() with http:// on a public host", "baseUrl",
                        (c, r) -> builder().baseUrl("http://api.example.com").build()),
                row("builder.build() without a base URL for midjourney-proxy", "baseUrl",
                        (c, r) -> builder().provider(Providers.named("midjourney-proxy")).build()),

                // ---- RequestOptions
                row("RequestOptions.timeout(Duration)", "timeout", (c, r) -> RequestOptions.builder().timeout(null)),
                row("RequestOptions.timeout(Duration)", "timeout",
                        (c, r) -> RequestOptions.builder().timeout(Duration.ZERO)),
                row("RequestOptions.maxRetries(int)", "maxRetries", (c, r) -> RequestOptions.builder().maxRetries(11)),
                row("RequestOptions.header(String, String)", "header name",
                        (c, r) -> RequestOptions.builder().header(null, "v")),
                row("RequestOptions.header(String, String)", "header name",
                        (c, r) -> RequestOptions.builder().header("X Trace", "v")),
                row("RequestOptions.header(String, String)", "header value",
                        (c, r) -> RequestOptions.builder().header("X-Trace", null)),
                row("RequestOptions.header(String, String)", "header value",
                        (c, r) -> RequestOptions.builder().header("X-Trace", "a\r\nInjected: 1")),
                row("RequestOptions.header(String, String)", "Authorization",
                        (c, r) -> RequestOptions.builder().header("Authorization", "Bearer x")),

                // ---- requests
                row("ImagineRequest.of(String)", "prompt", (c, r) -> ImagineRequest.of(null)),
                row("ImagineRequest.withBase64Array(List)", "base64Array",
                        (c, r) -> ImagineRequest.of(PROMPT).withBase64Array(List.of("iVBORw0KGgo="))),
                row("ImagineRequest.withState(String)", "state",
                        (c, r) -> ImagineRequest.of(PROMPT).withState("s".repeat(256))),
                row("ImagineRequest.withNotifyHook(String)", "notifyHook",
                        (c, r) -> ImagineRequest.of(PROMPT).withNotifyHook(" ")),
                row("RerollRequest.of(String)", "taskId", (c, r) -> RerollRequest.of(" ")),
                row("RerollRequest.withPrompt(String)", "prompt", (c, r) -> RerollRequest.of(GRID_ID).withPrompt("")),
                row("ActionRequest.of(String, String)", "customId", (c, r) -> ActionRequest.of(GRID_ID, null)),
                row("ActionRequest.of(Task, Button)", "task", (c, r) -> ActionRequest.of((Task) null, null)),
                row("ActionRequest.of(Task, Button)", "button", (c, r) -> ActionRequest.of(GRID, (io.github.mjsdk.model.Button) null)),
                row("ActionRequest.withModalInput(String, String)", "modalPrompt",
                        (c, r) -> ActionRequest.of(GRID_ID, "MJ::x").withModalInput(" ", null)),
                row("ModalRequest.of(String, String)", "taskId", (c, r) -> ModalRequest.of(null, PROMPT)),
                row("ModalRequest.withMaskBase64(String)", "maskBase64",
                        (c, r) -> ModalRequest.of(GRID_ID, PROMPT).withMaskBase64("")),

                // ---- PollOptions
                row("new PollOptions(..)", "timeout", (c, r) -> new PollOptions(null, S, S)),
                row("new PollOptions(..)", "timeout", (c, r) -> new PollOptions(Duration.ZERO, S, S)),
                row("new PollOptions(..)", "initialDelay", (c, r) -> new PollOptions(S, S.negated(), S)),
                row("new PollOptions(..)", "interval", (c, r) -> new PollOptions(S, S, Duration.ZERO)),
                row("new PollOptions(..)", "maxInterval", (c, r) -> new PollOptions(S, S, S, Duration.ZERO, 0)),
                row("new PollOptions(..)", "jitter", (c, r) -> new PollOptions(S, S, S, S, 0.7)),
                row("PollOptions.withInterval(Duration)", "interval", (c, r) -> PollOptions.defaults().withInterval(null)),
                row("PollOptions.withJitter(double)", "jitter", (c, r) -> PollOptions.defaults().withJitter(Double.NaN)),

                // ---- TaskPoller
                row("poller.await(String)", "taskId", (c, r) -> c.poller().await(null)),
                row("poller.await(String, PollOptions)", "options", (c, r) -> c.poller().await(GRID_ID, null)),
                row("poller.await(String, PollOptions, TaskListener)", "taskId",
                        (c, r) -> c.poller().await(" ", PollOptions.defaults(), null)),
                row("poller.wake(String)", "taskId", (c, r) -> c.poller().wake("")),

                // ---- WebhookReceiver
                row("WebhookReceiver.create(TaskPoller, String)", "poller", (c, r) -> WebhookReceiver.create(null, null)),
                row("WebhookReceiver.create(TaskPoller, String)", "secret",
                        (c, r) -> WebhookReceiver.create(c.poller(), "")),
                row("receiver.receive(byte[], Map)", "body", (c, r) -> r.receive(null, Map.of())),
                row("receiver.receive(byte[], Map)", "headers", (c, r) -> r.receive(new byte[0], null)),
                row("receiver.receive(URI, byte[], Map)", "body", (c, r) -> r.receive(URI.create("/h"), null, Map.of())),

                // ---- Images
                row("Images.create(OkHttpClient, Executor, long)", "http", (c, r) -> Images.create(null, Runnable::run,
                        Images.DEFAULT_MAX_BYTES)),
                row("Images.create(OkHttpClient, Executor, long)", "callbackExecutor",
                        (c, r) -> Images.create(new OkHttpClient(), null, Images.DEFAULT_MAX_BYTES)),
                row("Images.create(OkHttpClient, Executor, long)", "maxBytes",
                        (c, r) -> Images.create(new OkHttpClient(), Runnable::run, 1)),
                row("images.download(String)", "url", (c, r) -> c.images().download((String) null)),
                row("images.download(String)", "url", (c, r) -> c.images().download("file:///etc/passwd")),
                row("images.download(Task)", "task", (c, r) -> c.images().download((Task) null)),
                row("images.saveGrid(Task, Path)", "task", (c, r) -> c.images().saveGrid(null, Path.of("out"))),
                row("images.saveGrid(Task, Path)", "root", (c, r) -> c.images().saveGrid(GRID, null)),
                row("images.saveImage(Task, Path)", "root", (c, r) -> c.images().saveImage(GRID, null)),
                row("ImageFiles.taskDirectory(Path, String)", "taskId",
                        (c, r) -> ImageFiles.taskDirectory(Path.of("out"), "../etc")),
                row("GridSplitter.decode(DownloadedImage)", "image", (c, r) -> GridSplitter.decode(null)),
                row("GridSplitter.split(BufferedImage)", "grid", (c, r) -> GridSplitter.split((BufferedImage) null)));
    }

    private static Arguments row(String method, String parameter, Call call) {
        return Arguments.of(method, parameter, call);
    }

    private static MidjourneyClientBuilder builder() {
        return MidjourneyClient.builder();
    }

    @ParameterizedTest(name = "{0} refuses a bad {1}")
    @MethodSource("rows")
    void refusesBeforeSendingAnything(String method, String parameter, Call call) {
        assertThatThrownBy(() -> call.on(client, receiver))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(parameter);

        assertThat(rig.attempts).as("HTTP attempts").hasValue(0);
        assertThat(rig.server.getRequestCount()).as("requests at the server").isZero();
        assertThat(client.poller().pendingWaits()).as("waits started").isZero();
    }
}
