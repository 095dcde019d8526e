package io.github.mjsdk;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.text;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.testing.MockServerTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The API-key canary (docs/architecture.md §7): whatever a server echoes back, the key never shows in an exception's message,
 * description, body excerpt or toString(), nor in a task's fields or summary.
 */
class SecretsTest extends MockServerTest {

    static Stream<Arguments> echoes() {
        return Stream.of(
                Arguments.of("401 OpenAI-style", json(401,
                        "{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + "\",\"type\":\"invalid_request_error\"}}")),
                Arguments.of("403 text", new MockResponse.Builder().code(403)
                        .body("token " + API_KEY + " is disabled").build()),
                Arguments.of("400 gateway", json(400,
                        "{\"description\":\"bad key " + API_KEY + "\",\"type\":\"upstream_error\",\"code\":4}")),
                Arguments.of("200 code 4", json(200,
                        "{\"code\":4,\"description\":\"无效的令牌 " + API_KEY + "\",\"result\":null}")),
                Arguments.of("429", new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
                        .body("{\"message\":\"slow down, " + API_KEY + "\"}").build()),
                Arguments.of("502 HTML", new MockResponse.Builder().code(502)
                        .body("<html><body>Bad gateway for Bearer " + API_KEY + "</body></html>").build()),
                Arguments.of("200 HTML", new MockResponse.Builder().code(200)
                        .body("<html><body>Login required: Bearer " + API_KEY + "</body></html>").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("echoes")
    void anEchoedKeyNeverReachesAnException(String name, MockResponse answer) {
        enqueue(answer);

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure.getMessage()).doesNotContain(API_KEY);
        assertThat(failure.toString()).doesNotContain(API_KEY);
        if (failure instanceof ApiException api) {
            assertThat(api.bodyExcerpt()).doesNotContain(API_KEY).isNotEmpty();
            assertThat(api.description().orElse("")).doesNotContain(API_KEY);
        } else {
            assertThat(failure).isInstanceOf(ProtocolException.class);
            assertThat(((ProtocolException) failure).bodyExcerpt()).doesNotContain(API_KEY).isNotEmpty();
        }
    }

    @Test
    void anEchoedKeyInAnAuthErrorIsReplacedNotDropped() {
        enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + "\"}}"));

        Throwable failure = failureOf(client.fetchTaskAsync(GRID_ID));

        assertThat(failure).isInstanceOf(AuthenticationException.class);
        assertThat(((ApiException) failure).description()).contains("Incorrect API key provided: ***");
    }

    @Test
    void anEchoedKeyNeverReachesAFailedTask() {
        enqueue(json(200, text("task/imagine-failure.json").replace("Invalid value for --q",
                "Invalid value for --q (request by " + API_KEY + ")")));

        CompletableFuture<Task> wait = client.poller().await(GRID_ID, new PollOptions(Duration.ofMinutes(1),
                Duration.ZERO, Duration.ofSeconds(3)));
        drive(wait);

        Throwable failure = failureOf(wait);
        assertThat(failure).isInstanceOf(TaskFailedException.class);
        assertThat(failure.getMessage()).doesNotContain(API_KEY);
        Task task = ((TaskFailedException) failure).task();
        assertThat(task.failReason()).doesNotContain(API_KEY).contains("***");
        assertThat(task.toString()).doesNotContain(API_KEY);
    }

    @Test
    void theKeyIsNeverInTheClientsOwnStrings() {
        enqueue(ok("task/imagine-success.json"));

        Task task = client.fetchTask(GRID_ID);

        assertThat(client.toString()).doesNotContain(API_KEY);
        assertThat(builder().toString()).doesNotContain(API_KEY);
        assertThat(client.poller().toString()).doesNotContain(API_KEY);
        assertThat(task.toString()).doesNotContain(API_KEY);
    }
}
