package io.github.mjsdk;

import io.github.mjsdk.model.Speed;
import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.HASH;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_ID;
import static io.github.mjsdk.testing.Fixtures.UPSCALE_ID;
import static io.github.mjsdk.testing.Fixtures.body;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.parse;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testing.MockServerTest;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upscale, vary and any button (docs/protocols.md §a.10, §a.11): the parent's own buttons, the {@code /submit/change}
 * fallback, and the modal step — confirmed with the caller's input or the parent's prompt, or refused with
 * {@link ModalRequiredException} for actions that always need input.
 */
class GridActionsTest extends MockServerTest {
    private static final String MASK = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";

    @Test
    void upscaleClicksTheParentsUButton() {
        enqueue(ok("task/imagine-success.json"), ok("submit/upscale-accepted.json"), ok("task/upscale-success.json"));

        Task upscaled = await(client.upscale(GRID_ID, 2, Speed.FAST));

        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/task/" + GRID_ID + "/fetch");
        RecordedRequest click = take();
        assertThat(click.getUrl().encodedPath()).isEqualTo("/mj-fast/mj/submit/action");
        assertThat(body(click)).isEqualTo(parse(
                "{\"taskId\":\"" + GRID_ID + "\",\"customId\":\"MJ::JOB::upsample::2::" + HASH + "\"}"));
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/task/" + UPSCALE_ID + "/fetch");
        assertThat(upscaled.id()).isEqualTo(UPSCALE_ID);
    }

    @Test
    void upscaleOnAServerWithoutButtonsUsesChangeWithTheIndex() {
        enqueue(ok("task/oss-success.json"), ok("submit/upscale-accepted.json"), ok("task/upscale-success.json"));

        await(client.upscale(GRID_ID, 2, Speed.RELAX));

        take();
        RecordedRequest change = take();
        assertThat(change.getUrl().encodedPath()).isEqualTo("/mj-relax/mj/submit/change");
        assertThat(body(change)).isEqualTo(parse(
                "{\"taskId\":\"" + GRID_ID + "\",\"action\":\"UPSCALE\",\"index\":2}"));
    }

    @Test
    void anUpscaleThatAlreadyExistsIsAwaitedWithoutAModal() {
        enqueue(ok("task/imagine-success.json"), ok("submit/upscale-existed.json"), ok("task/upscale-success.json"));

        Task upscaled = await(client.upscale(GRID_ID, 2, null));

        assertThat(upscaled.id()).isEqualTo(UPSCALE_ID);
        take();
        take();
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/task/" + UPSCALE_ID + "/fetch");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void varyWithRemixOnIsConfirmedWithTheParentsPrompt() {
        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-modal.json"),
                ok("submit/modal-accepted-number.json"), ok("task/reroll-success.json"));

        Task varied = await(client.vary(GRID_ID, 3, Speed.TURBO));

