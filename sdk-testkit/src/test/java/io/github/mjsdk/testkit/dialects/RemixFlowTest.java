package io.github.mjsdk.testkit.dialects;

import static io.github.mjsdk.testkit.dialects.Sim.await;
import static io.github.mjsdk.testkit.dialects.Sim.body;
import static io.github.mjsdk.testkit.dialects.Sim.last;
import static io.github.mjsdk.testkit.dialects.Sim.run;
import static io.github.mjsdk.testkit.dialects.Sim.upscaled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.OperationNotSupportedException;
import io.github.mjsdk.model.PanDirection;
import io.github.mjsdk.model.RemixRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.model.VariantMode;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import org.junit.jupiter.api.Test;

/**
 * Remix end to end against the simulator on virtual time: the click carries {@code enableRemix: true}, the new task
 * stops in MODAL, the SDK answers the modal step with the new prompt, and the finished task shows it. JourneyAPI
 * remixes a reroll only; apimart none.
 */
class RemixFlowTest {

    @Test
    void aRemixedVariationOnCometApiClicksWithRemixAndAnswersTheModalWithTheNewPrompt() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            Task grid = await(client.imagine("a red fox", Speed.FAST));
            Task remixed = await(client.remix(RemixRequest.variation(grid.id(), 2, "a silver fox in the snow")
                    .withSpeed(Speed.FAST)));

            assertThat(remixed.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(remixed.action()).isEqualTo(TaskAction.VARIATION);
            assertThat(remixed.prompt()).isEqualTo("a silver fox in the snow");
            RecordedCall click = last(server, Route.ACTION);
            assertThat(click.method()).isEqualTo("POST");
            assertThat(click.path()).isEqualTo("/mj-fast/mj/submit/action");
            assertThat(click.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
            assertThat(body(click).toString()).isEqualTo("{\"taskId\":\"" + grid.id() + "\",\"customId\":\""
                    + grid.variationButton(2).orElseThrow().customId() + "\",\"enableRemix\":true}");
            assertThat(click.status()).isEqualTo(200);
            RecordedCall modal = server.journal(Route.MODAL).get(0);
            assertThat(modal.method()).isEqualTo("POST");
            assertThat(modal.path()).isEqualTo("/mj-fast/mj/submit/modal");
            assertThat(body(modal).toString()).isEqualTo("{\"taskId\":\"" + remixed.id()
                    + "\",\"prompt\":\"a silver fox in the snow\"}");
        });
    }

    @Test
    void remixedPanVaryStrongAndRerollOnCometApi() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            Task image = upscaled(client, Speed.FAST);

            Task panned = await(client.remix(RemixRequest.pan(image.id(), PanDirection.RIGHT, "a lighthouse, storm")));
            assertThat(panned.action()).isEqualTo(TaskAction.PAN);
            assertThat(panned.prompt()).isEqualTo("a lighthouse, storm");
            JsonNode pan = body(last(server, Route.ACTION));
            assertThat(pan.path("customId").asText()).startsWith("MJ::JOB::pan_right::1::");
            assertThat(pan.path("enableRemix").asBoolean()).isTrue();

            Task strong = await(client.remix(RemixRequest.vary(image.id(), VariantMode.VARY_STRONG, "a red lighthouse")));
            assertThat(strong.prompt()).isEqualTo("a red lighthouse");
            assertThat(body(last(server, Route.ACTION)).path("customId").asText())
                    .startsWith("MJ::JOB::high_variation::1::");

            Task grid = await(client.imagine("a fox", null));
            Task rerolled = await(client.submitRemix(RemixRequest.reroll(grid.id(), "a wolf"))
                    .thenCompose(submitted -> client.poller().await(submitted.taskId())));
            assertThat(rerolled.prompt()).isEqualTo("a wolf");
            assertThat(body(last(server, Route.ACTION)).path("customId").asText()).contains("::reroll::");
            assertThat(body(last(server, Route.MODAL)).path("prompt").asText()).isEqualTo("a wolf");
            assertThat(server.journal(Route.MODAL)).hasSize(3);
        });
    }

    @Test
    void aRemixedPanOnAGridIsRefusedAfterTheParentFetchWithoutAClick() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            Task grid = await(client.imagine("a fox", null));
            int actions = server.journal(Route.ACTION).size();

            assertThatThrownBy(() -> await(client.remix(RemixRequest.pan(grid.id(), PanDirection.UP, "a wolf"))))
                    .cause().isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("upscale");
            assertThat(server.journal(Route.ACTION)).hasSize(actions);
        });
    }

    @Test
    void journeyApiRemixesARerollThroughItsPromptField() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            Task grid = await(client.imagine("a red fox", null));
            Task remixed = await(client.remix(RemixRequest.reroll(grid.id(), "a blue fox")));

            assertThat(remixed.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(remixed.rawAction()).isEqualTo("reroll");
            assertThat(remixed.imageUrls()).hasSize(4);
            RecordedCall call = last(server, Route.ACTION);
            assertThat(call.method() + " " + call.path()).isEqualTo("POST /api/v1/reroll");
            assertThat(call.header("Authorization")).isEqualTo(server.apiKey());
            assertThat(body(call).toString()).isEqualTo("{\"parent_task_id\":\"" + grid.id()
                    + "\",\"prompt\":\"a blue fox\"}");
        });
    }

    @Test
    void journeyApiRefusesOtherRemixesAndApimartAllBeforeSending() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            assertThatThrownBy(() -> client.remix(RemixRequest.variation("t", 1, "a wolf")))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("JourneyAPI")
                    .hasMessageContaining("remix of V1");
            assertThatThrownBy(() -> client.submitRemix(RemixRequest.pan("t", PanDirection.LEFT, "a wolf")))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("remix of Pan left");
            assertThat(server.journal()).isEmpty();
        });
        run(Providers.apimart(), (client, server) -> {
            assertThatThrownBy(() -> client.remix(RemixRequest.reroll("t", "a wolf")))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("apimart")
                    .hasMessageContaining("remix");
            assertThat(server.journal()).isEmpty();
        });
    }

    @Test
    void remixRequestsAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> RemixRequest.variation("t", 5, "a wolf"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("index");
        assertThatThrownBy(() -> RemixRequest.reroll("t", " ")).hasMessageStartingWith("prompt");
        assertThatThrownBy(() -> RemixRequest.vary("t", VariantMode.UPSCALE_CREATIVE, "a wolf"))
                .hasMessageStartingWith("mode:");
        assertThatThrownBy(() -> new RemixRequest("t", RemixRequest.Target.PAN, 0, null, "a wolf", null))
                .hasMessageStartingWith("direction:");
    }
}
