package io.github.mjsdk.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testing.MockServerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Images#saveVideos(Task, Path)}: the clips of a video task saved one after the other under the image
 * download's rules (type check, size cap, redirects hop by hop, link-local refusal).
 */
class VideoSavingTest extends MockServerTest {
    private static final String ID = "1712345678901124";
    /** The start of an MP4: a {@code ftyp} box of brand {@code isom}, then filler. */
    private static final byte[] MP4 = mp4(600);

    @TempDir
    Path root;

    private static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        byte[] head = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(head, 0, bytes, 0, head.length);
        Arrays.fill(bytes, head.length, size, (byte) 7);
        return bytes;
    }

    private static MockResponse clip(byte[] bytes, String type) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", type).body(new Buffer().write(bytes))
                .build();
    }

    private static Task video(String... urls) {
        List<Map<String, String>> clips = Arrays.stream(urls).map(url -> Map.of("url", url)).toList();
        return new Task(ID, TaskAction.VIDEO, "VIDEO", TaskStatus.SUCCESS, "SUCCESS", 100, "waves", null, null, null,
                null, null, null, null, null, null, null, null, Map.of("videoUrls", clips, "videoUrl", urls[0]));
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the future succeeded");
    }

    @Test
    void savesEachClipAsItIsInOrderWithItsExtension() throws Exception {
        byte[] gif = "GIF89a-frames".getBytes(StandardCharsets.US_ASCII);
        enqueue(clip(MP4, "video/mp4"), new MockResponse.Builder().code(302).setHeader("Location", "/cdn/2").build(),
                clip(gif, "application/octet-stream"));
        Task video = video(server.url("/v/1.mp4").toString(), server.url("/v/2").toString());

        List<Path> files = get(client.images().saveVideos(video, root));

        assertThat(files).containsExactly(root.resolve(ID).resolve("video-1.mp4"),
                root.resolve(ID).resolve("video-2.gif"));
        assertThat(Files.readAllBytes(files.get(0))).isEqualTo(MP4);
        assertThat(Files.readAllBytes(files.get(1))).isEqualTo(gif);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v/1.mp4");
        assertThat(first.getHeaders().get("Accept")).startsWith("video/mp4");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v/2");
        assertThat(server.takeRequest().getUrl().encodedPath()).as("the redirect, followed hop by hop")
                .isEqualTo("/cdn/2");
    }

    @Test
    void anHtmlPageInsteadOfAVideoIsAProtocolException() {
        enqueue(clip("<html>expired</html>".getBytes(StandardCharsets.UTF_8), "text/html"));

        Throwable failure = failure(client.images().saveVideos(video(server.url("/v/1.mp4").toString()), root));

        assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("text/html")
                .hasMessageContaining("not a video (video/mp4");
        assertThat(root.resolve(ID).resolve("video-1.mp4")).doesNotExist();
    }

    @Test
    void aClipOverTheCapIsRefused() {
        newClient(b -> b.maxImageBytes(2048));
        enqueue(clip(mp4(4096), "video/mp4"));

        Throwable failure = failure(client.images().saveVideos(video(server.url("/v/1.mp4").toString()), root));

        assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("a video over the 2048-byte"
                + " cap");
    }

    @Test
    void aLinkLocalClipUrlIsRefusedBeforeAnyRequest() {
        Throwable failure = failure(client.images().saveVideos(video("http://169.254.169.254/latest/x.mp4"), root));

        assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("refused");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aTaskWithoutClipsIsRefusedAndNothingIsDownloaded() {
        Task image = new Task(ID, TaskAction.IMAGINE, "IMAGINE", TaskStatus.SUCCESS, "SUCCESS", 100, "a fox", null,
                null, null, server.url("/grid.png").toString(), null, null, null, null, null, null, null, null);

        assertThat(image.videoUrls()).isEmpty();
        assertThatThrownBy(() -> client.images().saveVideos(image, root))
                .isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("no video URLs");
        assertThatThrownBy(() -> client.images().saveVideos(video("https://cdn.example/1.mp4"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root");
        assertThat(server.getRequestCount()).isZero();
    }
}
