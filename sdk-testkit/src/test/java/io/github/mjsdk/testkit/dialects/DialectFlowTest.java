package io.github.mjsdk.testkit.dialects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.image.DownloadedImage;
import io.github.mjsdk.image.SavedGrid;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.provider.Provider;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.RecordedCall;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * THE end-to-end flow of every dialect, the same client calls against the simulator speaking it, on virtual time:
 * imagine → wait → reroll at a tier (JourneyAPI has none) → wait → download and save the images.
 */
class DialectFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "a red fox in fresh snow --ar 3:2";

    @TempDir
    Path dir;

    /**
     * Each dialect, the tier its calls use, what its reroll request looks like on the wire, and the actions its
     * polled tasks report: a PLUS reroll repeats its parent's action (docs/protocols.md §g.12), JourneyAPI's
     * {@code task_type} is {@code reroll}, and apimart's reroll task says REROLL (the SDK polls apimart's unified
     * query, which has no action, then reads the finished task once with the MJ-style query).
     */
    enum Dialect {
        COMET_API(Providers.cometApi(), Speed.TURBO, "/mj-turbo/mj/submit/imagine", "/mj-turbo/mj/submit/action",
                TaskAction.IMAGINE, TaskAction.IMAGINE),
        MIDJOURNEY_PROXY(Providers.midjourneyProxy("https://mj.example.com").withSpeedTiers(true), Speed.RELAX,
                "/mj-relax/mj/submit/imagine", "/mj-relax/mj/submit/action", TaskAction.IMAGINE, TaskAction.IMAGINE),
        APIMART(Providers.apimart(), Speed.FAST, "/v1/midjourney/generations", "/v1/midjourney/generations/reroll",
                TaskAction.IMAGINE, TaskAction.REROLL),
        JOURNEY_API(Providers.journeyApi(), null, "/api/v1/imagine", "/api/v1/reroll", TaskAction.IMAGINE,
                TaskAction.REROLL);

        final Provider provider;
        final Speed tier;
        final String imaginePath;
        final String rerollPath;
        final TaskAction gridAction;
        final TaskAction rerollAction;

        Dialect(Provider provider, Speed tier, String imaginePath, String rerollPath, TaskAction gridAction,
                TaskAction rerollAction) {
            this.provider = provider;
            this.tier = tier;
            this.imaginePath = imaginePath;
            this.rerollPath = rerollPath;
            this.gridAction = gridAction;
            this.rerollAction = rerollAction;
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void imagineWaitRerollAtATierWaitAndSaveTheImages(Dialect dialect) throws Exception {
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer server = FakeMidjourneyServer.builder().provider(dialect.provider)
                     .virtualTime(time).randomSeed(11).start();
             MidjourneyClient client = server.newClient()) {

            Task grid = await(client.imagine(PROMPT, dialect.tier));
            Task fresh = await(client.reroll(grid.id(), dialect.tier));
            SavedGrid saved = await(client.images().saveGrid(fresh, dir));

            assertThat(grid.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(grid.action()).isEqualTo(dialect.gridAction);
            assertThat(fresh.status()).isEqualTo(TaskStatus.SUCCESS);
            assertThat(fresh.action()).isEqualTo(dialect.rerollAction);
            assertThat(fresh.id()).isNotEqualTo(grid.id());
            assertThat(fresh.imageUrl()).startsWith("http://127.0.0.1:").isNotEqualTo(grid.imageUrl());
            assertThat(saved.files()).hasSize(5);
            assertThat(png(Files.readAllBytes(saved.grid())).getWidth()).isEqualTo(512);
            for (Path image : saved.images()) {
                assertThat(png(Files.readAllBytes(image)).getWidth()).isEqualTo(256);
            }
            for (String url : fresh.imageUrls()) {
                DownloadedImage image = await(client.images().download(url));
                assertThat(png(image.bytes())).isNotNull();
            }
            if (dialect.tier != null) {
                assertThat(Duration.between(fresh.submitTime(), fresh.finishTime()))
                        .isEqualTo(server.duration(dialect.tier));
            }

            RecordedCall imagine = server.journal(Route.IMAGINE).get(0);
            assertThat(imagine.path()).isEqualTo(dialect.imaginePath);
            assertImagineBody(dialect, JSON.readTree(imagine.body()));
            List<RecordedCall> rerolls = server.journal(Route.ACTION);
            assertThat(rerolls).hasSize(1);
            RecordedCall reroll = rerolls.get(0);
            assertThat(reroll.method()).isEqualTo("POST");
            assertThat(reroll.path()).isEqualTo(dialect.rerollPath);
            assertThat(reroll.header("Authorization")).isEqualTo(
                    dialect == Dialect.JOURNEY_API ? server.apiKey()
                            : dialect == Dialect.MIDJOURNEY_PROXY ? null : "Bearer " + server.apiKey());
            assertRerollBody(dialect, JSON.readTree(reroll.body()), grid);
            assertThat(server.journal(Route.IMAGINE)).hasSize(1);
            assertThat(server.journal(Route.FETCH)).isNotEmpty().allSatisfy(call -> assertThat(call.status())
                    .isEqualTo(200));
            assertPolls(dialect, server, grid);
        }
    }

    private static void assertImagineBody(Dialect dialect, JsonNode body) {
        switch (dialect) {
            case APIMART:
                assertThat(body.toString()).isEqualTo("{\"speed\":\"fast\",\"prompt\":\"" + PROMPT + "\"}");
                break;
            case JOURNEY_API:
                assertThat(body.toString()).isEqualTo("{\"prompt\":\"" + PROMPT + "\",\"model\":\"midjourney\"}");
                break;
            default:
                assertThat(body.path("prompt").asText()).isEqualTo(PROMPT);
                break;
        }
    }

    /** How each dialect polls: proxy fetches, apimart's unified query (its MJ-style one for the parent), a POST. */
    private static void assertPolls(Dialect dialect, FakeMidjourneyServer server, Task grid) {
        List<String> fetches = server.journal(Route.FETCH).stream().map(c -> c.method() + " " + c.path()).toList();
        switch (dialect) {
            case APIMART:
                assertThat(fetches).contains("GET /v1/tasks/" + grid.id() + "?language=en",
                        "GET /v1/midjourney/" + grid.id());
                break;
            case JOURNEY_API:
                assertThat(fetches).containsOnly("POST /api/v1/fetch");
                break;
            default:
                assertThat(fetches).contains("GET /mj/task/" + grid.id() + "/fetch")
                        .allMatch(fetch -> fetch.matches("GET /mj/task/[0-9]{16}/fetch"));
                break;
        }
    }

    private static void assertRerollBody(Dialect dialect, JsonNode body, Task grid) {
        switch (dialect) {
            case APIMART:
                assertThat(body.toString()).isEqualTo("{\"task_id\":\"" + grid.id() + "\",\"speed\":\"fast\"}");
                break;
            case JOURNEY_API:
                assertThat(body.toString()).isEqualTo("{\"parent_task_id\":\"" + grid.id() + "\"}");
                break;
            default:
                assertThat(body.path("taskId").asText()).isEqualTo(grid.id());
                assertThat(body.path("customId").asText()).contains("::reroll::");
                break;
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    private static BufferedImage png(byte[] bytes) throws IOException {
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).isNotNull();
        return image;
    }
}
