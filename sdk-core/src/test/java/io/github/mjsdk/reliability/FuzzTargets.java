package io.github.mjsdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.dialect.Dialect;
import io.github.mjsdk.internal.dialect.ErrorMapper;
import io.github.mjsdk.internal.util.Json;
import io.github.mjsdk.internal.dialect.ParentCheck;
import io.github.mjsdk.internal.dialect.Dialects;
import io.github.mjsdk.internal.http.HttpErrors;
import io.github.mjsdk.provider.Protocol;
import io.github.mjsdk.internal.http.RetryPolicy;
import io.github.mjsdk.internal.dialect.TaskReader;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.poll.TaskPoller;
import io.github.mjsdk.webhook.WebhookEvent;
import io.github.mjsdk.webhook.WebhookOutcome;
import io.github.mjsdk.webhook.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsers the fuzz tests drive with arbitrary server answers and callbacks. Each target accepts only a clean
 * result (checked for sanity) or a {@link MidjourneyException} subtype; any other throwable, a
 * NullPointerException, a ClassCastException, an OutOfMemoryError, escapes and is a finding.
 *
 * <p>Inputs are read as the fuzzer's byte string: the choices (dialect, status, headers) come from its last bytes,
 * one byte each, and the body is everything before them. A seed file is therefore a body followed by its choice
 * bytes, last choice first (see the seed folders under {@code src/test/resources/io/github/mjsdk/reliability}).
 */
final class FuzzTargets {
    static final Instant NOW = Instant.parse("2024-04-05T19:34:38.901Z");
    static final String SECRET = "hook-secret-0123";
    private static final Dialect[] DIALECTS = {
            Dialects.of(Protocol.MIDJOURNEY_PROXY, null),
            Dialects.of(Protocol.APIMART, null),
            Dialects.of(Protocol.JOURNEY_API, "journey-secret")};
    private static final Integer[] STATUSES = {200, 201, 204, 400, 401, 403, 404, 405, 408, 429, 500, 502, 503, 504};
    private static final String[] RETRY_AFTER = {null, "5", "Wed, 21 Oct 2015 07:28:00 GMT", "-1", "soon",
            "99999999999999999999", ""};
    private static final String[] CONTENT_TYPES = {"application/json", null, "text/html; charset=utf-8", ""};
    private static final ParentCheck[] PARENTS = ParentCheck.values();
    private static final TaskPoller POLLER = MidjourneyClient.builder().baseUrl("http://127.0.0.1:9/").build()
            .poller();

    private FuzzTargets() {
    }

    /** Task answers: every dialect's parseTask and parseTasks, and TaskReader on any JSON. */
    static void taskAnswer(FuzzedDataProvider data) {
        Dialect dialect = data.pickValue(DIALECTS);
        ApiResponse response = answer(data, ApiRequest.get("/mj/task/1712345678901123/fetch"));
        clean(() -> check(dialect.parseTask(response, "1712345678901123", NOW)));
        if (dialect == DIALECTS[0]) {
            clean(() -> dialect.parseTasks(response, NOW).forEach(FuzzTargets::check));
        }
        JsonNode json = json(response.body());
        if (json != null) {
            Task task = TaskReader.read(json);
            if (task != null) {
                check(task);
                if (dialect == DIALECTS[0] && response.isSuccessful() && response.status() != 204) {
                    // the proxy dialect reads answers with a streaming parser: it must agree with the tree reader
                    Task streamed = dialect.parseTask(response, "1712345678901123", NOW);
                    assertThat(streamed).isEqualTo(task);
                    assertThat(streamed.extra()).isEqualTo(task.extra());
                    assertThat(streamed.properties()).isEqualTo(task.properties());
                }
            }
        }
    }

    /** Submit answers: every dialect's parseSubmit, with each kind of parent check. */
    static void submitAnswer(FuzzedDataProvider data) {
        Dialect dialect = data.pickValue(DIALECTS);
        ParentCheck parent = data.pickValue(PARENTS);
        ApiResponse response = answer(data, ApiRequest.submit("/mj/submit/imagine", null));
        clean(() -> {
            SubmitResult result = dialect.parseSubmit(response, parent, NOW);
            assertThat(result.taskId()).isNotBlank();
            assertThat(result.toString()).isNotNull();
        });
    }

