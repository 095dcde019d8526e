package io.github.mjsdk.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testing.Fixtures;
import io.github.mjsdk.testing.MockServerTest;
import io.github.mjsdk.testing.Outcomes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The apimart and JourneyAPI dialects behind the same client calls, asserted on the wire. */
class ProvidersWireTest extends MockServerTest {

    private MidjourneyClient apimart() {
        return newClient(b -> b.provider(Providers.apimart()));
    }

    private MidjourneyClient journey() {
        return newClient(b -> b.provider(Providers.journeyApi()).webhookSecret("whsec-77")
                .notifyHook("https://me.example/hook"));
    }

    @Test
    void apimartImagineWaitAndRerollAtATier() {
        apimart();
        enqueue(Fixtures.json(200, "{\"code\":200,\"data\":[{\"status\":\"submitted\",\"task_id\":\"task_01\"}]}"),
                Fixtures.json(200, "{\"code\":200,\"data\":{\"id\":\"task_01\",\"status\":\"processing\","
                        + "\"progress\":40}}"),
                Fixtures.json(200, "{\"code\":200,\"data\":{\"id\":\"task_01\",\"status\":\"completed\","
                        + "\"progress\":100,\"result\":{\"images\":[{\"url\":\"https://cdn.example/g.png\"}]},"
                        + "\"created\":1763726400,\"completed\":1763726460}}"),
                Fixtures.json(200, "{\"id\":\"task_01\",\"status\":\"SUCCESS\",\"action\":\"IMAGINE\","
                        + "\"progress\":\"100%\",\"grid_image_url\":\"https://cdn.example/g.png\",\"image_urls\":"
                        + "[\"u1\",\"u2\",\"u3\",\"u4\"],\"buttons\":[{\"customId\":"
                        + "\"MJ::JOB::reroll::0::85a4b4c1-8835::SOLO\",\"label\":\"\"}],\"prompt\":\"a red fox --ar 3:2\"}"));

        CompletableFuture<Task> grid = client.imagine(ImagineRequest.of("a red fox --ar 3:2").withSpeed(Speed.TURBO));
        drive(grid);

        RecordedRequest submit = take();
        assertThat(submit.getMethod()).isEqualTo("POST");
        assertThat(submit.getUrl().encodedPath()).isEqualTo("/v1/midjourney/generations");
        assertThat(submit.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(Fixtures.body(submit).toString())
                .isEqualTo("{\"speed\":\"turbo\",\"prompt\":\"a red fox --ar 3:2\"}");
        RecordedRequest poll = take();
        assertThat(poll.getMethod()).isEqualTo("GET");
        assertThat(poll.getUrl().encodedPath()).isEqualTo("/v1/tasks/task_01");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/tasks/task_01");
        assertThat(take().getUrl().encodedPath()).as("the finished task read in full once")
                .isEqualTo("/v1/midjourney/task_01");
        Task done = grid.join();
        assertThat(done.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(done.action()).isEqualTo(io.github.mjsdk.model.TaskAction.IMAGINE);
        assertThat(done.imageUrls()).hasSize(4);
        assertThat(done.rerollButton()).isPresent();

        enqueue(Fixtures.json(200, "{\"id\":\"task_01\",\"status\":\"SUCCESS\",\"action\":\"IMAGINE\","
                        + "\"progress\":\"100%\",\"buttons\":[]}"),
                Fixtures.json(200, "{\"code\":200,\"data\":[{\"status\":\"submitted\",\"task_id\":\"task_02\"}]}"));
        CompletableFuture<?> reroll = client.submitReroll(RerollRequest.of("task_01").withSpeed(Speed.FAST));
        drive(reroll);
        RecordedRequest parent = take();
        assertThat(parent.getUrl().encodedPath()).isEqualTo("/v1/midjourney/task_01");
        RecordedRequest click = take();
        assertThat(click.getUrl().encodedPath()).isEqualTo("/v1/midjourney/generations/reroll");
        assertThat(Fixtures.body(click).toString()).isEqualTo("{\"task_id\":\"task_01\",\"speed\":\"fast\"}");
    }

    @Test
    void apimartRefusesToRerollAnUpscaleBeforeSubmitting() {
        apimart();
        enqueue(Fixtures.json(200, "{\"id\":\"task_03\",\"status\":\"SUCCESS\",\"action\":\"UPSCALE\"}"));

        CompletableFuture<Task> reroll = client.reroll("task_03", Speed.FAST);
        drive(reroll);

        assertThat(Outcomes.failureOf(reroll)).isInstanceOf(IllegalTaskStateException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void apimartCustomTierFailsNamingTheDialectAndNothingIsSent() {
        apimart();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.imagine("cat", SpeedTier.of("/mj-vip")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apimart");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void journeyImagineCarriesWebhookAndPollsWithPostFetch() {
        journey();
        enqueue(Fixtures.json(200, "{\"task_id\":\"661f9511-f30c-52e5-b827-557766551111\"}"),
                Fixtures.json(200, "{\"task_id\":\"661f9511-f30c-52e5-b827-557766551111\",\"task_type\":\"imagine\","
                        + "\"status\":\"finished\",\"percentage\":\"100\",\"original_image_url\":\"https://cdn/g.png\","
                        + "\"image_urls\":[\"a\",\"b\",\"c\",\"d\"]}"));

        CompletableFuture<Task> grid = client.imagine("a red fox", null);
        drive(grid);

        RecordedRequest submit = take();
        assertThat(submit.getUrl().encodedPath()).isEqualTo("/imagine");
        assertThat(submit.getHeaders().get("Authorization")).isEqualTo(API_KEY);
        assertThat(Fixtures.body(submit).toString()).isEqualTo("{\"prompt\":\"a red fox\",\"model\":\"midjourney\","
                + "\"webhook_url\":\"https://me.example/hook\",\"webhook_secret\":\"whsec-77\"}");
        RecordedRequest fetch = take();
        assertThat(fetch.getMethod()).isEqualTo("POST");
        assertThat(fetch.getUrl().encodedPath()).isEqualTo("/fetch");
        assertThat(Fixtures.body(fetch).toString()).isEqualTo("{\"task_id\":\"661f9511-f30c-52e5-b827-557766551111\"}");
        assertThat(grid.join().imageUrls()).hasSize(4);
    }

    @Test
    void journeyRerollWithPromptOverrideNamesTheParent() {
        journey();
        enqueue(Fixtures.json(200, "{\"task_id\":\"p-1\",\"task_type\":\"imagine\",\"status\":\"finished\"}"),
                Fixtures.json(200, "{\"task_id\":\"r-2\"}"));

        CompletableFuture<?> reroll = client.submitReroll(RerollRequest.of("p-1").withPrompt("a blue fox"));
        drive(reroll);

        take();
        RecordedRequest submit = take();
        assertThat(submit.getUrl().encodedPath()).isEqualTo("/reroll");
        assertThat(Fixtures.body(submit).toString()).isEqualTo("{\"parent_task_id\":\"p-1\",\"prompt\":\"a blue fox\","
                + "\"webhook_url\":\"https://me.example/hook\",\"webhook_secret\":\"whsec-77\"}");
    }

    @Test
    void journeyRefusesARerollOfAVariation() {
        journey();
        enqueue(Fixtures.json(200, "{\"task_id\":\"v-1\",\"task_type\":\"variations\",\"status\":\"finished\"}"));

        CompletableFuture<Task> reroll = client.reroll("v-1", null);
        drive(reroll);

        assertThat(Outcomes.failureOf(reroll)).isInstanceOf(IllegalTaskStateException.class)
                .hasMessageContaining("/imagine");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void fetchTasksWithoutABatchRouteQueriesEachIdAndSkipsUnknownOnes() {
        journey();
        enqueue(Fixtures.json(200, "{\"task_id\":\"a\",\"task_type\":\"imagine\",\"status\":\"processing\","
                + "\"percentage\":\"10\"}"), Fixtures.json(200, ""));

        List<Task> tasks = client.fetchTasks(List.of("a", "b"));

        assertThat(tasks).extracting(Task::id).containsExactly("a");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void buildRefusesWhatTheProviderCannotDo() {
        assertThatThrownBy(() -> builder().provider(Providers.journeyApi()).defaultSpeed(Speed.FAST).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JourneyAPI");
        assertThatThrownBy(() -> builder().provider(Providers.apimart()).notifyHook("https://me.example/h").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apimart");
        assertThatThrownBy(() -> MidjourneyClient.builder().provider(Providers.named("midjourney-proxy")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> Providers.named("dall-e")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void presetsCarryTheirDefaults() {
        assertThat(Providers.apimart().defaultBaseUrl()).contains("https://api.apimart.ai");
        assertThat(Providers.journeyApi().defaultAuthScheme()).isEqualTo(io.github.mjsdk.provider.AuthScheme.RAW);
        assertThat(Providers.midjourneyProxy("https://mj.example.com").defaultAuthScheme())
                .isEqualTo(io.github.mjsdk.provider.AuthScheme.MJ_API_SECRET);
        assertThat(Providers.cometApi().capabilities().batchQuery()).isTrue();
        assertThat(Providers.journeyApi().capabilities().speedTiers()).isFalse();
        try (MidjourneyClient comet = MidjourneyClient.builder().apiKey("k-123456").build()) {
            assertThat(comet.toString()).contains("https://api.cometapi.com/").contains("BEARER");
        }
    }
}
