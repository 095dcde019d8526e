package io.github.mjsdk.webhook;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.WebhookVerificationException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testing.Fixtures;
import io.github.mjsdk.testing.MockServerTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** A client's WebhookReceiver against a real client and a loopback server: wake-up, confirmation, drops. */
class WebhookWakeWireTest extends MockServerTest {
    private static final String SECRET = "hook-secret-123";
    private static final URI HOOK = URI.create("/mj-hook?token=" + SECRET);

    @Test
    void aCallbackForAWaitedTaskCompletesTheWaitAfterOneConfirmingFetchBeforeItsScheduledPoll() {
        WebhookReceiver receiver = client.webhookReceiver(SECRET);
        CompletableFuture<Task> wait = client.poller().await(GRID_ID);
        Instant start = scheduler.clock().instant();
        assertThat(scheduler.pendingDelays()).first().isEqualTo(Duration.ofSeconds(4));
        enqueue(ok("task/imagine-success.json"));

        WebhookEvent event = receiver.receive(HOOK, callback("task/imagine-success.json"), Map.of());

        assertThat(event.outcome()).isEqualTo(WebhookOutcome.WOKE_WAIT);
        assertThat(event.task().status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(valueOf(wait).status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(scheduler.clock().instant()).as("no virtual time passed").isEqualTo(start);
        RecordedRequest confirm = take();
        assertThat(confirm.getMethod()).isEqualTo("GET");
        assertThat(confirm.getUrl().encodedPath()).isEqualTo("/mj/task/" + GRID_ID + "/fetch");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(client.poller().pendingWaits()).isZero();

        scheduler.advance(Duration.ofMinutes(11));
        awaitIdle();
        assertThat(server.getRequestCount()).as("the scheduled polls were dropped").isEqualTo(1);
    }

    @Test
    void theSecretMayComeInTheXWebhookSecretHeader() {
        WebhookReceiver receiver = client.webhookReceiver(SECRET);
        CompletableFuture<Task> wait = client.poller().await(GRID_ID);
        enqueue(ok("task/imagine-success.json"));

        WebhookEvent event = receiver.receive(URI.create("/mj-hook"), callback("task/imagine-success.json"),
                Map.of("X-Webhook-Secret", List.of(SECRET)));

        assertThat(event.outcome()).isEqualTo(WebhookOutcome.WOKE_WAIT);
        assertThat(valueOf(wait).id()).isEqualTo(GRID_ID);
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/task/" + GRID_ID + "/fetch");
    }

    @Test
    void aCallbackWithoutOrWithAWrongSecretIsRefusedAndFetchesNothing() {
        WebhookReceiver receiver = client.webhookReceiver(SECRET);
        CompletableFuture<Task> wait = client.poller().await(GRID_ID);
        byte[] body = callback("task/imagine-success.json");

        assertThatThrownBy(() -> receiver.receive(URI.create("/mj-hook"), body, Map.of()))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> receiver.receive(URI.create("/mj-hook?token=guess"), body, Map.of()))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> receiver.receive(body, Map.of("x-webhook-secret", List.of("guess"))))
                .isInstanceOf(WebhookVerificationException.class)
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain(SECRET, "guess"));
        awaitIdle();

        assertThat(server.getRequestCount()).isZero();
        assertThat(wait).isNotDone();
        assertThat(client.poller().pendingWaits()).isEqualTo(1);
    }

    @Test
    void duplicateAndOutOfOrderCallbacksFetchNothingAndOnlyAConfirmedStateCompletes() {
        WebhookReceiver receiver = client.webhookReceiver(SECRET);
        CompletableFuture<Task> wait = client.poller().await(GRID_ID);
        enqueue(ok("task/imagine-in-progress.json"));

        assertThat(receiver.receive(HOOK, callback("task/imagine-in-progress.json"), Map.of()).outcome())
                .isEqualTo(WebhookOutcome.WOKE_WAIT);
        awaitIdle();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(wait).isNotDone();

        assertThat(receiver.receive(HOOK, callback("task/imagine-in-progress.json"), Map.of()).outcome())
                .isEqualTo(WebhookOutcome.DUPLICATE);
        assertThat(receiver.receive(HOOK, callback("task/imagine-submitted.json"), Map.of()).outcome())
                .isEqualTo(WebhookOutcome.OUT_OF_ORDER);
        awaitIdle();
        assertThat(server.getRequestCount()).isEqualTo(1);

        enqueue(ok("task/imagine-success.json"));
        assertThat(receiver.receive(HOOK, callback("task/imagine-success.json"), Map.of()).outcome())
                .isEqualTo(WebhookOutcome.WOKE_WAIT);
        assertThat(valueOf(wait).status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(receiver.receive(HOOK, callback("task/imagine-success.json"), Map.of()).outcome())
                .as("the wait has ended").isEqualTo(WebhookOutcome.NOT_TRACKED);
        awaitIdle();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(scheduler.clock().instant()).isEqualTo(Instant.ofEpochMilli(1712345678901L));
    }

    @Test
    void aCallbackClaimingSuccessDoesNotCompleteTheWaitWhenTheFetchSaysOtherwise() {
        WebhookReceiver receiver = client.webhookReceiver(SECRET);
        CompletableFuture<Task> wait = client.poller().await(GRID_ID);
        enqueue(ok("task/imagine-in-progress.json"));

        receiver.receive(HOOK, callback("task/imagine-success.json"), Map.of());
        awaitIdle();

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(wait).isNotDone();
    }

    @Test
    void aCallbackForATaskNoWaitTracksIsNotTrackedAndFetchesNothing() {
        WebhookReceiver receiver = client.webhookReceiver(null);

        WebhookEvent event = receiver.receive(callback("task/imagine-success.json"), Map.of());
        awaitIdle();

        assertThat(event.outcome()).isEqualTo(WebhookOutcome.NOT_TRACKED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMalformedOrOversizeCallbackIsAProtocolExceptionAndFetchesNothing() {
        WebhookReceiver receiver = client.webhookReceiver(SECRET);
        CompletableFuture<Task> wait = client.poller().await(GRID_ID);
        byte[] truncated = "{\"id\":\"1712345678901123\",\"status\":\"SUCC".getBytes(StandardCharsets.UTF_8);
        byte[] oversize = new byte[WebhookReceiver.MAX_BODY_BYTES + 1];

        assertThatThrownBy(() -> receiver.receive(HOOK, truncated, Map.of())).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> receiver.receive(HOOK, oversize, Map.of())).isInstanceOf(ProtocolException.class);
        awaitIdle();

        assertThat(server.getRequestCount()).isZero();
        assertThat(wait).isNotDone();
    }

    @Test
    void withWebhooksTheRegularPollsComeThreeTimesRarerAndStillCompleteAWaitWhoseCallbackIsLost() {
        client.webhookReceiver(SECRET);
        CompletableFuture<Task> wait = client.poller().await(GRID_ID);
        enqueue(ok("task/imagine-in-progress.json"), ok("task/imagine-success.json"));

        scheduler.advance(Duration.ofSeconds(4));
        awaitIdle();

        assertThat(server.getRequestCount()).isEqualTo(1);
        // the next poll: 3 × 5 s, ± 10 % jitter
        assertThat(scheduler.pendingDelays().get(0)).isBetween(Duration.ofMillis(13500), Duration.ofMillis(16500));
        drive(wait);
        assertThat(valueOf(wait).status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    private static byte[] callback(String fixture) {
        return Fixtures.text(fixture).getBytes(StandardCharsets.UTF_8);
    }
}
