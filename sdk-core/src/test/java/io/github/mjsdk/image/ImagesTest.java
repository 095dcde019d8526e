package io.github.mjsdk.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testing.MockServerTest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest extends MockServerTest {
    private static final String ID = "1712345678901123";
    private static final byte[] PNG = TestImages.png(TestImages.quadrants(64, 48));

    private MockWebServer foreign;

    @TempDir
    Path root;

    @BeforeEach
    void startForeign() throws IOException {
        foreign = new MockWebServer();
        foreign.start();
    }

    @AfterEach
    void stopForeign() {
        foreign.close();
    }

    @Test
    void downloadsAnImageFromTheApiHostWithTheKeyItsTypeAndItsUrl() throws Exception {
        enqueue(image(PNG, "image/png"));
        String url = server.url("/mj/image/" + ID).toString();

        DownloadedImage image = get(client.images().download(url));

        assertThat(image.bytes()).isEqualTo(PNG);
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.sourceUrl()).isEqualTo(url);
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/mj/image/" + ID);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.getHeaders().get("Accept")).contains("image/png", "image/jpeg", "image/webp");
    }

    @Test
    void theKeyIsNotSentToAnotherHost() throws Exception {
        foreign.enqueue(image(PNG, "image/png"));

        get(client.images().download(foreign.url("/attachments/1/grid.png").toString()));

        RecordedRequest request = foreign.takeRequest(10, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().toString()).doesNotContain(API_KEY);
    }

    @Test
    void theKeyIsNotCarriedAcrossARedirectToAnotherHost() throws Exception {
        String cdn = foreign.url("/cdn/grid.png").toString();
        enqueue(new MockResponse.Builder().code(302).setHeader("Location", cdn).build());
        foreign.enqueue(image(PNG, "image/png"));

        DownloadedImage image = get(client.images().download(server.url("/mj/image/" + ID).toString()));

        assertThat(image.bytes()).isEqualTo(PNG);
        assertThat(take().getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        RecordedRequest atCdn = foreign.takeRequest(10, TimeUnit.SECONDS);
        assertThat(atCdn.getHeaders().toString()).doesNotContain(API_KEY);
    }

    @Test
    void theMjApiSecretSchemeIsUsedForTheApiHostOnly() throws Exception {
        newClient(b -> b.authScheme(AuthScheme.MJ_API_SECRET));
        enqueue(image(PNG, "image/png"));
        foreign.enqueue(image(PNG, "image/png"));

        get(client.images().download(server.url("/mj/image/" + ID).toString()));
        get(client.images().download(foreign.url("/grid.png").toString()));

        assertThat(take().getHeaders().get("mj-api-secret")).isEqualTo(API_KEY);
        assertThat(foreign.takeRequest(10, TimeUnit.SECONDS).getHeaders().get("mj-api-secret")).isNull();
    }

    @Test
    void anHtmlPageIsAProtocolExceptionWithABoundedExcerpt() {
        String html = "<!DOCTYPE html><html><body>Just a moment... checking your browser</body></html>"
                + "x".repeat(100_000);
        enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                .body(html).build());

        Throwable failure = failure(client.images().download(server.url("/mj/image/" + ID).toString()));

        assertThat(failure).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("text/html").hasMessageContaining("not an image");
        ProtocolException protocol = (ProtocolException) failure;
        assertThat(protocol.httpStatus()).isEqualTo(200);
        assertThat(protocol.bodyExcerpt()).startsWith("<!DOCTYPE html>").contains("Just a moment");
        assertThat(protocol.bodyExcerpt().length()).isLessThanOrEqualTo(600);
    }

    @Test
    void jsonIsNotAnImageEither() {
        enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"code\":4}").build());

        assertThat(failure(client.images().download(server.url("/x").toString())))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("application/json");
    }

    @Test
    void anUntypedBodyIsAcceptedWhenItsBytesAreAnImage() throws Exception {
        enqueue(image(PNG, "application/octet-stream"));
        enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(PNG)).removeHeader("Content-Type")
                .build());

        DownloadedImage typed = get(client.images().download(server.url("/a").toString()));
        DownloadedImage untyped = get(client.images().download(server.url("/b").toString()));

        assertThat(typed.contentType()).isEqualTo("image/png");
        assertThat(untyped.contentType()).isEqualTo("image/png");
        assertThat(untyped.bytes()).isEqualTo(PNG);
    }

    @Test
    void anUntypedBodyThatIsNotAnImageIsAProtocolException() {
        enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/octet-stream")
                .body("GIF89a not supported").build());

        Throwable failure = failure(client.images().download(server.url("/a").toString()));

        assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("not an image (image/png, image/jpeg or image/webp)");
        assertThat(((ProtocolException) failure).bodyExcerpt()).startsWith("GIF89a");
    }

    @Test
    void aDeclaredLengthOverTheCapFailsAtOnce() {
        newClient(b -> b.maxImageBytes(2048));
        enqueue(image(new byte[4096], "image/png"));

        assertThat(failure(client.images().download(server.url("/big.png").toString())))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("2048-byte cap")
                .hasMessageContaining("Content-Length 4096");
    }

    @Test
    void aChunkedBodyOverTheCapFailsWhileReading() {
        newClient(b -> b.maxImageBytes(2048));
        byte[] big = new byte[8192];
        System.arraycopy(PNG, 0, big, 0, 8);
        enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .chunkedBody(new Buffer().write(big), 1000).build());

        Throwable failure = failure(client.images().download(server.url("/big.png").toString()));

        assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("2048-byte cap")
                .hasMessageNotContaining("Content-Length");
    }

    @Test
    void anImageOfExactlyTheCapIsAccepted() throws Exception {
        newClient(b -> b.maxImageBytes(2048));
        byte[] exact = new byte[2048];
        System.arraycopy(PNG, 0, exact, 0, 8);
        enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .chunkedBody(new Buffer().write(exact), 500).build());

        assertThat(get(client.images().download(server.url("/exact.png").toString())).size()).isEqualTo(2048);
    }

    @Test
    void theDefaultCapIs64MiB() {
        assertThat(client.images().maxBytes()).isEqualTo(64L * 1024 * 1024).isEqualTo(Images.DEFAULT_MAX_BYTES);
    }

    @Test
    void httpErrorsAreTypedLikeApiErrors() {
        enqueue(new MockResponse.Builder().code(404).body("").build());
        enqueue(new MockResponse.Builder().code(401).body("").build());
        enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html>Bad gateway</html>").build());

        assertThat(failure(client.images().download(server.url("/mj/image/1").toString())))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("404");
        assertThat(failure(client.images().download(server.url("/mj/image/2").toString())))
                .isInstanceOf(AuthenticationException.class);
        Throwable server5xx = failure(client.images().download(server.url("/mj/image/3").toString()));
        assertThat(server5xx).isInstanceOf(ServerException.class).hasMessageContaining("502");
        assertThat(((ServerException) server5xx).bodyExcerpt()).contains("Bad gateway");
    }

    @Test
    void aRefusedConnectionIsATransportException() throws IOException {
        MockWebServer gone = new MockWebServer();
        gone.start();
        String url = gone.url("/grid.png").toString();
        gone.close();

        assertThat(failure(client.images().download(url))).isInstanceOf(TransportException.class)
                .hasMessageContaining("GET ");
    }

    @Test
    void messagesLeaveOutTheUrlQuery() {
        enqueue(new MockResponse.Builder().code(404).body("").build());

        assertThat(failure(client.images().download(server.url("/g.png?ex=1&hm=secretsig").toString())))
                .hasMessageNotContaining("secretsig");
    }

    @Test
    void saveGridDownloadsTheTaskImageAndWritesGridAndFourImages() throws Exception {
        enqueue(image(PNG, "image/png"));
        Task grid = task(ID, server.url("/mj/image/" + ID).toString());

        SavedGrid saved = get(client.images().saveGrid(grid, root));

        assertThat(saved.grid()).isEqualTo(root.resolve(ID).resolve("grid.png"));
        assertThat(Files.readAllBytes(saved.grid())).isEqualTo(PNG);
        for (Path quarter : saved.images()) {
            BufferedImage decoded = ImageIO.read(quarter.toFile());
            assertThat(decoded.getWidth()).isEqualTo(32);
            assertThat(decoded.getHeight()).isEqualTo(24);
        }
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/image/" + ID);
    }

    @Test
    void saveImageWritesAnUpscaleAsItIs() throws Exception {
        enqueue(image(PNG, "image/png"));

        Path file = get(client.images().saveImage(task("1712345700000789", server.url("/u").toString()), root));

        assertThat(file).isEqualTo(root.resolve("1712345700000789").resolve("image.png"));
        assertThat(Files.readAllBytes(file)).isEqualTo(PNG);
    }

    @Test
    void saveGridRefusesATaskThatIsNotAGridBeforeDownloading() {
        Task upscale = new Task("1712345700000789", TaskAction.UPSCALE, "UPSCALE", TaskStatus.SUCCESS, "SUCCESS", 100,
                "a fox", null, null, null, server.url("/u").toString(), null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> client.images().saveGrid(upscale, root))
                .isInstanceOf(io.github.mjsdk.error.IllegalTaskStateException.class).hasMessageContaining("UPSCALE")
                .hasMessageContaining("saveImage");
        assertThat(server.getRequestCount()).isZero();
        assertThat(root.resolve("1712345700000789")).doesNotExist();
    }

    @Test
    void theFourImagesAreSavedFromTheirOwnUrlsAsTheyAre() throws Exception {
        byte[][] bodies = new byte[4][];
        java.util.List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bodies[i] = TestImages.png(TestImages.coordinates(10 + i, 8));
            enqueue(image(bodies[i], "image/png"));
            urls.add(server.url("/own/" + (i + 1) + ".png").toString());
        }
        Task grid = new Task(ID, TaskAction.IMAGINE, "IMAGINE", TaskStatus.SUCCESS, "SUCCESS", 100, "a fox", null,
                null, null, server.url("/g").toString(), urls, null, null, null, null, null, null, null);

        java.util.List<Path> saved = get(client.images().saveImages(grid, root));

        assertThat(saved).containsExactly(root.resolve(ID).resolve("image-1.png"), root.resolve(ID).resolve(
                "image-2.png"), root.resolve(ID).resolve("image-3.png"), root.resolve(ID).resolve("image-4.png"));
        for (int i = 0; i < 4; i++) {
            assertThat(Files.readAllBytes(saved.get(i))).as("bytes as served").isEqualTo(bodies[i]);
            assertThat(take().getUrl().encodedPath()).isEqualTo("/own/" + (i + 1) + ".png");
        }
        assertThatThrownBy(() -> client.images().saveImages(task(ID, server.url("/g").toString()), root))
                .isInstanceOf(io.github.mjsdk.error.IllegalTaskStateException.class);
    }

    @Test
    void aGridThatIsNotAnImageFailsTheSaveWithTheDownloadError() {
        enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html/>").build());

        assertThat(failure(client.images().saveGrid(task(ID, server.url("/g").toString()), root)))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void badArgumentsFailBeforeAnyRequest() {
        Images images = client.images();

        assertThatThrownBy(() -> images.download((String) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("url");
        assertThatThrownBy(() -> images.download("ftp://example.com/a.png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url");
        assertThatThrownBy(() -> images.download("/mj/image/1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> images.download(task(ID, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("imageUrl");
        assertThatThrownBy(() -> images.saveGrid(task("../../etc", server.url("/g").toString()), root))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taskId");
        assertThatThrownBy(() -> images.saveGrid(task(ID, server.url("/g").toString()), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theCapOptionIsValidatedAndAClosedClientHasNoImages() {
        assertThatThrownBy(() -> MidjourneyClient.builder().maxImageBytes(1023))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxImageBytes");
        client.close();

        assertThatThrownBy(() -> client.images()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStandaloneHelperUsesTheGivenClientWithoutAKey() throws Exception {
        enqueue(image(PNG, "image/jpg"));
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        try {
            Images images = Images.create(http, Runnable::run, 4096);

            assertThat(get(images.download(server.url("/a.jpg").toString())).contentType()).isEqualTo("image/jpeg");
            assertThat(take().getHeaders().get("Authorization")).isNull();
            assertThat(images.maxBytes()).isEqualTo(4096);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        assertThatThrownBy(() -> Images.create(http, Runnable::run, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBytes");
    }

    private static MockResponse image(byte[] bytes, String type) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", type).body(new Buffer().write(bytes))
                .build();
    }

    private static Task task(String id, String imageUrl) {
        return new Task(id, TaskAction.IMAGINE, "IMAGINE", TaskStatus.SUCCESS, "SUCCESS", 100, "a fox", null, null,
                null, imageUrl, null, null, null, null, null, null, null, null);
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
        throw new AssertionError("expected a failure");
    }
}