    /** Error answers: ErrorMapper returns a typed exception for any status and body, and never throws. */
    static void errorAnswer(FuzzedDataProvider data) {
        ParentCheck parent = data.pickValue(PARENTS);
        boolean submit = data.consumeBoolean();
        ApiResponse response = answer(data, submit ? ApiRequest.submit("/mj/submit/imagine", null)
                : ApiRequest.get("/mj/task/1/fetch"));
        MidjourneyException error = ErrorMapper.http(response, parent, NOW);
        assertThat(error).isNotNull();
        assertThat(error.getMessage()).isNotBlank();
        JsonNode body = ErrorMapper.json(response);
        Integer code = ErrorMapper.code(body);
        ErrorMapper.description(body);
        if (code != null) {
            assertThat(ErrorMapper.business(response, code, body, parent).getMessage()).isNotBlank();
        }
        assertThat(HttpErrors.notProtocol(response, "fuzz", null)).isNotNull();
        RetryPolicy.parseRetryAfter(response.retryAfter(), NOW);
    }

    /** Callbacks: the receiver verifies, parses and orders any body and headers. */
    static void callback(FuzzedDataProvider data) {
        String secret = data.pickValue(new String[]{null, SECRET});
        String query = data.pickValue(new String[]{null, "token=" + SECRET, "token=wrong", "token", "a=1&token=%zz",
                "token=" + SECRET + "&token=x", "=&&="});
        String headerSecret = data.pickValue(new String[]{null, SECRET, "", "nope"});
        String headerName = data.pickValue(new String[]{"x-webhook-secret", "X-Webhook-Secret", "x-other"});
        Map<String, List<String>> headers = new HashMap<>();
        if (headerSecret != null) {
            headers.put(headerName, List.of(headerSecret));
        }
        if (data.consumeBoolean()) {
            headers.put(null, Arrays.asList((String) null));
            headers.put("x-empty", List.of());
            headers.put("x-null", null);
        }
        URI uri = query == null ? null : URI.create("/mj-hook?" + query.replace("%zz", "%25zz"));
        byte[] body = data.consumeRemainingAsBytes();
        WebhookReceiver receiver = WebhookReceiver.create(POLLER, secret);
        clean(() -> {
            WebhookEvent event = receiver.receive(uri, body, headers);
            check(event.task());
            assertThat(event.outcome()).as("POLLER tracks no task").isEqualTo(WebhookOutcome.NOT_TRACKED);
            WebhookEvent again = receiver.receive(uri, body, headers);
            assertThat(again.outcome()).as("nothing is remembered of untracked tasks")
                    .isEqualTo(WebhookOutcome.NOT_TRACKED);
        });
    }

    private static ApiResponse answer(FuzzedDataProvider data, ApiRequest request) {
        int status = data.pickValue(STATUSES);
        String retryAfter = data.pickValue(RETRY_AFTER);
        String contentType = data.pickValue(CONTENT_TYPES);
        byte[] body = data.consumeRemainingAsBytes();
        String excerpt = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
        return new ApiResponse(request, status, contentType, body, null, retryAfter, excerpt);
    }

    private static JsonNode json(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static void check(Task task) {
        assertThat(task).isNotNull();
        assertThat(task.id()).isNotBlank();
        assertThat(task.progress()).isBetween(0, 100);
        assertThat(task.status()).isNotNull();
        assertThat(task.action()).isNotNull();
        assertThat(task.buttons()).doesNotContainNull();
        assertThat(task.imageUrls()).doesNotContainNull();
        assertThat(task.toString()).isNotBlank();
        task.rerollButton();
        task.upscaleButton(1);
        task.variationButton(4);
        task.finalPrompt();
        task.messageHash();
        task.isTerminal();
    }

    /** Runs a parse: a result, or a MidjourneyException with a message; anything else escapes. */
    private static void clean(Runnable parse) {
        try {
            parse.run();
        } catch (MidjourneyException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            assertThat(expected.toString()).isNotBlank();
        }
    }
}
