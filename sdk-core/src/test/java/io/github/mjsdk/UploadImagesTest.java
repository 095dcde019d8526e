package io.github.mjsdk;

import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.model.ImageInput;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testing.MockServerTest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** trueai's image upload (docs/protocols.md §h.2.5): its array answer, and the typed failures of the others. */
class UploadImagesTest extends MockServerTest {
    private static final ImageInput GIF = ImageInput.of(Base64.getDecoder().decode("R0lGODlhAQABAAAAACw="),
            "image/gif");

    private CompletableFuture<List<String>> upload() {
        newClient(b -> b.provider(Providers.trueAi(server.url("/").toString())));
        CompletableFuture<List<String>> urls = client.uploadImages(List.of(GIF));
        drive(urls);
        return urls;
    }

    @Test
    void theAnswersArrayIsTheUrlsInOrder() {
        enqueue(json(200, "{\"code\":1,\"description\":\"提交成功\",\"result\":[\"https://cdn.example/a.gif\"]}"));

        assertThat(upload().join()).containsExactly("https://cdn.example/a.gif");
        assertThat(take().getHeaders().get("mj-api-secret")).isEqualTo(API_KEY);
    }

    @Test
    void uploadsSwitchedOffAreCodeFour() {
        enqueue(json(200, "{\"code\":4,\"description\":\"禁止上传\",\"result\":null}"));

        assertThat(failureOf(upload())).isInstanceOf(InvalidRequestException.class).hasMessageContaining("禁止上传");
    }

    @Test
    void aResultThatIsNotAnArrayOfUrlsIsAProtocolError() {
        enqueue(json(200, "{\"code\":1,\"description\":\"ok\",\"result\":\"1712345678901123\"}"));

        assertThat(failureOf(upload())).isInstanceOf(ProtocolException.class).hasMessageContaining("array of URLs");
    }
}
