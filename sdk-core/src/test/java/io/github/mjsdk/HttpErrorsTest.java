package io.github.mjsdk;

import io.github.mjsdk.model.Speed;
import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_CUSTOM_ID;
import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Fixtures.text;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.BannedPromptException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.ServiceUnavailableException;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.testing.MockServerTest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTTP-level errors (docs/protocols.md §g.1, §g.16, §b.7, §c.4, §e): status first, then the business code of a
 * gateway's body; empty and 204 fetches are "not found"; HTML and broken bodies are protocol errors with the status
 * and a bounded excerpt.
 */
class HttpErrorsTest extends MockServerTest {

    static Stream<Arguments> authFailures() {
        return Stream.of(
                Arguments.of("401, empty (novicezk proxy)", new MockResponse.Builder().code(401).build()),
                Arguments.of("401, {} (JourneyAPI)", json(401, "{}")),
                Arguments.of("401, text (trueai-org)", new MockResponse.Builder().code(401)
                        .setHeader("Content-Type", "text/plain; charset=utf-8")
                        .body("Authorization header missing.").build()),
                Arguments.of("401, OpenAI-style (new-api)", json(401, text("error/newapi-401.json"))),
                Arguments.of("403, empty", new MockResponse.Builder().code(403).build()),
                Arguments.of("403, text", new MockResponse.Builder().code(403).body("未登录").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authFailures")
    void authFailuresOfSubmitsAndQueriesAreAuthenticationErrors(String name, MockResponse answer) {
        enqueue(answer, answer);

        Throwable submit = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));
        Throwable fetch = failureOf(client.fetchTaskAsync(GRID_ID));

        for (Throwable failure : new Throwable[]{submit, fetch}) {
            assertThat(failure).isInstanceOf(AuthenticationException.class).hasMessageContaining("HTTP 4");
            assertThat(((ApiException) failure).httpStatus()).isEqualTo(answer.getCode());
        }
    }

    @Test
    void anOpenAiStyleAuthErrorKeepsItsMessage() {
        enqueue(json(401, text("error/newapi-401.json")));

        Throwable failure = failureOf(client.fetchTaskAsync(GRID_ID));

        assertThat(((ApiException) failure).description()).hasValueSatisfying(d -> assertThat(d).startsWith("无效的令牌"));
    }

    @Test
    void notFoundOnAFetchIsNotFound() {
        enqueue(json(404, "{\"code\":404,\"message\":\"task not found\"}"));

        Throwable failure = failureOf(client.fetchTaskAsync(GRID_ID));

        assertThat(failure).isInstanceOf(NotFoundException.class);
        assertThat(((ApiException) failure).httpStatus()).isEqualTo(404);
    }

    @Test
    void notFoundWithCode3OnAnActionIsNotFound() {
        enqueue(json(404, text("error/trueai-404.json")));

        Throwable failure = failureOf(client.submitAction(ActionRequest.of(GRID_ID, REROLL_CUSTOM_ID)));

        assertThat(failure).isInstanceOf(NotFoundException.class);
        assertThat(((ApiException) failure).code()).hasValue(3);
    }

    @Test
    void aSpring404OnASubmitRouteSaysTheServerLacksIt() {
        enqueue(json(404, text("error/spring-404.json")));

        Throwable failure = failureOf(client.submitAction(ActionRequest.of(GRID_ID, REROLL_CUSTOM_ID)));

        assertThat(failure).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("POST /mj/submit/action")
                .hasMessageContaining("does not exist on this server");
    }

    @Test
    void rateLimitCarriesRetryAfterSeconds() {
        enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(RateLimitException.class);
        assertThat(((RateLimitException) failure).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(((ApiException) failure).httpStatus()).isEqualTo(429);
    }

    @Test
    void rateLimitCarriesRetryAfterAsAnHttpDate() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                scheduler.clock().instant().plusSeconds(90).atOffset(ZoneOffset.UTC));
        enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", at).build());

        Throwable failure = failureOf(client.fetchTaskAsync(GRID_ID));

        assertThat(((RateLimitException) failure).retryAfter()).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(89), Duration.ofSeconds(90)));
    }

    @Test
    void aSaturatedGatewayIsRateLimitedWithItsCode() {
        enqueue(json(429, text("error/newapi-429.json")));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(RateLimitException.class);
        assertThat(((ApiException) failure).code()).hasValue(30);
        assertThat(((RateLimitException) failure).retryAfter()).isEmpty();
    }

    @Test
    void a500IsAServerError() {
        enqueue(json(500, "{\"success\":false,\"code\":-1,\"message\":\"操作失败\",\"timestamp\":\"638480000000000000\"}"));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isExactlyInstanceOf(ServerException.class).hasMessageContaining("HTTP 500");
        assertThat(((ApiException) failure).description()).contains("操作失败");
    }

    @Test
    void aCloudflare502PageIsAServerErrorWithABoundedExcerpt() {
        String page = text("error/cloudflare-502.html");
        enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html; charset=UTF-8")
                .body(page).build());

        Throwable failure = failureOf(client.fetchTaskAsync(GRID_ID));

        assertThat(failure).isInstanceOf(ServerException.class).hasMessageContaining("HTTP 502");
        ApiException api = (ApiException) failure;
        assertThat(api.httpStatus()).isEqualTo(502);
        assertThat(api.bodyExcerpt()).startsWith("<!DOCTYPE html>").contains("502: Bad gateway");
        assertThat(page.length()).isGreaterThan(ApiException.MAX_EXCERPT_CHARS * 2);
        assertThat(api.bodyExcerpt().length()).isLessThanOrEqualTo(ApiException.MAX_EXCERPT_CHARS + 1);
        assertThat(api.getMessage()).doesNotContain("<html");
    }

    @Test
    void a503IsServiceUnavailable() {
        enqueue(new MockResponse.Builder().code(503).body("upstream connect error").build());

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(ServiceUnavailableException.class).isInstanceOf(ServerException.class);
    }

    @Test
    void aGateway400IsMappedByItsCode() {
        enqueue(json(400, text("error/newapi-400-banned.json")), json(400, text("error/newapi-400-task-not-found.json")));

        Throwable banned = failureOf(client.submitImagine(ImagineRequest.of("a bloody fox")));
        Throwable invalid = failureOf(client.fetchTaskAsync(GRID_ID));

        assertThat(banned).isInstanceOf(BannedPromptException.class);
        assertThat(((ApiException) banned).httpStatus()).isEqualTo(400);
        assertThat(invalid).isInstanceOf(InvalidRequestException.class);
        assertThat(((ApiException) invalid).code()).hasValue(4);
        assertThat(((ApiException) invalid).description()).contains("task_no_found");
    }

    @Test
    void a400WithoutACodeIsAnInvalidRequest() {
        enqueue(new MockResponse.Builder().code(400).body("Bad Request").build());

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(InvalidRequestException.class);
        assertThat(((ApiException) failure).code()).isEmpty();
        assertThat(((ApiException) failure).bodyExcerpt()).isEqualTo("Bad Request");
    }

    @Test
    void anEmptyFetchIsNotFound() {
        enqueue(new MockResponse.Builder().code(200).build());

        Throwable failure = failureOf(client.fetchTaskAsync("1234567890123456"));

        assertThat(failure).isInstanceOf(NotFoundException.class).hasMessageContaining("1234567890123456");
        assertThat(((ApiException) failure).httpStatus()).isEqualTo(200);
    }

    @Test
    void a204FetchIsNotFound() {
        enqueue(new MockResponse.Builder().code(204).build());

        Throwable failure = failureOf(client.fetchTaskAsync(GRID_ID));

        assertThat(failure).isInstanceOf(NotFoundException.class);
        assertThat(((ApiException) failure).httpStatus()).isEqualTo(204);
    }

    @Test
    void theBlockingFetchThrowsTheTypedExceptionItself() {
        enqueue(new MockResponse.Builder().code(200).build());

        assertThatThrownBy(() -> client.fetchTask(GRID_ID)).isInstanceOf(NotFoundException.class);
    }

    static Stream<Arguments> unparseable() {
        String page = "<html><head><title>Welcome to nginx!</title></head><body>" + "x".repeat(3000) + "</body></html>";
        return Stream.of(
                Arguments.of("an HTML page", page, "HTML"),
                Arguments.of("truncated JSON", "{\"id\":\"1712345678901123\",\"status\":\"IN_PRO", "malformed"),
                Arguments.of("a JSON array", "[]", "not an object"),
                Arguments.of("a JSON object without id", "{\"status\":\"SUCCESS\"}", "without a task id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unparseable")
    void anUnparseableFetchIsAProtocolErrorWithStatusAndExcerpt(String name, String body, String said) {
        enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body(body).build());

        Throwable failure = failureOf(client.fetchTaskAsync(GRID_ID));

        assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining(said)
                .hasMessageContaining("GET /mj/task/" + GRID_ID + "/fetch").hasMessageContaining("HTTP 200");
        ProtocolException protocol = (ProtocolException) failure;
        assertThat(protocol.httpStatus()).isEqualTo(200);
        assertThat(body).startsWith(protocol.bodyExcerpt().replace("…", ""));
        assertThat(protocol.bodyExcerpt().length()).isLessThanOrEqualTo(ApiException.MAX_EXCERPT_CHARS + 1);
    }

    @Test
    void anHtmlSubmitAnswerIsAProtocolError() {
        enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<!doctype html><html><body>Login</body></html>").build());

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("HTML");
    }

    @Test
    void aListThatIsNotAnArrayIsAProtocolErrorUnlessItIsAnEnvelope() {
        enqueue(json(200, "{\"tasks\":[]}"), json(200, "{\"code\":4,\"description\":\"ids参数错误\"}"));

        Throwable notArray = failureOf(client.fetchTasksAsync(java.util.List.of(GRID_ID)));
        Throwable envelope = failureOf(client.fetchTasksAsync(java.util.List.of(GRID_ID)));

        assertThat(notArray).isInstanceOf(ProtocolException.class);
        assertThat(envelope).isInstanceOf(InvalidRequestException.class);
    }

    static Stream<Function<MidjourneyClient, CompletableFuture<?>>> everyCall() {
        return Stream.of(
                c -> c.submitImagine(ImagineRequest.of(PROMPT)),
                c -> c.fetchTaskAsync(GRID_ID),
                c -> c.imagine(PROMPT, Speed.FAST),
                c -> c.reroll(GRID_ID, Speed.TURBO),
                c -> c.upscale(GRID_ID, 1, null));
    }

    @ParameterizedTest
    @MethodSource("everyCall")
    void joinCallersSeeTheUncheckedTypedExceptionAsTheCause(Function<MidjourneyClient, CompletableFuture<?>> call) {
        enqueue(new MockResponse.Builder().code(401).build());

        CompletableFuture<?> future = call.apply(client);

        assertThatThrownBy(future::join).isInstanceOf(java.util.concurrent.CompletionException.class)
                .cause().isInstanceOf(AuthenticationException.class).isInstanceOf(MidjourneyException.class);
    }
}
