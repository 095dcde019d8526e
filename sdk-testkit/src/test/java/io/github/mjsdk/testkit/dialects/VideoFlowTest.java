package io.github.mjsdk.testkit.dialects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.OperationNotSupportedException;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.model.VideoExtendRequest;
import io.github.mjsdk.model.VideoMotion;
import io.github.mjsdk.model.VideoRequest;
import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Video from an image and video extend (docs/protocols.md §h.2.7), end to end against the simulator on virtual
 * time in every dialect that has them: the request on the wire (method, path, auth header, JSON body with each
 * provider's clip numbering), the waited task's clips, and the clips saved as files and checked to be animations.
 * What a dialect lacks is refused before anything is sent.
 */
class VideoFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private interface Body {
        void check(MidjourneyClient client, FakeMidjourneyServer server) throws Exception;
    }

    private static void run(Provider provider, Body body) throws Exception {
        run(FakeMidjourneyServer.builder().provider(provider), body);
    }

    private static void run(FakeMidjourneyServer.Builder builder, Body body) throws Exception {
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer server = builder.virtualTime(time).randomSeed(9).start();
             MidjourneyClient client = server.newClient()) {
            body.check(client, server);
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    private static JsonNode body(RecordedCall call) throws IOException {
        return JSON.readTree(call.body());
    }

    private static ImageInput png() {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 3, 0x00FF00);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return ImageInput.of(bytes.toByteArray(), "image/png");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Each file is a looping animated GIF (several frames), saved under {@code <out>/<id>/video-N.gif}. */
    private void assertAnimations(List<Path> files, Task video) throws IOException {
        assertThat(files).hasSize(video.videoUrls().size());
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            assertThat(file).isEqualTo(out.resolve(video.id()).resolve("video-" + (i + 1) + ".gif"));
            byte[] bytes = Files.readAllBytes(file);
            assertThat(new String(bytes, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
                reader.setInput(in);
                assertThat(reader.getNumImages(true)).as("frames of " + file).isGreaterThan(1);
                reader.dispose();
            }
        }
    }

    private static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the future succeeded");
    }

    // ---------------------------------------------------------------- proxy family

    @Test
    void cometApiAnimatesImageBytesAndExtendsAClipZeroBased() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            ImageInput image = png();
            Task video = await(client.video(VideoRequest.of(image).withPrompt("the grass sways")
                    .withMotion(VideoMotion.HIGH).withBatchSize(2)
                    .withEndImage(ImageInput.ofUrl("https://img.example/end.png")).withSpeed(Speed.TURBO)
                    .withState("order-7")));

            assertThat(video.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(video.action()).isEqualTo(TaskAction.VIDEO);
            assertThat(video.state()).isEqualTo("order-7");
            assertThat(video.videoUrls()).hasSize(2).allSatisfy(url -> assertThat(url).startsWith("http://127.0.0.1:").contains("/mj/video/"));
            assertThat(video.buttons()).isEmpty();
            RecordedCall call = server.journal(Route.VIDEO).get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/mj-turbo/mj/submit/video");
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
            assertThat(body(call).toString()).isEqualTo("{\"motion\":\"high\",\"image\":\"" + image.dataUrl()
                    + "\",\"prompt\":\"the grass sways\",\"endImage\":\"https://img.example/end.png\","
                    + "\"batchSize\":2,\"state\":\"order-7\"}");
            assertAnimations(await(client.images().saveVideos(video, out)), video);

            Task extended = await(client.extendVideo(VideoExtendRequest.of(video.id(), 2).withPrompt("it rains")));
            assertThat(extended.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(extended.action()).isEqualTo(TaskAction.VIDEO);
            assertThat(extended.videoUrls()).hasSize(4);
            RecordedCall extend = server.journal(Route.VIDEO).get(1);
            assertThat(extend.path()).isEqualTo("/mj/submit/video");
            assertThat(body(extend).toString()).isEqualTo("{\"action\":\"extend\",\"taskId\":\"" + video.id()
                    + "\",\"index\":1,\"motion\":\"low\",\"prompt\":\"it rains\"}");
            assertAnimations(await(client.images().saveVideos(extended, out)), extended);
        });
    }

    @Test
    void theProxyRefusesWhatItCannotSendAndTheServerRefusesABadParent() throws Exception {
        run(Providers.cometApi(), (client, server) -> {
            assertThatThrownBy(() -> client.video(VideoRequest.ofGridImage("1712345678901123", 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("parentTaskId:");
            assertThat(server.journal()).isEmpty();

            Throwable unknown = failure(client.extendVideo(VideoExtendRequest.of("1712345678901123", 1)));
            assertThat(unknown).isInstanceOf(NotFoundException.class);

            SubmitResult two = await(client.submitVideo(VideoRequest.of(ImageInput.ofUrl("https://img.example/a.png"))
                    .withBatchSize(1)));
            Task done = await(client.poller().await(two.taskId()));
            assertThat(done.videoUrls()).hasSize(1);
            Throwable noSuchClip = failure(client.extendVideo(VideoExtendRequest.of(done.id(), 3)));
            assertThat(noSuchClip).isInstanceOf(MidjourneyException.class).isNotInstanceOf(NotFoundException.class);
            assertThat(body(server.journal(Route.VIDEO).get(2)).path("index").asInt()).isEqualTo(2);
        });
    }

    @Test
    void theOpenSourceProxyAnswersVideoWithA404AsTheRealServerDoes() throws Exception {
        run(FakeMidjourneyServer.builder().legacyOpenSource(true), (client, server) -> {
            Throwable refused = failure(client.video(VideoRequest.of(png()).withPrompt("waves")));

            assertThat(refused).isInstanceOf(NotFoundException.class);
            RecordedCall call = server.journal(Route.VIDEO).get(0);
            assertThat(call.path()).isEqualTo("/mj/submit/video");
            assertThat(call.status()).isEqualTo(404);
        });
    }

    // ---------------------------------------------------------------- apimart

    @Test
    void apimartAnimatesAUrlAndAGridPictureOneBasedToZeroBased() throws Exception {
        run(Providers.apimart(), (client, server) -> {
            Task video = await(client.video(VideoRequest.of(ImageInput.ofUrl("https://img.example/first.png"))));

            assertThat(video.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(video.action()).isEqualTo(TaskAction.VIDEO);
            assertThat(video.videoUrls()).as("apimart's default batch size").hasSize(1);
            RecordedCall call = server.journal(Route.VIDEO).get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/v1/midjourney/generations/video");
            assertThat(call.header("Authorization")).isEqualTo("Bearer " + server.apiKey());
            assertThat(body(call).toString())
                    .isEqualTo("{\"image_urls\":[\"https://img.example/first.png\"],\"motion\":\"low\"}");
            assertAnimations(await(client.images().saveVideos(video, out)), video);

            Task grid = await(client.imagine("a lighthouse", Speed.FAST));
            Task fromGrid = await(client.video(VideoRequest.ofGridImage(grid.id(), 3).withBatchSize(4)
                    .withMotion(VideoMotion.HIGH).withPrompt("waves crash").withState("s-1")));
            assertThat(fromGrid.videoUrls()).hasSize(4);
            assertThat(body(server.journal(Route.VIDEO).get(1)).toString()).isEqualTo("{\"task_id\":\"" + grid.id()
                    + "\",\"index\":2,\"motion\":\"high\",\"prompt\":\"waves crash\",\"batch_size\":4,"
                    + "\"metadata\":{\"state\":\"s-1\"}}");
            assertAnimations(await(client.images().saveVideos(fromGrid, out)), fromGrid);
        });
    }

    @Test
    void apimartHasNoExtendAndNoCallbacksRefusedBeforeSending() throws Exception {
        run(Providers.apimart(), (client, server) -> {
            assertThat(client.supports(io.github.mjsdk.provider.MidjourneyOperation.VIDEO_EXTEND)).isFalse();
            assertThatThrownBy(() -> client.extendVideo(VideoExtendRequest.of("task_1", 1)))
                    .isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("apimart")
                    .hasMessageContaining("video extend");
            assertThatThrownBy(() -> client.submitExtendVideo(VideoExtendRequest.of("task_1", 1)))
                    .isInstanceOf(OperationNotSupportedException.class);
            assertThatThrownBy(() -> client.video(VideoRequest.of(png())
                    .withNotifyHook("https://hooks.example/mj"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("notifyHook");
            assertThat(server.journal()).isEmpty();
        });
    }

    // ---------------------------------------------------------------- JourneyAPI

    @Test
    void journeyApiImaginesAVideoAndExtendsAClipOneBased() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            Task video = await(client.video(VideoRequest.of(ImageInput.ofUrl("https://img.example/f.png"))
                    .withPrompt("leaves fall").withMotion(VideoMotion.HIGH)));

            assertThat(video.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(video.action()).isEqualTo(TaskAction.VIDEO);
            assertThat(video.rawAction()).isEqualTo("imagine-video");
            assertThat(video.videoUrls()).hasSize(4);
            RecordedCall call = server.journal(Route.VIDEO).get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/api/v1/imagine-video");
            assertThat(call.header("Authorization")).isEqualTo(server.apiKey());
            assertThat(body(call).toString()).isEqualTo("{\"prompt\":\"leaves fall\",\"image_url\":"
                    + "\"https://img.example/f.png\",\"motion\":\"high\"}");
            assertAnimations(await(client.images().saveVideos(video, out)), video);

            Task extended = await(client.extendVideo(VideoExtendRequest.of(video.id(), 4).withPrompt("night")));
            assertThat(extended.rawAction()).isEqualTo("imagine-video-extend");
            assertThat(extended.action()).isEqualTo(TaskAction.VIDEO);
            assertThat(extended.videoUrls()).hasSize(4);
            RecordedCall extend = server.journal(Route.VIDEO).get(1);
            assertThat(extend.path()).isEqualTo("/api/v1/extend-video");
            assertThat(body(extend).toString()).isEqualTo("{\"parent_task_id\":\"" + video.id()
                    + "\",\"index\":\"4\",\"prompt\":\"night\",\"motion\":\"low\"}");
            assertAnimations(await(client.images().saveVideos(extended, out)), extended);
        });
    }

    @Test
    void journeyApiRefusesBytesAMissingPromptAnEndFrameABatchSizeAndAGridPicture() throws Exception {
        run(Providers.journeyApi(), (client, server) -> {
            ImageInput url = ImageInput.ofUrl("https://img.example/f.png");
            assertThatThrownBy(() -> client.video(VideoRequest.of(png()).withPrompt("x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("image:");
            assertThatThrownBy(() -> client.video(VideoRequest.of(url)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("prompt:");
            assertThatThrownBy(() -> client.video(VideoRequest.of(url).withPrompt("x").withEndImage(url)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("endImage:");
            assertThatThrownBy(() -> client.video(VideoRequest.of(url).withPrompt("x").withBatchSize(2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("batchSize:");
            assertThatThrownBy(() -> client.video(VideoRequest.ofGridImage("abc", 1).withPrompt("x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("parentTaskId:");
            assertThatThrownBy(() -> client.extendVideo(VideoExtendRequest.of("abc", 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("prompt:");
            assertThatThrownBy(() -> client.video(VideoRequest.of(url).withPrompt("x").withSpeed(Speed.FAST)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(server.journal()).isEmpty();
        });
    }
}
