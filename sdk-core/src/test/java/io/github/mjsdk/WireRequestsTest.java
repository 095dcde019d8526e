package io.github.mjsdk;

import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.provider.AuthScheme;
import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.HASH;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_ID;
import static io.github.mjsdk.testing.Fixtures.body;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.okArray;
import static io.github.mjsdk.testing.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.BotType;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.testing.MockServerTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every call's method, path, headers and JSON body on the wire (docs/protocols.md §a.3, §a.4, §c.2), for each tier
 * and each auth scheme. Null fields are left out of request bodies.
 */
class WireRequestsTest extends MockServerTest {
    private static final String HOOK = "https://hooks.example.com/mj?token=hook-secret-123";
    private static final String MASK = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";

    static Stream<Arguments> tiers() {
        return Stream.of(
                Arguments.of(null, "/mj"),
                Arguments.of(Speed.RELAX, "/mj-relax/mj"),
                Arguments.of(Speed.FAST, "/mj-fast/mj"),
                Arguments.of(Speed.TURBO, "/mj-turbo/mj"),
                Arguments.of(SpeedTier.of("/mj-vip"), "/mj-vip/mj"));
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void imagineCarriesEveryFieldUnderTheTierPrefix(SpeedTier tier, String root) throws Exception {
        enqueue(ok("submit/accepted.json"));
        ImagineRequest request = ImagineRequest.of(PROMPT)
                .withSpeed(tier)
                .withState("order-42")
                .withNotifyHook(HOOK)
                .withBotType(BotType.NIJI_JOURNEY)
                .withBase64Array(List.of("data:image/png;base64,AAAA"))
                .withAccountFilter(Map.of("modes", List.of("TURBO", "FAST"), "remix", false));

        SubmitResult result = client.submitImagine(request).get(10, TimeUnit.SECONDS);

        RecordedRequest recorded = take();
        assertPost(recorded, root + "/submit/imagine");
        assertThat(body(recorded)).isEqualTo(parse("""
                {"prompt":"a red fox in fresh snow --ar 3:2","base64Array":["data:image/png;base64,AAAA"],
                 "botType":"NIJI_JOURNEY","accountFilter":{"modes":["TURBO","FAST"],"remix":false},
                 "state":"order-42","notifyHook":"https://hooks.example.com/mj?token=hook-secret-123"}"""));
        assertThat(result.taskId()).isEqualTo(GRID_ID);
        assertThat(result.code()).isEqualTo(1);
    }

    @Test
    void imagineLeavesNullFieldsOut() throws Exception {
        enqueue(ok("submit/accepted.json"));

        client.submitImagine(ImagineRequest.of(PROMPT)).get(10, TimeUnit.SECONDS);

        RecordedRequest recorded = take();
        assertPost(recorded, "/mj/submit/imagine");
        assertThat(recorded.getBody().utf8()).doesNotContain("null");
        assertThat(body(recorded)).isEqualTo(parse("{\"prompt\":\"a red fox in fresh snow --ar 3:2\"}"));
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void theClientsDefaultSpeedAndHookApplyWhenARequestHasNone(SpeedTier tier, String root) throws Exception {
        newClient(b -> b.defaultSpeed(tier).notifyHook(HOOK));
        enqueue(ok("submit/accepted.json"), ok("task/imagine-success.json"));

        client.submitImagine(ImagineRequest.of(PROMPT)).get(10, TimeUnit.SECONDS);
        client.fetchTask(GRID_ID);

        RecordedRequest submit = take();
        assertPost(submit, root + "/submit/imagine");
        assertThat(body(submit)).isEqualTo(parse("{\"prompt\":\"" + PROMPT + "\",\"notifyHook\":\"" + HOOK + "\"}"));
        RecordedRequest fetch = take();
        assertThat(fetch.getUrl().encodedPath()).as("a task query is never prefixed")
                .isEqualTo("/mj/task/" + GRID_ID + "/fetch");
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void actionCarriesEveryField(SpeedTier tier, String root) throws Exception {
        enqueue(ok("submit/reroll-accepted.json"));
        String customId = "MJ::JOB::upsample::2::" + HASH;
        ActionRequest request = ActionRequest.of(GRID_ID, customId)
                .withSpeed(tier)
                .withState("order-42")
                .withNotifyHook(HOOK)
                .withEnableRemix(true)
                .withChooseSameChannel(false);

        SubmitResult result = client.submitAction(request).get(10, TimeUnit.SECONDS);

        RecordedRequest recorded = take();
        assertPost(recorded, root + "/submit/action");
        assertThat(body(recorded)).isEqualTo(parse("""
                {"taskId":"1712345678901123","customId":"MJ::JOB::upsample::2::85a4b4c1-8835-46c5-a15c-aea34fad1862",
                 "state":"order-42","notifyHook":"https://hooks.example.com/mj?token=hook-secret-123",
                 "enableRemix":true,"chooseSameChannel":false}"""));
        assertThat(result.taskId()).isEqualTo(REROLL_ID);
    }

    @Test
    void actionLeavesNullFieldsOut() throws Exception {
        enqueue(ok("submit/reroll-accepted.json"));

        client.submitAction(ActionRequest.of(GRID_ID, "MJ::JOB::variation::3::" + HASH)).get(10, TimeUnit.SECONDS);

        RecordedRequest recorded = take();
        assertPost(recorded, "/mj/submit/action");
        assertThat(body(recorded)).isEqualTo(parse(
                "{\"taskId\":\"" + GRID_ID + "\",\"customId\":\"MJ::JOB::variation::3::" + HASH + "\"}"));
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void modalCarriesTaskPromptAndMask(SpeedTier tier, String root) throws Exception {
        enqueue(ok("submit/modal-accepted-number.json"));
        ModalRequest request = ModalRequest.of(REROLL_ID, "a red fox in deep snow --ar 3:2 --zoom 2")
                .withMaskBase64(MASK)
                .withSpeed(tier);

        SubmitResult result = client.submitModal(request).get(10, TimeUnit.SECONDS);

        RecordedRequest recorded = take();
        assertPost(recorded, root + "/submit/modal");
        assertThat(body(recorded)).isEqualTo(parse("{\"taskId\":\"" + REROLL_ID
                + "\",\"prompt\":\"a red fox in deep snow --ar 3:2 --zoom 2\",\"maskBase64\":\"" + MASK + "\"}"));
        assertThat(result.taskId()).as("result as a JSON number").isEqualTo(REROLL_ID);
    }

    @Test
    void modalWithoutPromptSendsOnlyTheTaskId() throws Exception {
        enqueue(ok("submit/modal-accepted-number.json"));

        client.submitModal(ModalRequest.of(REROLL_ID, null)).get(10, TimeUnit.SECONDS);

        assertThat(body(take())).isEqualTo(parse("{\"taskId\":\"" + REROLL_ID + "\"}"));
    }

    @Test
    void fetchIsAPlainGet() {
        enqueue(ok("task/imagine-success.json"));

        Task task = client.fetchTask(GRID_ID);

        RecordedRequest recorded = take();
        assertThat(recorded.getMethod()).isEqualTo("GET");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/mj/task/1712345678901123/fetch");
        assertThat(recorded.getBodySize()).isZero();
        assertThat(recorded.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(recorded.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(task.id()).isEqualTo(GRID_ID);
    }

    @Test
    void fetchEncodesAnIdThatIsNotPathSafe() {
        enqueue(ok("task/imagine-success.json"));

        assertThatThrownBy(() -> client.fetchTask("task 01/x")).as("the answer is another task")
                .isInstanceOf(ProtocolException.class).hasMessageContaining("not the task asked for");

        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/task/task%2001%2Fx/fetch");
    }

    @Test
    void listByConditionPostsTheIdsOnce() {
        enqueue(okArray("task/reroll-in-progress.json", "task/imagine-success.json"));

        List<Task> tasks = client.fetchTasks(List.of(GRID_ID, REROLL_ID, GRID_ID));

        RecordedRequest recorded = take();
        assertPost(recorded, "/mj/task/list-by-condition");
        assertThat(body(recorded)).isEqualTo(parse("{\"ids\":[\"" + GRID_ID + "\",\"" + REROLL_ID + "\"]}"));
        assertThat(tasks).extracting(Task::id).containsExactly(REROLL_ID, GRID_ID);
    }

    @Test
    void listOfNoIdsSendsNothing() {
        assertThat(client.fetchTasks(List.of())).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    static Stream<Arguments> schemes() {
        return Stream.of(
                Arguments.of(AuthScheme.BEARER, "Authorization", "Bearer " + API_KEY),
                Arguments.of(AuthScheme.MJ_API_SECRET, "mj-api-secret", API_KEY),
                Arguments.of(AuthScheme.RAW, "Authorization", API_KEY));
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void eachAuthSchemeSendsOneHeaderOnSubmitsAndQueries(AuthScheme scheme, String header, String value)
            throws Exception {
        newClient(b -> b.authScheme(scheme));
        enqueue(ok("submit/accepted.json"), ok("task/imagine-success.json"));

        client.submitImagine(ImagineRequest.of(PROMPT).withSpeed(Speed.TURBO)).get(10, TimeUnit.SECONDS);
        client.fetchTask(GRID_ID);

        for (RecordedRequest recorded : List.of(take(), take())) {
            assertThat(recorded.getHeaders().values(header)).containsExactly(value);
            String other = header.equals("Authorization") ? "mj-api-secret" : "Authorization";
            assertThat(recorded.getHeaders().get(other)).isNull();
        }
    }

    @Test
    void noKeyMeansNoCredentialHeader() {
        newClient(b -> b.apiKey(null));
        enqueue(ok("task/imagine-success.json"));

        client.fetchTask(GRID_ID);

        RecordedRequest recorded = take();
        assertThat(recorded.getHeaders().get("Authorization")).isNull();
        assertThat(recorded.getHeaders().get("mj-api-secret")).isNull();
    }

    @Test
    void aBaseUrlWithAPathKeepsIt() {
        newClient(b -> b.baseUrl(server.url("/api/").toString()));
        enqueue(ok("task/imagine-success.json"));

        client.fetchTask(GRID_ID);

        assertThat(take().getUrl().encodedPath()).isEqualTo("/api/mj/task/" + GRID_ID + "/fetch");
    }

    private static void assertPost(RecordedRequest recorded, String path) {
        assertThat(recorded.getMethod()).isEqualTo("POST");
        assertThat(recorded.getUrl().encodedPath()).isEqualTo(path);
        assertThat(recorded.getUrl().query()).isNull();
        assertThat(recorded.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(recorded.getHeaders().get("Accept")).isEqualTo("application/json");
    }
}
