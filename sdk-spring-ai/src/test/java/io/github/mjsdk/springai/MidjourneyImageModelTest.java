package io.github.mjsdk.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.AdmissionQueueFullException;
import io.github.mjsdk.error.AdmissionTimeoutException;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.BannedPromptException;
import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.error.TaskFailedException;
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
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImageOptionsBuilder;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

/** The Spring AI contract against the simulator, on virtual time (no real waiting). */
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
    void aPromptBecomesOneImagineAndTheResponseCarriesTheFourImages() {
        ImageModel model = new MidjourneyImageModel(client);

        ImageResponse response = model.call(new ImagePrompt("a red fox in fresh snow"));

        List<RecordedCall> imagines = server.journal(Route.IMAGINE);
        assertThat(imagines).hasSize(1);
        assertThat(imagines.get(0).path()).isEqualTo("/mj/submit/imagine");
        assertThat(imagines.get(0).body()).contains("\"prompt\":\"a red fox in fresh snow\"");
        String taskId = response.getMetadata().get(MidjourneyImageModel.TASK_ID);
        List<String> urls = client.fetchTask(taskId).imageUrls();
        assertThat(urls).hasSize(4);
        assertThat(response.getResults()).extracting(generation -> generation.getOutput().getUrl())
                .containsExactlyElementsOf(urls);
        assertThat(response.getResults()).extracting(ImageGeneration::getMetadata)
                .extracting(meta -> ((MidjourneyImageModel.MidjourneyImageGenerationMetadata) meta).index())
                .containsExactly(1, 2, 3, 4);
        assertThat((String) response.getMetadata().get(MidjourneyImageModel.PROMPT))
                .isEqualTo("a red fox in fresh snow");
        assertThat((String) response.getMetadata().get(MidjourneyImageModel.GRID_URL))
                .startsWith(server.baseUrl());
    }

    @Test
    void midjourneyOptionsChooseTierRatioVersionStyleAndCount() {
        ImageModel model = new MidjourneyImageModel(client,
                MidjourneyImageOptions.builder().speed("relax").model("v6.1").build());
        MidjourneyImageOptions options = MidjourneyImageOptions.builder().speed("turbo").aspectRatio("3:2")
                .style("raw").n(2).build();

        ImageResponse response = model.call(new ImagePrompt("a lighthouse", options));

        RecordedCall imagine = server.journal(Route.IMAGINE).get(0);
        assertThat(imagine.path()).isEqualTo("/mj-turbo/mj/submit/imagine");
        assertThat(imagine.body()).contains("\"prompt\":\"a lighthouse --ar 3:2 --v 6.1 --style raw\"");
        assertThat(response.getResults()).hasSize(2);
    }

    @Test
    void portableOptionsWork_widthAndHeightGiveTheRatio_nCountsImages() {
        ImageModel model = new MidjourneyImageModel(client);
        ImagePrompt prompt = new ImagePrompt(List.of(new ImageMessage("a castle", 2f), new ImageMessage("fog", 1f)),
                ImageOptionsBuilder.builder().width(1536).height(1024).n(1).model("niji 6").build());

        ImageResponse response = model.call(prompt);

        assertThat(server.journal(Route.IMAGINE).get(0).body())
                .contains("\"prompt\":\"a castle::2 fog --ar 3:2 --niji 6\"");
        assertThat(response.getResults()).hasSize(1);
    }

    @Test
    void aRatioInThePromptWinsOverTheOption() {
        ImageModel model = new MidjourneyImageModel(client,
                MidjourneyImageOptions.builder().aspectRatio("1:1").build());

        model.call(new ImagePrompt("a bridge --ar 16:9"));

        assertThat(server.journal(Route.IMAGINE).get(0).body()).contains("\"prompt\":\"a bridge --ar 16:9\"");
    }

    @Test
    void b64JsonDownloadsTheImages() {
        ImageModel model = new MidjourneyImageModel(client);

        ImageResponse response = model.call(new ImagePrompt("a whale",
                MidjourneyImageOptions.builder().responseFormat(MidjourneyImageOptions.B64_JSON).n(1).build()));

        assertThat(response.getResults()).singleElement().satisfies(generation -> {
            assertThat(generation.getOutput().getUrl()).isNull();
            assertThat(Base64.getDecoder().decode(generation.getOutput().getB64Json())).startsWith(0x89, 'P', 'N');
        });
        assertThat(server.journal(Route.IMAGE)).hasSize(1);
    }

    @Test
    void nOverFourAndBlankPromptsAreRefusedBeforeAnyRequest() {
        ImageModel model = new MidjourneyImageModel(client);

        assertThatThrownBy(() -> model.call(new ImagePrompt("a cat", ImageOptionsBuilder.builder().n(5).build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be 1..4");
        assertThatThrownBy(() -> model.call(new ImagePrompt(" "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MidjourneyImageOptions.builder().aspectRatio("wide"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.journal()).isEmpty();
    }

    @Test
    void errorsAreSpringAiExceptions_transientOnlyWhenRetryingCanHelp() {
        ImageModel model = new MidjourneyImageModel(client);

        assertThatThrownBy(() -> model.call(new ImagePrompt("nsfw thing")))
                .isInstanceOf(NonTransientAiException.class).hasCauseInstanceOf(BannedPromptException.class);
        assertThatThrownBy(() -> model.call(new ImagePrompt("a cat --foo")))
                .isInstanceOf(NonTransientAiException.class).hasCauseInstanceOf(TaskFailedException.class);
        server.failNext(Route.IMAGINE, 3, Fault.rateLimited(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> model.call(new ImagePrompt("a cat")))
                .isInstanceOf(TransientAiException.class).hasCauseInstanceOf(RateLimitException.class);
        try (MidjourneyClient wrong = server.newClientBuilder().apiKey("sk-wrong").build()) {
            assertThatThrownBy(() -> new MidjourneyImageModel(wrong).call(new ImagePrompt("a cat")))
                    .isInstanceOf(NonTransientAiException.class).hasCauseInstanceOf(AuthenticationException.class);
        }
        assertThat(server.journal(Route.IMAGINE)).hasSize(6);
    }

    @Test
    void theClientsOwnAdmissionQueueFullOrDeadlineIsTransient() {
        assertThat(MidjourneyImageModel.translate(new AdmissionQueueFullException("queue full", 10)))
                .isInstanceOf(TransientAiException.class).hasCauseInstanceOf(AdmissionQueueFullException.class);
        assertThat(MidjourneyImageModel.translate(new AdmissionTimeoutException("not sent in 30m",
                Duration.ofMinutes(30), null))).isInstanceOf(TransientAiException.class);
    }
}
