package io.github.mjsdk.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.image.Image;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.image.ImageModel;
import dev.langchain4j.model.output.Response;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.error.AdmissionQueueFullException;
import io.github.mjsdk.error.AdmissionTimeoutException;
import io.github.mjsdk.error.BannedPromptException;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Fault;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The LangChain4j contract against the simulator, on virtual time (no real waiting). */
class MidjourneyImageModelTest {
    private VirtualTime time;
    private FakeMidjourneyServer server;
    private MidjourneyClient client;

    @BeforeEach
    void start() {
        time = VirtualTime.create();
        server = FakeMidjourneyServer.builder().virtualTime(time).start();
        client = server.newClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        time.close();
    }

    @Test
    void generateSubmitsOneImagineWithTheOptionsAndAnswersTheFirstImage() {
        ImageModel model = MidjourneyImageModel.builder().client(client).speed("turbo").aspectRatio("16:9")
                .modelName("v7").build();

        Response<Image> response = model.generate("a lighthouse at dawn");

        List<RecordedCall> imagines = server.journal(Route.IMAGINE);
        assertThat(imagines).hasSize(1);
        assertThat(imagines.get(0).path()).isEqualTo("/mj-turbo/mj/submit/imagine");
        assertThat(imagines.get(0).tier()).isEqualTo(Speed.TURBO);
        assertThat(imagines.get(0).body()).contains("\"prompt\":\"a lighthouse at dawn --ar 16:9 --v 7\"");
        String taskId = (String) response.metadata().get("taskId");
        assertThat(taskId).matches("\\d{16}");
        assertThat(response.metadata()).containsEntry("prompt", "a lighthouse at dawn --ar 16:9 --v 7")
                .containsKey("gridUrl");
        assertThat(response.content().url().toString()).startsWith(server.baseUrl() + "/mj/image/");
        assertThat(response.content().revisedPrompt()).contains("a lighthouse at dawn");
        assertThat(client.fetchTask(taskId).imageUrls()).first().isEqualTo(response.content().url().toString());
    }

    @Test
    void generateNAnswersTheFirstNImagesOfOneGridInOrder() {
        ImageModel model = MidjourneyImageModel.builder().client(client).build();

        Response<List<Image>> response = model.generate("a red fox --ar 3:2", 3);

        assertThat(server.journal(Route.IMAGINE)).hasSize(1);
        assertThat(server.journal(Route.IMAGINE).get(0).path()).isEqualTo("/mj/submit/imagine");
        assertThat(server.journal(Route.IMAGINE).get(0).body()).contains("\"prompt\":\"a red fox --ar 3:2\"");
        List<String> all = client.fetchTask((String) response.metadata().get("taskId")).imageUrls();
        assertThat(response.content()).extracting(image -> image.url().toString()).containsExactlyElementsOf(
                all.subList(0, 3));
    }

    @Test
    void base64DownloadsThePngs() {
        ImageModel model = MidjourneyImageModel.builder().client(client).base64(true).build();

        Response<List<Image>> response = model.generate("a blue whale", 2);

        assertThat(response.content()).hasSize(2).allSatisfy(image -> {
            assertThat(image.url()).isNull();
            assertThat(image.mimeType()).isEqualTo("image/png");
            byte[] png = Base64.getDecoder().decode(image.base64Data());
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        });
        assertThat(server.journal(Route.IMAGE)).hasSize(2);
    }

    @Test
    void nOutsideOneToFourAndBlankPromptsAreRefusedBeforeAnyRequest() {
        ImageModel model = MidjourneyImageModel.builder().client(client).build();

        assertThatThrownBy(() -> model.generate("a cat", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n must be 1..4");
        assertThatThrownBy(() -> model.generate("a cat", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.generate(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MidjourneyImageModel.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.journal()).isEmpty();
    }

    @Test
    void aBannedPromptIsContentFiltered() {
        ImageModel model = MidjourneyImageModel.builder().client(client).build();

        assertThatThrownBy(() -> model.generate("nsfw thing")).isInstanceOf(ContentFilteredException.class)
                .hasCauseInstanceOf(BannedPromptException.class);
        assertThat(server.journal(Route.IMAGINE)).hasSize(1);
    }

    @Test
    void aRejectedKeyIsAnAuthenticationError() {
        try (MidjourneyClient wrong = server.newClientBuilder().apiKey("sk-wrong").build()) {
            ImageModel model = MidjourneyImageModel.builder().client(wrong).build();

            assertThatThrownBy(() -> model.generate("a cat")).isInstanceOf(AuthenticationException.class);
        }
        assertThat(server.journal(Route.IMAGINE)).singleElement().extracting(RecordedCall::status).isEqualTo(401);
    }

    @Test
    void a429ThatOutlastsTheRetriesIsARateLimit() {
        server.failNext(Route.IMAGINE, 3, Fault.rateLimited(Duration.ofSeconds(1)));
        ImageModel model = MidjourneyImageModel.builder().client(client).build();

        assertThatThrownBy(() -> model.generate("a cat")).isInstanceOf(RateLimitException.class);
        assertThat(server.journal(Route.IMAGINE)).hasSize(3);
    }

    @Test
    void theClientsOwnAdmissionQueueFullIsARateLimitAndItsDeadlineATimeout() {
        assertThat(MidjourneyImageModel.translate(new AdmissionQueueFullException("queue full", 10)))
                .isInstanceOf(RateLimitException.class).hasCauseInstanceOf(AdmissionQueueFullException.class);
        assertThat(MidjourneyImageModel.translate(new AdmissionTimeoutException("not sent in 30m",
                Duration.ofMinutes(30), null))).isInstanceOf(TimeoutException.class)
                .hasCauseInstanceOf(AdmissionTimeoutException.class);
    }

    @Test
    void aFailedJobIsNonRetriable() {
        ImageModel model = MidjourneyImageModel.builder().client(client).build();

        assertThatThrownBy(() -> model.generate("a cat --foo")).isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("Invalid parameter");
    }
}
