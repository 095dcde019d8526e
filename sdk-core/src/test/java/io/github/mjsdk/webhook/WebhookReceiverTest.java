package io.github.mjsdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.WebhookVerificationException;
import io.github.mjsdk.internal.dialect.Dialects;
import io.github.mjsdk.internal.util.Json;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.poll.TaskListener;
import io.github.mjsdk.poll.TaskPoller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** WebhookReceiver on its own: secret checks, parsing, duplicate and out-of-order drops, wake-ups. */
class WebhookReceiverTest {
    private static final String ID = "1712345678901123";
    private static final String SECRET = "hook-secret-123";

    private final RecordingPoller poller = new RecordingPoller();
    private final WebhookReceiver open = WebhookReceiver.create(poller, null);
    private final WebhookReceiver guarded = WebhookReceiver.create(poller, SECRET);

    @Test
    void aCallbackForATrackedTaskWakesItsWaitAndCarriesTheParsedTask() {
        poller.tracked.add(ID);

        WebhookEvent event = open.receive(body(ID, "IN_PROGRESS", "45%"), Map.of());

        assertThat(event.outcome()).isEqualTo(WebhookOutcome.WOKE_WAIT);
        assertThat(event.task().id()).isEqualTo(ID);
        assertThat(event.task().status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(event.task().progress()).isEqualTo(45);
        assertThat(poller.woken).containsExactly(ID);
    }

    @Test
    void aCallbackForAnUntrackedTaskIsNotTracked() {
        WebhookEvent event = open.receive(body(ID, "SUCCESS", "100%"), Map.of());

        assertThat(event.outcome()).isEqualTo(WebhookOutcome.NOT_TRACKED);
        assertThat(poller.woken).containsExactly(ID);
    }

    @Test
    void theSecretIsAcceptedAsTheTokenQueryParameterOfTheCallbackUrl() {
        poller.tracked.add(ID);

        WebhookEvent event = guarded.receive(URI.create("/mj-hook?order=42&token=" + SECRET),
                body(ID, "SUBMITTED", "0%"), Map.of());

        assertThat(event.outcome()).isEqualTo(WebhookOutcome.WOKE_WAIT);
    }

    @Test
    void aUrlEncodedTokenIsDecodedBeforeTheComparison() {
        WebhookReceiver receiver = WebhookReceiver.create(poller, "a+b/c=d");

        WebhookEvent event = receiver.receive(URI.create("/hook?token=a%2Bb%2Fc%3Dd"), body(ID, "SUBMITTED", "0%"),
                Map.of());

        assertThat(event.outcome()).isEqualTo(WebhookOutcome.NOT_TRACKED);
    }

    @Test
    void theSecretIsAcceptedAsTheXWebhookSecretHeaderWhateverItsCase() {
        WebhookEvent lower = guarded.receive(body(ID, "SUBMITTED", "0%"),
                Map.of("x-webhook-secret", List.of(SECRET)));
        WebhookEvent mixed = guarded.receive(body("1712345699999456", "SUBMITTED", "0%"),
                Map.of("X-Webhook-Secret", List.of(SECRET)));

        assertThat(lower.outcome()).isEqualTo(WebhookOutcome.NOT_TRACKED);
        assertThat(mixed.outcome()).isEqualTo(WebhookOutcome.NOT_TRACKED);
        assertThat(WebhookReceiver.SECRET_HEADER).isEqualTo("x-webhook-secret");
        assertThat(WebhookReceiver.SECRET_PARAMETER).isEqualTo("token");
    }

    @Test
    void eitherPlaceCarryingTheSecretIsEnough() {
        WebhookEvent event = guarded.receive(URI.create("/hook?token=" + SECRET), body(ID, "SUBMITTED", "0%"),
                Map.of("x-webhook-secret", List.of("a-gateway-secret")));

        assertThat(event.outcome()).isEqualTo(WebhookOutcome.NOT_TRACKED);
    }

    @Test
    void aCallbackWithoutTheSecretIsRefusedBeforeItIsReadAndWakesNothing() {
        poller.tracked.add(ID);
        byte[] body = body(ID, "SUCCESS", "100%");

        assertRefused(() -> guarded.receive(body, Map.of()), "without a secret");
        assertRefused(() -> guarded.receive(URI.create("/mj-hook"), body, Map.of()), "without a secret");
        assertRefused(() -> guarded.receive(URI.create("/mj-hook?tokens=" + SECRET), body, Map.of()),
                "without a secret");
        assertRefused(() -> guarded.receive(body, Map.of("x-webhook-secret", List.of())), "without a secret");
        assertRefused(() -> guarded.receive(new byte[]{'{'}, Map.of()), "without a secret");

        assertThat(poller.woken).isEmpty();
    }

    @Test
    void aCallbackWithAWrongSecretIsRefusedWithoutEchoingEitherSecret() {
        poller.tracked.add(ID);
        byte[] body = body(ID, "SUCCESS", "100%");

        for (String wrong : List.of("hook-secret-124", "hook-secret-12", "hook-secret-1234", "", "HOOK-SECRET-123")) {
            Throwable refused = assertRefused(() -> guarded.receive(URI.create("/hook?token=" + wrong), body,
                    Map.of()), "wrong secret");
            assertThat(refused.getMessage()).doesNotContain(SECRET);
            if (!wrong.isEmpty()) {
                assertThat(refused.getMessage()).doesNotContain(wrong);
            }
            assertRefused(() -> guarded.receive(body, Map.of("x-webhook-secret", List.of(wrong))), "wrong secret");
        }

        assertThat(poller.woken).isEmpty();
        assertThat(guarded.toString()).doesNotContain(SECRET).contains("secret=set");
        assertThat(open.toString()).contains("secret=none");
    }

    @Test
    void callbacksNoNewerThanTheConfirmedStateAreDroppedWithoutWakingAnything() {
        poller.tracked.add(ID);
        List<WebhookOutcome> outcomes = new ArrayList<>();

        outcomes.add(genuine("SUBMITTED", "0%"));
        outcomes.add(genuine("SUBMITTED", "0%"));
        outcomes.add(genuine("IN_PROGRESS", "10%"));
        outcomes.add(genuine("IN_PROGRESS", "50%"));
        outcomes.add(genuine("IN_PROGRESS", "50%"));
        outcomes.add(stale("IN_PROGRESS", "30%"));
        outcomes.add(stale("SUBMITTED", "0%"));
        outcomes.add(genuine("SUCCESS", "100%"));
        outcomes.add(stale("IN_PROGRESS", "90%"));
        outcomes.add(genuine("SUCCESS", "100%"));
        outcomes.add(stale("FAILURE", ""));

        assertThat(outcomes).containsExactly(
                WebhookOutcome.WOKE_WAIT, WebhookOutcome.DUPLICATE,
                WebhookOutcome.WOKE_WAIT, WebhookOutcome.WOKE_WAIT, WebhookOutcome.DUPLICATE,
                WebhookOutcome.OUT_OF_ORDER, WebhookOutcome.OUT_OF_ORDER,
                WebhookOutcome.WOKE_WAIT, WebhookOutcome.OUT_OF_ORDER, WebhookOutcome.DUPLICATE,
                WebhookOutcome.DUPLICATE);
        assertThat(poller.woken).containsExactly(ID, ID, ID, ID);
    }

    @Test
    void aForgedCallbackCostsOneFetchButCannotMakeTheGenuineOneBeDropped() {
        poller.tracked.add(ID);
        genuine("IN_PROGRESS", "50%");

        WebhookOutcome forged = open.receive(body(ID, "SUCCESS", "100%"), Map.of()).outcome();
        WebhookOutcome real = genuine("SUCCESS", "100%");

        assertThat(forged).isEqualTo(WebhookOutcome.WOKE_WAIT);
        assertThat(real).isEqualTo(WebhookOutcome.WOKE_WAIT);
        assertThat(poller.woken).containsExactly(ID, ID, ID);
        assertThat(poller.lastSeen(ID)).get().extracting(Task::status).isEqualTo(TaskStatus.SUCCESS);
    }

    @Test
    void aModalTaskRequeuedAfterItsModalStepIsNotTakenForAStaleUpdate() {
        poller.tracked.add(ID);

        List<WebhookOutcome> outcomes = List.of(genuine("NOT_START", "0%"), genuine("MODAL", "0%"),
                genuine("SUBMITTED", "0%"), genuine("IN_PROGRESS", "20%"), stale("MODAL", "0%"));

        assertThat(outcomes).containsExactly(WebhookOutcome.WOKE_WAIT, WebhookOutcome.WOKE_WAIT,
                WebhookOutcome.WOKE_WAIT, WebhookOutcome.WOKE_WAIT, WebhookOutcome.OUT_OF_ORDER);
    }

    @Test
    void untrackedTasksAreNeitherComparedNorRemembered() {
        open.receive(body(ID, "SUCCESS", "100%"), Map.of());

        WebhookEvent again = open.receive(body(ID, "SUCCESS", "100%"), Map.of());
        WebhookEvent other = open.receive(body("1712345699999456", "SUBMITTED", "0%"), Map.of());

        assertThat(again.outcome()).isEqualTo(WebhookOutcome.NOT_TRACKED);
        assertThat(other.outcome()).isEqualTo(WebhookOutcome.NOT_TRACKED);
    }

    @Test
    void aTaskIdOverTheLimitIsRefusedAndWakesNothing() {
        String longId = "9".repeat(WebhookReceiver.MAX_TASK_ID_CHARS + 1);

        assertThatThrownBy(() -> open.receive(body(longId, "SUCCESS", "100%"), Map.of()))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("task id is over 256 characters");
        assertThat(poller.woken).isEmpty();
    }

    /** A callback that tells the truth: the server's state is what it says. */
    private WebhookOutcome genuine(String status, String progress) {
        byte[] body = body(ID, status, progress);
        poller.server.put(ID, task(body));
        return open.receive(body, Map.of()).outcome();
    }

    private static Task task(byte[] body) {
        try {
            return Dialects.readCallback(Json.MAPPER.readTree(body));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A callback that lags behind the server's state (sent earlier, delivered late). */
    private WebhookOutcome stale(String status, String progress) {
        return open.receive(body(ID, status, progress), Map.of()).outcome();
    }

    @Test
    void aBodyThatIsNotATaskIsAProtocolExceptionAndWakesNothing() {
        poller.tracked.add(ID);

        assertNotATask("".getBytes(StandardCharsets.UTF_8));
        assertNotATask("   ".getBytes(StandardCharsets.UTF_8));
        assertNotATask("{\"id\":\"1712345678901123\",".getBytes(StandardCharsets.UTF_8));
        assertNotATask("<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8));
        assertNotATask("[{\"id\":\"1712345678901123\"}]".getBytes(StandardCharsets.UTF_8));
        assertNotATask("{\"status\":\"SUCCESS\"}".getBytes(StandardCharsets.UTF_8));
        assertNotATask("{\"id\":\"\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(poller.woken).isEmpty();
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedUnread() {
        byte[] huge = new byte[WebhookReceiver.MAX_BODY_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        byte[] task = body(ID, "SUCCESS", "100%");
        System.arraycopy(task, 0, huge, 0, task.length);

        assertThatThrownBy(() -> open.receive(huge, Map.of())).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("over " + WebhookReceiver.MAX_BODY_BYTES + " bytes");
        assertThat(poller.woken).isEmpty();
        assertThat(WebhookReceiver.MAX_BODY_BYTES).isEqualTo(1024 * 1024);
    }

    @Test
    void argumentsAreChecked() {
        assertThatThrownBy(() -> WebhookReceiver.create(null, SECRET)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("poller");
        assertThatThrownBy(() -> WebhookReceiver.create(poller, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret");
        assertThatThrownBy(() -> open.receive(null, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("body");
        assertThatThrownBy(() -> open.receive(new byte[0], null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("headers");
    }

    private void assertNotATask(byte[] body) {
        assertThatThrownBy(() -> open.receive(body, Map.of())).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("callback body");
    }

    private static Throwable assertRefused(Runnable call, String why) {
        Throwable thrown = null;
        try {
            call.run();
        } catch (RuntimeException e) {
            thrown = e;
        }
        assertThat(thrown).isInstanceOf(WebhookVerificationException.class).hasMessageContaining(why);
        return thrown;
    }

    static byte[] body(String id, String status, String progress) {
        return ("{\"id\":\"" + id + "\",\"action\":\"IMAGINE\",\"status\":\"" + status + "\",\"progress\":\""
                + progress + "\",\"prompt\":\"a red fox\",\"failReason\":null,\"properties\":{\"notifyHook\":"
                + "\"https://hooks.example.com/mj?token=" + SECRET + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A TaskPoller that records wake-ups and tracks the ids a test puts in {@link #tracked}; a wake-up "fetches" the
     * task's state from {@link #server}, which {@link #lastSeen} then reports.
     */
    static final class RecordingPoller implements TaskPoller {
        final Set<String> tracked = new HashSet<>();
        final List<String> woken = new ArrayList<>();
        final Map<String, Task> server = new HashMap<>();
        private final Map<String, Task> seen = new HashMap<>();

        @Override
        public CompletableFuture<Task> await(String taskId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Task> await(String taskId, PollOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Task> await(String taskId, PollOptions options, TaskListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean wake(String taskId) {
            woken.add(taskId);
            if (!tracked.contains(taskId)) {
                return false;
            }
            if (server.containsKey(taskId)) {
                seen.put(taskId, server.get(taskId));
            }
            return true;
        }

        @Override
        public Optional<Task> lastSeen(String taskId) {
            return Optional.ofNullable(tracked.contains(taskId) ? seen.get(taskId) : null);
        }

        @Override
        public int pendingWaits() {
            return tracked.size();
        }
    }
}