        take();
        assertThat(body(take()).get("customId").asText()).isEqualTo("MJ::JOB::variation::3::" + HASH);
        RecordedRequest modal = take();
        assertThat(modal.getUrl().encodedPath()).isEqualTo("/mj-turbo/mj/submit/modal");
        assertThat(body(modal)).isEqualTo(parse("{\"taskId\":\"" + REROLL_ID + "\",\"prompt\":\"" + PROMPT + "\"}"));
        assertThat(varied.id()).isEqualTo(REROLL_ID);
    }

    @Test
    void varyOfAnUpscaledImageIsRefusedBeforeAnythingIsSent() {
        enqueue(ok("task/upscale-success.json"));

        Throwable failure = failureOf(client.vary(UPSCALE_ID, 1, Speed.FAST));

        assertThat(failure).isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("V1");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MJ::CustomZoom::" + HASH, "MJ::Inpaint::1::" + HASH + "::SOLO"})
    void anActionThatAlwaysNeedsInputEndsInModalRequiredWithoutIt(String customId) {
        enqueue(ok("submit/reroll-modal.json"), ok("task/reroll-modal.json"));

        CompletableFuture<Task> action = client.action(ActionRequest.of(UPSCALE_ID, customId));
        drive(action);

        Throwable failure = failureOf(action);
        assertThat(failure).isInstanceOf(ModalRequiredException.class).hasMessageContaining(customId);
        Task modal = ((ModalRequiredException) failure).task();
        assertThat(modal.id()).isEqualTo(REROLL_ID);
        assertThat(modal.status()).isEqualTo(TaskStatus.MODAL);
        assertThat(server.getRequestCount()).as("no modal guessed").isEqualTo(2);
    }

    @Test
    void varyRegionWithInputSendsThePromptAndTheMask() {
        enqueue(ok("submit/reroll-modal.json"), ok("task/reroll-modal.json"),
                ok("submit/modal-accepted-number.json"), ok("task/reroll-success.json"));
        ActionRequest region = ActionRequest.of(UPSCALE_ID, "MJ::Inpaint::1::" + HASH + "::SOLO")
                .withSpeed(Speed.FAST).withModalInput("a red fox wearing a scarf", MASK);

        Task done = await(client.action(region));

        RecordedRequest click = take();
        assertThat(click.getUrl().encodedPath()).isEqualTo("/mj-fast/mj/submit/action");
        assertThat(body(click)).as("the modal input is not part of the click").isEqualTo(parse(
                "{\"taskId\":\"" + UPSCALE_ID + "\",\"customId\":\"MJ::Inpaint::1::" + HASH + "::SOLO\"}"));
        take();
        RecordedRequest modal = take();
        assertThat(modal.getUrl().encodedPath()).isEqualTo("/mj-fast/mj/submit/modal");
        assertThat(body(modal)).isEqualTo(parse("{\"taskId\":\"" + REROLL_ID
                + "\",\"prompt\":\"a red fox wearing a scarf\",\"maskBase64\":\"" + MASK + "\"}"));
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
    }

    @Test
    void customZoomFoundModalLaterIsConfirmedWithTheInput() {
        enqueue(ok("submit/reroll-accepted.json"), ok("task/reroll-modal.json"),
                ok("submit/modal-accepted-number.json"), ok("task/reroll-success.json"));

        await(client.action(ActionRequest.of(UPSCALE_ID, "MJ::CustomZoom::" + HASH)
                .withModalInput("a red fox in fresh snow --ar 3:2 --zoom 1.8", null)));

        take();
        take();
        assertThat(body(take())).isEqualTo(parse("{\"taskId\":\"" + REROLL_ID
                + "\",\"prompt\":\"a red fox in fresh snow --ar 3:2 --zoom 1.8\"}"));
    }

    @Test
    void aPanThatTurnsModalIsConfirmedWithTheParentsPrompt() {
        enqueue(ok("submit/reroll-accepted.json"), ok("task/reroll-modal.json"), ok("task/upscale-success.json"),
                ok("submit/modal-accepted-number.json"), ok("task/reroll-success.json"));

        Task panned = await(client.action(ActionRequest.of(UPSCALE_ID, "MJ::JOB::pan_left::1::" + HASH + "::SOLO")));

        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/submit/action");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/task/" + REROLL_ID + "/fetch");
        assertThat(take().getUrl().encodedPath()).as("the parent, for its prompt")
                .isEqualTo("/mj/task/" + UPSCALE_ID + "/fetch");
        assertThat(body(take())).isEqualTo(parse("{\"taskId\":\"" + REROLL_ID + "\",\"prompt\":\"" + PROMPT + "\"}"));
        assertThat(panned.id()).isEqualTo(REROLL_ID);
    }

    @Test
    void submitActionReturnsCode21AsIs() {
        enqueue(ok("submit/reroll-modal.json"));

        var result = valueOf(client.submitAction(ActionRequest.of(UPSCALE_ID, "MJ::CustomZoom::" + HASH)));

        assertThat(result.waitsForModal()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private Task await(CompletableFuture<Task> future) {
        drive(future);
        return valueOf(future);
    }
}
