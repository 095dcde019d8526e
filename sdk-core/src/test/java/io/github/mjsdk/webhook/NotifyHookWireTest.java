package io.github.mjsdk.webhook;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_CUSTOM_ID;
import static io.github.mjsdk.testing.Fixtures.body;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.testing.MockServerTest;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's notifyHook: carried by every submit unless the request names its own (docs/protocols.md §a.12). */
class NotifyHookWireTest extends MockServerTest {
    private static final String HOOK = "https://hooks.example.com/mj?token=hook-secret-123";
    private static final String OWN = "https://own.example.com/callback";

    @BeforeEach
    void clientWithAHook() {
        newClient(builder -> builder.notifyHook(HOOK));
    }

    @Test
    void imagineCarriesTheClientsHookOrTheRequestsOwn() {
        enqueue(ok("submit/accepted.json"), ok("submit/accepted.json"));

        valueOf(client.submitImagine(ImagineRequest.of(PROMPT)));
        valueOf(client.submitImagine(ImagineRequest.of(PROMPT).withNotifyHook(OWN)));

        assertHook(take(), "/mj/submit/imagine", HOOK);
        assertHook(take(), "/mj/submit/imagine", OWN);
    }

    @Test
    void actionCarriesTheClientsHookOrTheRequestsOwn() {
        enqueue(ok("submit/reroll-accepted.json"), ok("submit/reroll-accepted.json"));

        valueOf(client.submitAction(ActionRequest.of(GRID_ID, REROLL_CUSTOM_ID)));
        valueOf(client.submitAction(ActionRequest.of(GRID_ID, REROLL_CUSTOM_ID).withNotifyHook(OWN)));

        assertHook(take(), "/mj/submit/action", HOOK);
        assertHook(take(), "/mj/submit/action", OWN);
    }

    @Test
    void rerollsButtonClickCarriesTheClientsHookOrTheRequestsOwn() {
        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-accepted.json"),
                ok("task/imagine-success.json"), ok("submit/reroll-accepted.json"));

        valueOf(client.submitReroll(RerollRequest.of(GRID_ID)));
        valueOf(client.submitReroll(RerollRequest.of(GRID_ID).withNotifyHook(OWN)));

        assertThat(take().getMethod()).isEqualTo("GET");
        assertHook(take(), "/mj/submit/action", HOOK);
        assertThat(take().getMethod()).isEqualTo("GET");
        assertHook(take(), "/mj/submit/action", OWN);
    }

    @Test
    void rerollOnAServerWithoutButtonsCarriesTheHookOnSubmitChange() {
        enqueue(ok("task/oss-success.json"), ok("submit/reroll-accepted.json"));

        valueOf(client.submitReroll(RerollRequest.of(GRID_ID)));

        assertThat(take().getMethod()).isEqualTo("GET");
        RecordedRequest change = take();
        assertHook(change, "/mj/submit/change", HOOK);
        assertThat(body(change).path("action").asText()).isEqualTo("REROLL");
    }

    @Test
    void upscaleAndVaryClicksCarryTheClientsHook() {
        enqueue(ok("task/imagine-success.json"), ok("submit/upscale-accepted.json"));
        CompletableFuture<Task> upscale = client.upscale(GRID_ID, 2, null);
        assertThat(take().getMethod()).isEqualTo("GET");
        assertHook(take(), "/mj/submit/action", HOOK);
        awaitIdle();
        upscale.cancel(true);

        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-accepted.json"));
        CompletableFuture<Task> vary = client.vary(GRID_ID, 3, null);
        assertThat(take().getMethod()).isEqualTo("GET");
        RecordedRequest click = take();
        assertHook(click, "/mj/submit/action", HOOK);
        assertThat(body(click).path("customId").asText()).contains("variation::3");
        awaitIdle();
        vary.cancel(true);
    }

    @Test
    void aClientWithoutAHookSendsNone() {
        newClient(builder -> builder);
        enqueue(ok("submit/accepted.json"));

        valueOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(body(take()).has("notifyHook")).isFalse();
    }

    private static void assertHook(RecordedRequest request, String path, String hook) {
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(path);
        JsonNode json = body(request);
        assertThat(json.path("notifyHook").asText()).isEqualTo(hook);
    }
}
