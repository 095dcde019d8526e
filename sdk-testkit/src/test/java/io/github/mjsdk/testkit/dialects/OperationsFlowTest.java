package io.github.mjsdk.testkit.dialects;

import static io.github.mjsdk.testkit.dialects.Sim.await;
import static io.github.mjsdk.testkit.dialects.Sim.body;
import static io.github.mjsdk.testkit.dialects.Sim.png;
import static io.github.mjsdk.testkit.dialects.Sim.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.OperationNotSupportedException;
import io.github.mjsdk.model.BlendDimensions;
import io.github.mjsdk.model.BlendRequest;
import io.github.mjsdk.model.DescribeRequest;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.PanDirection;
import io.github.mjsdk.model.RegionMask;
import io.github.mjsdk.model.VaryRegionRequest;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.model.VariantMode;
import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operations beyond imagine, reroll, U and V, end to end against the simulator on virtual time: the typed call
 * is submitted, waited for, and its result read; the request is checked on the wire (method, path, auth header,
 * JSON body). Each dialect that lacks an operation refuses it before sending anything.
 */
class OperationsFlowTest {
    // ---------------------------------------------------------------- describe

    @Test
    void describeOnCometApiSendsADataUrlAndAnswersFourPrompts() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            ImageInput image = png(1);
            Task described = await(client.describe(DescribeRequest.of(image).withSpeed(Speed.TURBO)));

