package io.github.mjsdk.testkit.dialects;

import static io.github.mjsdk.testkit.dialects.Sim.await;
import static io.github.mjsdk.testkit.dialects.Sim.body;
import static io.github.mjsdk.testkit.dialects.Sim.last;
import static io.github.mjsdk.testkit.dialects.Sim.run;
import static io.github.mjsdk.testkit.dialects.Sim.upscaled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.model.RegionMask;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.model.VariantMode;
import io.github.mjsdk.model.VaryRegionRequest;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * apimart's Upscale (Subtle) / (Creative) and JourneyAPI's zoom out and Vary (Region), end to end against the
 * simulator on virtual time, with each request checked on the wire.
 */
class FollowUpsFlowTest {

    @ParameterizedTest
    @CsvSource({"UPSCALE_SUBTLE, subtle", "UPSCALE_CREATIVE, creative"})
    void apimartUpscalesSubtleAndCreativeThroughTheUpscaleRouteWithTheButtonsCustomId(VariantMode mode, String word)
            throws Exception {
        run(Providers.apimart(), (client, server) -> {
            Task image = upscaled(client, Speed.FAST);
            Task upscaled = await(client.variant(image.id(), mode, Speed.TURBO));

            assertThat(upscaled.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(upscaled.action()).isEqualTo(TaskAction.UPSCALE_HD);
            assertThat(upscaled.imageUrl()).isNotNull();
            RecordedCall call = last(server, Route.ACTION);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/v1/midjourney/generations/upscale");
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
            assertThat(body(call).toString()).isEqualTo("{\"task_id\":\"" + image.id() + "\",\"speed\":\"turbo\","
                    + "\"custom_id\":\"" + image.buttonContaining("_2x_" + word + "::").orElseThrow().customId()
                    + "\"}");
        });
    }

    @ParameterizedTest
    @CsvSource({"UPSCALE_2X, 2x", "UPSCALE_4X, 4x"})
    void journeyApiUpscalesTwoOrFourTimesThroughUpscale2x4x(VariantMode mode, String type) throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            Task image = upscaled(client, null);
            Task big = await(client.variant(image.id(), mode, null));

            assertThat(big.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(big.action()).isEqualTo(TaskAction.UPSCALE_HD);
            assertThat(big.rawAction()).isEqualTo("upscale-" + type);
            assertThat(big.imageUrl()).isNotBlank();
            RecordedCall call = last(server, Route.ACTION);
            assertThat(call.method() + " " + call.path()).isEqualTo("POST /api/v1/upscale-2x-4x");
            assertThat(call.header("Authorization")).isEqualTo(server.apiKey());
            assertThat(call.body()).isEqualTo("{\"parent_task_id\":\"" + image.id() + "\",\"type\":\"" + type + "\"}");
        });
    }

    @Test
    void upscale2x4xIsJourneyApisOnlyAndRefusedElsewhereBeforeSending() throws Exception {
        for (io.github.mjsdk.provider.Provider provider : List.of(Providers.cometApi(), Providers.apimart())) {
            run(provider, (client, server) -> {
                assertThatThrownBy(() -> client.variant("1234567890123456", VariantMode.UPSCALE_4X, null))
                        .isInstanceOf(io.github.mjsdk.error.OperationNotSupportedException.class)
                        .hasMessageContaining(provider.name()).hasMessageContaining("upscale 2× / 4×");
                assertThat(server.journal()).isEmpty();
            });
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 2, outpaint-2", "1.5, 1.5, outpaint-1.5", "1.25, 1.25, outpaint-1.25"})
    void journeyApiZoomsOutThroughOutpaintWithTheRatioAsANumber(double ratio, String wire, String taskType)
            throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            Task image = upscaled(client, null);
            Task zoomed = await(client.zoomOut(image.id(), ratio, null));

            assertThat(zoomed.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(zoomed.action()).isEqualTo(TaskAction.ZOOM);
            assertThat(zoomed.rawAction()).isEqualTo(taskType);
            assertThat(zoomed.imageUrls()).hasSize(4);
            RecordedCall call = last(server, Route.ACTION);
            assertThat(call.method() + " " + call.path()).isEqualTo("POST /api/v1/outpaint");
            assertThat(call.header("Authorization")).isEqualTo(server.apiKey());
            assertThat(call.body()).isEqualTo("{\"parent_task_id\":\"" + image.id() + "\",\"zoom_ratio\":" + wire
                    + "}");
        });
    }

    @Test
    void journeyApiVariesARegionThroughInpaintWithABlackBackgroundMask() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            Task image = upscaled(client, null);
            RegionMask mask = RegionMask.ofRectangles(256, 256, List.of(new RegionMask.Rect(0, 0, 64, 32)));
            Task varied = await(client.varyRegion(VaryRegionRequest.of(image.id(), mask).withPrompt("a red door")));

            assertThat(varied.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(varied.action()).isEqualTo(TaskAction.INPAINT);
            assertThat(varied.imageUrls()).hasSize(4);
            RecordedCall call = last(server, Route.ACTION);
            assertThat(call.method() + " " + call.path()).isEqualTo("POST /api/v1/inpaint");
            assertThat(call.header("Authorization")).isEqualTo(server.apiKey());
            var body = body(call);
            assertThat(body.path("parent_task_id").asText()).isEqualTo(image.id());
            assertThat(body.path("prompt").asText()).isEqualTo("a red door");
            assertThat(body.size()).isEqualTo(3);
            String sent = body.path("mask").asText();
            assertThat(sent).startsWith("data:image/png;base64,");
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                    .decode(sent.substring(sent.indexOf(',') + 1))));
            assertThat(png.getRGB(10, 10)).isEqualTo(0xFFFFFFFF);
            assertThat(png.getRGB(100, 100)).isEqualTo(0xFF000000);
            assertThat(server.journal(Route.MODAL)).isEmpty();
        });
    }

    @Test
    void aPolygonMaskOnCometApiIsDrawnAndSentThroughTheModal() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            Task image = upscaled(client, Speed.FAST);
            RegionMask mask = RegionMask.ofPolygons(256, 256, List.of(RegionMask.Polygon.of(0, 0, 200, 0, 0, 200)));
            Task varied = await(client.varyRegion(VaryRegionRequest.of(image.id(), mask).withSpeed(Speed.FAST)));

            assertThat(varied.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(varied.prompt()).isEqualTo("a lighthouse at dusk");
            RecordedCall modal = server.journal(Route.MODAL).get(0);
            assertThat(modal.method() + " " + modal.path()).isEqualTo("POST /mj-fast/mj/submit/modal");
            String sent = body(modal).path("maskBase64").asText();
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                    .decode(sent.substring(sent.indexOf(',') + 1))));
            assertThat(png.getRGB(20, 20)).isEqualTo(0xFFFFFFFF);
            assertThat(png.getRGB(150, 150)).isEqualTo(0xFF000000);
        });
    }

    @Test
    void journeyApiRefusesZoomAndVaryRegionOnAGridAfterTheParentFetch() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            Task grid = await(client.imagine("a fox", null));
            int before = server.journal().size();
            RegionMask mask = RegionMask.ofRectangles(512, 512, List.of(new RegionMask.Rect(0, 0, 1, 1)));

            assertThatThrownBy(() -> await(client.zoomOut(grid.id(), 2, null))).cause()
                    .isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("upscale-1x");
            assertThatThrownBy(() -> await(client.varyRegion(VaryRegionRequest.of(grid.id(), mask)))).cause()
                    .isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("upscale-1x");
            assertThat(server.journal().subList(before, server.journal().size()))
                    .extracting(RecordedCall::route).containsOnly(Route.FETCH);
        });
    }

    @Test
    void aJourneyApiMaskOfTheWrongSizeFailsBeforeTheSubmit() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            Task image = upscaled(client, null);
            int actions = server.journal(Route.ACTION).size();
            RegionMask mask = RegionMask.ofRectangles(300, 200, List.of(new RegionMask.Rect(0, 0, 1, 1)));

            assertThatThrownBy(() -> await(client.varyRegion(VaryRegionRequest.of(image.id(), mask)))).cause()
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mask: 300×200");
            assertThat(server.journal(Route.ACTION)).hasSize(actions);
        });
    }
}
