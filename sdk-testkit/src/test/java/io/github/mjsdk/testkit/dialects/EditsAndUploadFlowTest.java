package io.github.mjsdk.testkit.dialects;

import static io.github.mjsdk.testkit.dialects.Sim.await;
import static io.github.mjsdk.testkit.dialects.Sim.body;
import static io.github.mjsdk.testkit.dialects.Sim.png;
import static io.github.mjsdk.testkit.dialects.Sim.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.OperationNotSupportedException;
import io.github.mjsdk.image.DownloadedImage;
import io.github.mjsdk.model.EditRequest;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edits, retexture and image upload end to end against the simulator on virtual time, each request checked on the
 * wire, and each provider that lacks one refusing it before sending.
 */
class EditsAndUploadFlowTest {
    private static final Provider TRUEAI = Providers.trueAi("http://mj.example:8080");

    @Test
    void anEditOnCometApiPostsPromptAndImageAndWaitsForAGridWithButtons() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            ImageInput image = png(2);
            Task edited = await(client.edit(EditRequest.edit("a fox wearing a scarf", image).withSpeed(Speed.FAST)
                    .withState("order-7")));

            assertThat(edited.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(edited.action()).isEqualTo(TaskAction.EDIT);
            assertThat(edited.state()).isEqualTo("order-7");
            assertThat(edited.upscaleButton(1)).isPresent();
            assertThat(edited.rerollButton()).isPresent();
            RecordedCall call = server.journal(Route.EDIT).get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/mj-fast/mj/submit/edits");
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
            assertThat(body(call).toString()).isEqualTo("{\"prompt\":\"a fox wearing a scarf\",\"image\":\""
                    + image.dataUrl() + "\",\"state\":\"order-7\"}");

            Task rerolled = await(client.reroll(edited.id(), Speed.FAST));
            assertThat(rerolled.status()).isEqualTo(TaskStatus.SUCCESS);
        });
    }

    @Test
    void aRetextureOnASelfHostedProxyPostsToRetextureWithAUrlImage() throws Exception {
        run(TRUEAI, (client, server) -> {
            Task retextured = await(client.edit(EditRequest.retexture("made of glass",
                    ImageInput.ofUrl("https://img.example/fox.png"))));

            assertThat(retextured.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(retextured.action()).isEqualTo(TaskAction.RETEXTURE);
            assertThat(retextured.imageUrls()).hasSize(4);
            RecordedCall call = server.journal(Route.EDIT).get(0);
            assertThat(call.method() + " " + call.path()).isEqualTo("POST /mj/submit/retexture");
            assertThat(call.header("mj-api-secret")).isEqualTo(server.apiKey());
            assertThat(body(call).toString()).isEqualTo("{\"prompt\":\"made of glass\",\"image\":"
                    + "\"https://img.example/fox.png\"}");
        });
    }

    @Test
    void anEditOnApimartPostsImageUrls() throws Exception {
        run(Providers.apimart(), (client, server) -> {
            ImageInput image = png(4);
            Task edited = await(client.edit(EditRequest.edit("a fox in a hat", image).withSpeed(Speed.FAST)));

            assertThat(edited.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(edited.action()).isEqualTo(TaskAction.EDIT);
            assertThat(edited.imageUrls()).hasSize(4);
            RecordedCall call = server.journal(Route.EDIT).get(0);
            assertThat(call.method() + " " + call.path()).isEqualTo("POST /v1/midjourney/generations/edits");
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
            assertThat(body(call).toString()).isEqualTo("{\"speed\":\"fast\",\"prompt\":\"a fox in a hat\","
                    + "\"image_urls\":[\"" + image.dataUrl() + "\"]}");
        });
    }

    @Test
    void providersWithoutAnEditorRefuseBeforeSending() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            assertThatThrownBy(() -> client.edit(EditRequest.retexture("glass", png(1))))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("CometAPI")
                    .hasMessageContaining("retexture");
            assertThat(server.journal()).isEmpty();
        });
        run(Providers.apimart(), (client, server) -> {
            assertThatThrownBy(() -> client.submitEdit(EditRequest.retexture("glass", png(1))))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("retexture");
            assertThat(server.journal()).isEmpty();
        });
        run(Providers.journeyApi(), (client, server) -> {
            assertThatThrownBy(() -> client.edit(EditRequest.edit("a hat", ImageInput.ofUrl("https://img.example/a.png"))))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("JourneyAPI")
                    .hasMessageContaining("edits");
            assertThat(server.journal()).isEmpty();
        });
    }

    @Test
    void editRequestsAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> EditRequest.edit(" ", png(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("prompt");
        assertThatThrownBy(() -> EditRequest.edit("a hat", null)).hasMessageStartingWith("image");
        assertThatThrownBy(() -> EditRequest.edit("a hat", png(1)).withState("x".repeat(256)))
                .hasMessageStartingWith("state");
    }

    @Test
    void uploadOnASelfHostedProxyReturnsUrlsThatServeTheBytes() throws Exception {
        run(TRUEAI, (client, server) -> {
            ImageInput first = png(1);
            ImageInput second = png(6);
            List<String> urls = await(client.uploadImages(List.of(first, second)));

            assertThat(urls).hasSize(2).allSatisfy(url -> assertThat(url).startsWith(server.baseUrl() + "/mj/attachments/upload-"));
            DownloadedImage served = await(client.images().download(urls.get(1)));
            assertThat(served.bytes()).isEqualTo(second.bytes());
            assertThat(served.contentType()).startsWith("image/png");
            RecordedCall call = server.journal(Route.UPLOAD_IMAGES).get(0);
            assertThat(call.method() + " " + call.path()).isEqualTo("POST /mj/submit/upload-discord-images");
            assertThat(call.header("mj-api-secret")).isEqualTo(server.apiKey());
            assertThat(body(call).toString()).isEqualTo("{\"base64Array\":[\"" + first.dataUrl() + "\",\""
                    + second.dataUrl() + "\"]}");

            Task grid = await(client.imagine(urls.get(0) + " a fox in the same style", null));
            assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
        });
    }

    @Test
    void anUploadWithAUrlOrNothingFailsBeforeSendingAndOthersRefuseIt() throws Exception {
        run(TRUEAI, (client, server) -> {
            assertThatThrownBy(() -> client.uploadImages(List.of(png(1), ImageInput.ofUrl("https://img.example/a.png"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("images[1]:");
            assertThatThrownBy(() -> client.uploadImages(List.of())).hasMessageStartingWith("images:");
            assertThat(server.journal()).isEmpty();
        });
        for (Provider provider : List.of(Providers.cometApi(), Providers.apimart(), Providers.journeyApi())) {
            run(provider, (client, server) -> {
                assertThatThrownBy(() -> client.uploadImages(List.of(png(1))))
                        .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining(provider.name())
                        .hasMessageContaining("upload images");
                assertThat(server.journal()).isEmpty();
            });
        }
    }
}