            assertThat(described.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(described.action()).isEqualTo(TaskAction.DESCRIBE);
            assertThat(described.describePrompts()).hasSize(4)
                    .allSatisfy(prompt -> assertThat(prompt).endsWith("--ar 1:1").doesNotContain("\u20E3"));
            RecordedCall call = server.journal(Route.DESCRIBE).get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/mj-turbo/mj/submit/describe");
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
            assertThat(body(call).toString()).isEqualTo("{\"base64\":\"" + image.dataUrl() + "\"}");
        });
    }

    @Test
    void describeOfAUrlOnTheProxyGoesAsLink() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            CompletableFuture<io.github.mjsdk.model.SubmitResult> submitted = client.submitDescribe(
                    DescribeRequest.of(ImageInput.ofUrl("https://img.example/cat.png")));
            String id = await(submitted).taskId();

            assertThat(body(server.journal(Route.DESCRIBE).get(0)).toString())
                    .isEqualTo("{\"link\":\"https://img.example/cat.png\"}");
            Task done = await(client.poller().await(id));
            assertThat(done.describePrompts()).hasSize(4);
        });
    }

    // ---------------------------------------------------------------- blend

    @Test
    void blendOnCometApiReturnsAGridWithButtons() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            List<ImageInput> images = List.of(png(1), png(2), png(3));
            Task grid = await(client.blend(BlendRequest.of(images).withDimensions(BlendDimensions.LANDSCAPE)));

            assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(grid.action()).isEqualTo(TaskAction.BLEND);
            assertThat(grid.upscaleButton(1)).isPresent();
            assertThat(grid.rerollButton()).isPresent();
            assertThat(grid.prompt()).endsWith("--ar 3:2");
            RecordedCall call = server.journal(Route.BLEND).get(0);
            assertThat(call.path()).isEqualTo("/mj/submit/blend");
            JsonNode body = body(call);
            assertThat(body.path("dimensions").asText()).isEqualTo("LANDSCAPE");
            assertThat(body.path("base64Array")).hasSize(3);
            assertThat(body.path("base64Array").get(2).asText()).isEqualTo(images.get(2).dataUrl());

            Task upscaled = await(client.upscale(grid.id(), 2, null));
            assertThat(upscaled.status()).isEqualTo(TaskStatus.SUCCESS);
        });
    }

    @Test
    void aProxyBlendOfUrlsFailsBeforeSendingNamingTheImage() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            BlendRequest mixed = BlendRequest.of(List.of(png(1), ImageInput.ofUrl("https://img.example/a.png")));

            assertThatThrownBy(() -> client.blend(mixed)).as("thrown at once, like every argument error")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("images[1]:");
            assertThat(server.journal()).isEmpty();
        });
    }

    @Test
    void describeAndBlendOnApimart() throws Exception {
        run(Providers.apimart(), (client, server) -> {
            ImageInput image = png(7);
            Task described = await(client.describe(DescribeRequest.of(image).withSpeed(Speed.FAST)));

            assertThat(described.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(described.action()).isEqualTo(TaskAction.DESCRIBE);
            assertThat(described.describePrompts()).hasSize(4).allSatisfy(p -> assertThat(p).endsWith("--ar 1:1")
                    .doesNotStartWith("1."));
            RecordedCall describe = server.journal(Route.DESCRIBE).get(0);
            assertThat(describe.method()).isEqualTo("POST");
            assertThat(describe.path()).isEqualTo("/v1/midjourney/generations/describe");
            assertThat(describe.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
            assertThat(body(describe).toString()).isEqualTo("{\"speed\":\"fast\",\"image_urls\":[\""
                    + image.dataUrl() + "\"]}");

            Task grid = await(client.blend(BlendRequest.of(List.of(png(1),
                    ImageInput.ofUrl("https://img.example/b.png"))).withDimensions(BlendDimensions.PORTRAIT)));
            assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(grid.action()).isEqualTo(TaskAction.BLEND);
            assertThat(grid.imageUrls()).hasSize(4);
            RecordedCall blend = server.journal(Route.BLEND).get(0);
            assertThat(blend.path()).isEqualTo("/v1/midjourney/generations/blend");
            JsonNode body = body(blend);
            assertThat(body.path("dimensions").asText()).isEqualTo("PORTRAIT");
            assertThat(body.path("image_urls").get(1).asText()).isEqualTo("https://img.example/b.png");
            assertThat(body.path("image_urls").get(0).asText()).isEqualTo(png(1).dataUrl());
        });
    }

    @Test
    void describeAndBlendOnJourneyApi() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            Task described = await(client.describe(DescribeRequest.of(ImageInput.ofUrl("https://img.example/c.png"))));

            assertThat(described.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(described.action()).isEqualTo(TaskAction.DESCRIBE);
            assertThat(described.describePrompts()).hasSize(4);
            RecordedCall describe = server.journal(Route.DESCRIBE).get(0);
            assertThat(describe.path()).isEqualTo("/api/v1/describe");
            assertThat(describe.header("Authorization")).isEqualTo(server.apiKey());
            assertThat(body(describe).toString()).isEqualTo("{\"image_url\":\"https://img.example/c.png\"}");

            Task grid = await(client.blend(BlendRequest.of(List.of(ImageInput.ofUrl("https://img.example/a.png"),
                    ImageInput.ofUrl("https://img.example/b.png"), ImageInput.ofUrl("https://img.example/c.png")))
                    .withDimensions(BlendDimensions.SQUARE)));
            assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(grid.action()).isEqualTo(TaskAction.BLEND);
            assertThat(grid.imageUrls()).hasSize(4);
            RecordedCall blend = server.journal(Route.BLEND).get(0);
            assertThat(blend.path()).isEqualTo("/api/v1/blend");
            assertThat(body(blend).toString()).isEqualTo("{\"image_urls\":[\"https://img.example/a.png\","
                    + "\"https://img.example/b.png\",\"https://img.example/c.png\"],\"dimension\":\"square\"}");
        });
    }

    // ---------------------------------------------------------------- follow-ups on an upscaled image

    enum ButtonDialect {
        COMET_API(Providers.cometApi()),
        APIMART(Providers.apimart());

        final Provider provider;

        ButtonDialect(Provider provider) {
            this.provider = provider;
        }
    }

    private static Task upscaled(MidjourneyClient client) throws Exception {
        return Sim.upscaled(client, Speed.FAST);
    }

    private static RecordedCall lastAction(FakeMidjourneyServer server) {
        return Sim.last(server, Route.ACTION);
    }

    @ParameterizedTest
    @EnumSource(ButtonDialect.class)
    void panClicksThePanButtonAndWaitsForTheGrid(ButtonDialect dialect) throws Exception {
        run(dialect.provider, (client, server) -> {
            Task image = upscaled(client);
            Task panned = await(client.pan(image.id(), PanDirection.LEFT, Speed.FAST));

            assertThat(panned.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(panned.action()).isEqualTo(TaskAction.PAN);
            assertThat(panned.upscaleButton(1)).isPresent();
            RecordedCall click = lastAction(server);
            assertThat(click.method()).isEqualTo("POST");
            JsonNode body = body(click);
            if (dialect == ButtonDialect.APIMART) {
                assertThat(click.path()).isEqualTo("/v1/midjourney/generations/pan");
                assertThat(body.path("task_id").asText()).isEqualTo(image.id());
                assertThat(body.path("speed").asText()).isEqualTo("fast");
                assertThat(body.path("custom_id").asText()).startsWith("MJ::JOB::pan_left::1::");
            } else {
                assertThat(click.path()).isEqualTo("/mj-fast/mj/submit/action");
                assertThat(body.path("taskId").asText()).isEqualTo(image.id());
                assertThat(body.path("customId").asText()).startsWith("MJ::JOB::pan_left::1::").endsWith("::SOLO");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(ButtonDialect.class)
    void zoomOutTwiceClicksOutpaint50(ButtonDialect dialect) throws Exception {
        run(dialect.provider, (client, server) -> {
            Task image = upscaled(client);
            Task zoomed = await(client.zoomOut(image.id(), 2.0, Speed.FAST));

            assertThat(zoomed.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(zoomed.action()).isEqualTo(TaskAction.ZOOM);
            JsonNode body = body(lastAction(server));
            String customId = dialect == ButtonDialect.APIMART ? body.path("custom_id").asText()
                    : body.path("customId").asText();
            assertThat(customId).startsWith("MJ::Outpaint::50::1::");
            assertThat(lastAction(server).path()).endsWith(dialect == ButtonDialect.APIMART
                    ? "/generations/zoom" : "/submit/action");
        });
    }

    @Test
    void customZoomOnTheProxyAnswersTheModalWithTheRatio() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            Task image = upscaled(client);
            Task zoomed = await(client.zoomOut(image.id(), 1.7, Speed.FAST));

            assertThat(zoomed.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(zoomed.action()).isEqualTo(TaskAction.ZOOM);
            assertThat(body(lastAction(server)).path("customId").asText()).startsWith("MJ::CustomZoom::");
            RecordedCall modal = server.journal(Route.MODAL).get(0);
            assertThat(modal.path()).isEqualTo("/mj-fast/mj/submit/modal");
            assertThat(body(modal).path("taskId").asText()).isEqualTo(zoomed.id());
            assertThat(body(modal).path("prompt").asText()).isEqualTo("a lighthouse at dusk --zoom 1.7");
        });
    }

    @Test
    void upscaleCreativeAndVaryStrongOnTheProxy() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            Task image = upscaled(client);
            Task creative = await(client.variant(image.id(), VariantMode.UPSCALE_CREATIVE, Speed.FAST));
            assertThat(creative.action()).isEqualTo(TaskAction.UPSCALE_HD);
            assertThat(body(lastAction(server)).path("customId").asText())
                    .startsWith("MJ::JOB::upsample_v6_2x_creative::1::");

            Task strong = await(client.variant(image.id(), VariantMode.VARY_STRONG, Speed.FAST));
            assertThat(strong.action()).isEqualTo(TaskAction.VARIATION);
            assertThat(strong.upscaleButton(4)).isPresent();
            assertThat(body(lastAction(server)).path("customId").asText()).startsWith("MJ::JOB::high_variation::1::");
        });
    }

    @Test
    void varySubtleOnApimartGoesToLowVariation() throws Exception {
        run(Providers.apimart(), (client, server) -> {
            Task image = upscaled(client);
            Task subtle = await(client.variant(image.id(), VariantMode.VARY_SUBTLE, Speed.FAST));

            assertThat(subtle.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(lastAction(server).path()).isEqualTo("/v1/midjourney/generations/low-variation");
            assertThat(body(lastAction(server)).path("custom_id").asText()).startsWith("MJ::JOB::low_variation::1::");
        });
    }

    @Test
    void aPanOnAGridIsRefusedAfterTheParentFetchWithoutAClick() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            Task grid = await(client.imagine("a fox", Speed.FAST));
            int before = server.journal().size();

            assertThatThrownBy(() -> await(client.pan(grid.id(), PanDirection.UP, null)))
                    .cause().isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("upscale");
            assertThat(server.journal().subList(before, server.journal().size()))
                    .extracting(RecordedCall::route).containsOnly(Route.FETCH);
        });
    }

    @Test
    void journeyApiFollowUpsUseItsOwnRoutesOnAnUpscale() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            Task grid = await(client.imagine("a lighthouse at dusk", null));
            Task image = await(client.upscale(grid.id(), 2, null));

            Task panned = await(client.pan(image.id(), PanDirection.UP, null));
            assertThat(panned.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(panned.action()).isEqualTo(TaskAction.PAN);
            assertThat(panned.rawAction()).isEqualTo("pan-up");
            assertThat(panned.imageUrls()).hasSize(4);
            RecordedCall pan = lastAction(server);
            assertThat(pan.method()).isEqualTo("POST");
            assertThat(pan.path()).isEqualTo("/api/v1/pan");
            assertThat(pan.header("Authorization")).isEqualTo(server.apiKey());
            assertThat(body(pan).toString()).isEqualTo("{\"parent_task_id\":\"" + image.id()
                    + "\",\"direction\":\"up\"}");

            Task creative = await(client.variant(image.id(), VariantMode.UPSCALE_CREATIVE, null));
            assertThat(creative.action()).isEqualTo(TaskAction.UPSCALE_HD);
            assertThat(creative.rawAction()).isEqualTo("upscale-creative");
            assertThat(creative.imageUrl()).isNotNull();
            assertThat(lastAction(server).path()).isEqualTo("/api/v1/upscale-alt");
            assertThat(body(lastAction(server)).toString()).isEqualTo("{\"parent_task_id\":\"" + image.id()
                    + "\",\"type\":\"creative\"}");

            Task strong = await(client.variant(image.id(), VariantMode.VARY_STRONG, null));
            assertThat(strong.action()).isEqualTo(TaskAction.VARIATION);
            assertThat(strong.imageUrls()).hasSize(4);
            assertThat(lastAction(server).path()).isEqualTo("/api/v1/variations");
            assertThat(body(lastAction(server)).toString()).isEqualTo("{\"parent_task_id\":\"" + image.id()
                    + "\",\"index\":\"strong\"}");
        });
    }

    @Test
    void journeyApiRefusesAPanOnAGridAfterTheParentFetch() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            Task grid = await(client.imagine("a fox", null));
            int actions = server.journal(Route.ACTION).size();

            assertThatThrownBy(() -> await(client.pan(grid.id(), PanDirection.LEFT, null))).cause()
                    .isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("upscale-1x");
            assertThat(server.journal(Route.ACTION)).hasSize(actions);
        });
    }

    // ---------------------------------------------------------------- Vary (Region)

    @ParameterizedTest
    @EnumSource(ButtonDialect.class)
    void varyRegionClicksInpaintAndAnswersTheModalWithTheMask(ButtonDialect dialect) throws Exception {
        run(dialect.provider, (client, server) -> {
            Task image = upscaled(client);
            RegionMask mask = RegionMask.ofRectangles(256, 256, List.of(new RegionMask.Rect(10, 20, 100, 50)));
            Task varied = await(client.varyRegion(VaryRegionRequest.of(image.id(), mask)
                    .withPrompt("a lighthouse with a red roof").withSpeed(Speed.FAST)));

            assertThat(varied.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(varied.prompt()).isEqualTo("a lighthouse with a red roof");
            RecordedCall click = lastAction(server);
            RecordedCall modal = server.journal(Route.MODAL).get(0);
            JsonNode modalBody = body(modal);
            String sentMask;
            if (dialect == ButtonDialect.APIMART) {
                assertThat(click.path()).isEqualTo("/v1/midjourney/generations/inpaint");
                assertThat(body(click).path("custom_id").asText()).startsWith("MJ::Inpaint::1::");
                assertThat(modal.path()).isEqualTo("/v1/midjourney/generations/modal");
                assertThat(modalBody.path("task_id").asText()).isEqualTo(varied.id());
                sentMask = modalBody.path("mask_url").asText();
            } else {
                assertThat(click.path()).isEqualTo("/mj-fast/mj/submit/action");
                assertThat(body(click).path("customId").asText()).startsWith("MJ::Inpaint::1::");
                assertThat(modal.path()).isEqualTo("/mj-fast/mj/submit/modal");
                assertThat(modalBody.path("taskId").asText()).isEqualTo(varied.id());
                sentMask = modalBody.path("maskBase64").asText();
            }
            assertThat(modalBody.path("prompt").asText()).isEqualTo("a lighthouse with a red roof");
            assertThat(sentMask).startsWith("data:image/png;base64,");
            BufferedImage png = ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder()
                    .decode(sentMask.substring(sentMask.indexOf(',') + 1))));
            assertThat(png.getWidth()).isEqualTo(256);
            assertThat(png.getRGB(50, 40)).isEqualTo(0xFFFFFFFF);
            assertThat(png.getRGB(200, 200)).isEqualTo(dialect == ButtonDialect.APIMART ? 0x00000000 : 0xFF000000);
        });
    }

    @Test
    void aMaskThatDoesNotMatchTheImageFailsBeforeAnySubmit() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            Task image = upscaled(client);
            int actions = server.journal(Route.ACTION).size();
            RegionMask mask = RegionMask.ofRectangles(512, 512, List.of(new RegionMask.Rect(0, 0, 10, 10)));

            assertThatThrownBy(() -> await(client.varyRegion(VaryRegionRequest.of(image.id(), mask)))).cause()
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mask:")
                    .hasMessageContaining("512×512").hasMessageContaining("256×256");
            assertThat(server.journal(Route.ACTION)).hasSize(actions);
            assertThat(server.journal(Route.MODAL)).isEmpty();
        });
    }

    @Test
    void masksAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> RegionMask.ofRectangles(256, 256, List.of(new RegionMask.Rect(200, 0, 100, 10))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rectangles[0]:")
                .hasMessageContaining("256×256");
        assertThatThrownBy(() -> RegionMask.ofRectangles(256, 256, List.of()))
                .hasMessageStartingWith("rectangles:");
        assertThatThrownBy(() -> RegionMask.ofImage(ImageInput.ofUrl("https://x.example/m.png")))
                .hasMessageStartingWith("mask:");
        assertThat(RegionMask.ofImage(png(3)).width()).isEqualTo(8);
    }

    // ---------------------------------------------------------------- shorten (proxy family)

    @Test
    void shortenOnCometApiAnswersFiveShorterPrompts() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            String prompt = "a very detailed oil painting of a red fox sitting in fresh snow at dawn";
            Task shortened = await(client.shorten(prompt, Speed.FAST));

            assertThat(shortened.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(shortened.action()).isEqualTo(TaskAction.SHORTEN);
            assertThat(shortened.shortenedPrompts()).hasSize(5).first().isEqualTo(prompt);
            assertThat(shortened.shortenedPrompts().get(4).length()).isLessThan(prompt.length());
            assertThat(shortened.buttons()).isEmpty();
            RecordedCall call = server.journal(Route.SHORTEN).get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/mj-fast/mj/submit/shorten");
            assertThat(body(call).toString()).isEqualTo("{\"prompt\":\"" + prompt + "\"}");
        });
    }

    @Test
    void apimartAndJourneyApiRefuseShorten() throws Exception {
        for (Provider provider : List.of(Providers.apimart(), Providers.journeyApi())) {
            run(provider, (client, server) -> {
                assertThatThrownBy(() -> client.shorten("a fox", null))
                        .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("shorten");
                assertThat(server.journal()).isEmpty();
            });
        }
    }

    // ---------------------------------------------------------------- image seed and cancel (proxy family)

    @Test
    void imageSeedReadsTheSeedOfAFinishedGrid() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            Task grid = await(client.imagine("a fox --seed 4242", Speed.FAST));
            long seed = await(client.imageSeed(grid.id()));

            assertThat(seed).isEqualTo(4242L);
            assertThat(String.valueOf(grid.extra().get("seed"))).isEqualTo("4242");
            RecordedCall call = server.journal(Route.IMAGE_SEED).get(0);
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.path()).isEqualTo("/mj/task/" + grid.id() + "/image-seed");
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
        });
    }

    @Test
    void imageSeedOfAnUnfinishedTaskFailsWithTheServersCode() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            String id = await(client.submitImagine(io.github.mjsdk.model.ImagineRequest.of("a fox"))).taskId();

            assertThatThrownBy(() -> await(client.imageSeed(id))).cause()
                    .isInstanceOf(io.github.mjsdk.error.MidjourneyException.class);
        });
    }

    @Test
    void cancelEndsARunningTaskInFailure() throws Exception {
        run(Providers.trueAi("http://mj.example:8080"), (client, server) -> {
            String id = await(client.submitImagine(io.github.mjsdk.model.ImagineRequest.of("a slow fox")
                    .withSpeed(Speed.RELAX))).taskId();
            // the wait's timers let virtual time run while this thread goes on: held, the job is still running when
            // the cancel arrives, however far time has moved by then
            server.stallTask(id);
            CompletableFuture<Task> waiting = client.poller().await(id);

            await(client.cancel(id));

            assertThatThrownBy(() -> await(waiting)).cause()
                    .isInstanceOf(io.github.mjsdk.error.TaskFailedException.class).hasMessageContaining("取消任务");
            Task cancelled = client.fetchTask(id);
            assertThat(cancelled.status()).isEqualTo(TaskStatus.FAILURE);
            assertThat(cancelled.failReason()).isEqualTo("取消任务");
            RecordedCall call = server.journal(Route.CANCEL).get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/mj/task/" + id + "/cancel");
            assertThat(call.body()).isEqualTo("{}");
            assertThat(call.status()).isEqualTo(200);
        });
    }

    @Test
    void apimartAndJourneyApiRefuseSeedAndCancel() throws Exception {
        for (Provider provider : List.of(Providers.apimart(), Providers.journeyApi())) {
            run(provider, (client, server) -> {
                assertThatThrownBy(() -> client.imageSeed("t")).isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining(provider.name()).hasMessageContaining("image seed");
                assertThatThrownBy(() -> client.cancel("t")).isInstanceOf(OperationNotSupportedException.class)
                        .hasMessageContaining("cancel");
                assertThat(server.journal()).isEmpty();
            });
        }
    }

    // ---------------------------------------------------------------- balance (apimart, JourneyAPI)

    @Test
    void balanceOnApimartAndJourneyApi() throws Exception {
        run(Providers.apimart(), (client, server) -> {
            await(client.imagine("a fox", Speed.FAST));
            io.github.mjsdk.model.Balance balance = await(client.balance());

            assertThat(balance.remaining()).isEqualByComparingTo("99.95");
            assertThat(balance.used()).isEqualByComparingTo("0.05");
            assertThat(balance.unit()).isEqualTo("balance");
            assertThat(balance.unlimited()).isFalse();
            RecordedCall call = server.journal(Route.BALANCE).get(0);
            assertThat(call.method() + " " + call.path()).isEqualTo("GET /v1/user/balance");
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
        });
        run(Providers.journeyApi(), (client, server) -> {
            io.github.mjsdk.model.Balance balance = await(client.balance());

            assertThat(balance.remaining()).isEqualByComparingTo("1000");
            assertThat(balance.used()).isNull();
            assertThat(balance.unit()).isEqualTo("credits");
            assertThat(balance.raw()).containsEntry("plan", "simulated");
            RecordedCall call = server.journal(Route.BALANCE).get(0);
            assertThat(call.method() + " " + call.path()).isEqualTo("GET /api/v1/account");
            assertThat(call.header("Authorization")).isEqualTo(server.apiKey());
        });
    }

    @Test
    void balanceOnCometApiReadsTheQuotaWithTheKeyAsQueryParameter() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            await(client.imagine("a fox", Speed.FAST));
            io.github.mjsdk.model.Balance balance = await(client.balance());

            assertThat(balance.remaining()).isEqualByComparingTo("99.95");
            assertThat(balance.used()).isEqualByComparingTo("0.05");
            assertThat(balance.unit()).isEqualTo("USD");
            assertThat(balance.raw()).containsEntry("username", "simulated");
            RecordedCall call = server.journal(Route.BALANCE).get(0);
            assertThat(call.method() + " " + call.path()).isEqualTo("GET /user/quota?key=" + server.apiKey());
            assertThat(call.status()).isEqualTo(200);
        });
    }

    @Test
    void aSelfHostedProxyRefusesBalance() throws Exception {
        run(Providers.midjourneyProxy("http://mj.example:8080"), (client, server) -> {
            assertThatThrownBy(client::balance).isInstanceOf(OperationNotSupportedException.class)
                    .hasMessageContaining("midjourney-proxy").hasMessageContaining("account balance");
            assertThat(server.journal()).isEmpty();
        });
    }

    // ---------------------------------------------------------------- refusals and bad input

    @Test
    void journeyApiRefusesWhatItLacksBeforeSending() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            assertThatThrownBy(() -> client.submitAction(io.github.mjsdk.model.ActionRequest.of("t", "MJ::x")))
                    .isInstanceOf(OperationNotSupportedException.class);
            assertThat(server.journal()).isEmpty();
        });
    }

    @Test
    void apimartRefusesCustomZoom() throws Exception {
        run(Providers.apimart(), (client, server) -> {
            assertThatThrownBy(() -> client.zoomOut("t", 1.3, null))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("apimart")
                    .hasMessageContaining("custom zoom");
            assertThat(client.supports(io.github.mjsdk.provider.MidjourneyOperation.PAN)).isTrue();
            assertThat(server.journal()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5, 2.01, 3.0, Double.NaN})
    void aZoomRatioOutsideOneToTwoFailsBeforeSending(double ratio) throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            assertThatThrownBy(() -> client.zoomOut("123", ratio, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("ratio:")
                    .hasMessageContaining("(1, 2]");
            assertThat(server.journal()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 6})
    void aBlendOfFewerThanTwoOrMoreThanFiveImagesIsRefused(int count) {
        List<ImageInput> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(png(i));
        }
        assertThatThrownBy(() -> BlendRequest.of(images)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("images:").hasMessageContaining("2 to 5").hasMessageContaining("got " + count);
    }

    @Test
    void apimartTakesAtMostFourBlendImages() throws Exception {
        run(Providers.apimart(), (client, server) -> {
            List<ImageInput> five = List.of(png(1), png(2), png(3), png(4), png(5));
            assertThatThrownBy(() -> client.blend(BlendRequest.of(five)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("images:")
                    .hasMessageContaining("2 to 4");
            assertThat(server.journal()).isEmpty();
        });
    }

    @Test
    void journeyApiTakesUrlsOnly() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            assertThatThrownBy(() -> client.describe(DescribeRequest.of(png(1))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("image:")
                    .hasMessageContaining("URL");
            assertThat(server.journal()).isEmpty();
        });
    }

    @Test
    void imageInputsAreCheckedForTypeAndSize() {
        byte[] gif = Base64.getDecoder().decode("R0lGODlhAQABAAAAACw=");
        assertThat(ImageInput.of(gif, "image/gif").mimeType()).isEqualTo("image/gif");
        assertThatThrownBy(() -> ImageInput.of(gif, "image/bmp")).hasMessageStartingWith("mimeType:")
                .hasMessageContaining("image/png");
        assertThatThrownBy(() -> ImageInput.of(gif, "image/png")).hasMessageStartingWith("bytes:")
                .hasMessageContaining("image/gif");
        assertThatThrownBy(() -> ImageInput.of("plain text".getBytes(), "image/png"))
                .hasMessageStartingWith("bytes:");
        byte[] huge = new byte[ImageInput.MAX_BYTES + 1];
        huge[0] = (byte) 0x89;
        huge[1] = 'P';
        huge[2] = 'N';
        huge[3] = 'G';
        assertThatThrownBy(() -> ImageInput.of(huge, "image/png")).hasMessageStartingWith("bytes:")
                .hasMessageContaining(Integer.toString(ImageInput.MAX_BYTES));
        assertThatThrownBy(() -> ImageInput.ofUrl("ftp://x/y.png")).hasMessageStartingWith("url:");
        assertThatThrownBy(() -> ImageInput.ofUrl("/relative.png")).hasMessageStartingWith("url:");
    }
}
