package io.github.mjsdk;

import io.github.mjsdk.testing.Fixtures;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.HASH;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_CUSTOM_ID;
import static io.github.mjsdk.testing.Fixtures.REROLL_ID;
import static io.github.mjsdk.testing.Fixtures.UPSCALE_ID;
import static io.github.mjsdk.testing.Fixtures.body;
import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.parse;
import static io.github.mjsdk.testing.Fixtures.text;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testing.MockServerTest;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reroll (🔄) as the five seeds describe it: the parent must be SUCCESS; the SDK clicks the parent's own reroll button
 * from its latest fetch; a server without buttons gets {@code /submit/change}; a parent with buttons but no reroll
 * button is refused before anything is sent; a prompt override goes through Remix and the modal step; a MODAL task
 * (code 21 at once, or status MODAL on a later fetch) is confirmed with the override, else the parent's prompt.
 */
class RerollTest extends MockServerTest {
    private static final String OVERRIDE = "a red fox at dusk --ar 3:2";

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
    void clicksTheParentsRerollButtonAndWaitsForTheNewGrid(SpeedTier tier, String root) {
        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-accepted.json"),
                ok("task/reroll-in-progress.json"), ok("task/reroll-success.json"));

        Task fresh = await(client.reroll(GRID_ID, tier));

        assertFetch(take(), GRID_ID);
        RecordedRequest click = take();
        assertThat(click.getMethod()).isEqualTo("POST");
        assertThat(click.getUrl().encodedPath()).isEqualTo(root + "/submit/action");
        assertThat(body(click)).isEqualTo(parse(
                "{\"taskId\":\"" + GRID_ID + "\",\"customId\":\"" + REROLL_CUSTOM_ID + "\"}"));
        assertFetch(take(), REROLL_ID);
        assertFetch(take(), REROLL_ID);
        assertThat(fresh.id()).isEqualTo(REROLL_ID);
        assertThat(fresh.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(fresh.imageUrls()).hasSize(4);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void findsTheRerollButtonByItsEmojiWhenTheCustomIdIsUnusual() {
        String renamed = "MJ::JOB::regenerate::0::" + HASH + "::SOLO";
        enqueue(json(200, text("task/imagine-success.json").replace(REROLL_CUSTOM_ID, renamed)),
                ok("submit/reroll-accepted.json"));

        SubmitResult result = valueOf(client.submitReroll(RerollRequest.of(GRID_ID)));

        take();
        assertThat(body(take()).get("customId").asText()).isEqualTo(renamed);
        assertThat(result.taskId()).isEqualTo(REROLL_ID);
    }

    @Test
    void findsTheRerollButtonByItsCustomIdWhenTheEmojiIsMissing() {
        enqueue(json(200, text("task/imagine-success.json").replace("\"emoji\": \"🔄\"", "\"emoji\": \"\"")),
                ok("submit/reroll-accepted.json"));

        valueOf(client.submitReroll(RerollRequest.of(GRID_ID)));

        take();
        assertThat(body(take()).get("customId").asText()).isEqualTo(REROLL_CUSTOM_ID);
    }

    @Test
    void usesTheLatestButtonsEvenWhenGivenATask() {
        enqueue(ok("task/imagine-success.json"));
        Task stale = client.fetchTask(GRID_ID);
        take();
        String rotated = "MJ::JOB::reroll::0::" + HASH + "-rotated::SOLO";
        enqueue(json(200, text("task/imagine-success.json").replace(REROLL_CUSTOM_ID, rotated)),
                ok("submit/reroll-accepted.json"), ok("task/reroll-success.json"));

        await(client.reroll(stale, Speed.FAST));

        assertFetch(take(), GRID_ID);
        assertThat(body(take()).get("customId").asText()).isEqualTo(rotated);
    }

    @Test
    void passesStateAndHookOfTheRequest() {
        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-accepted.json"));
        String hook = "https://hooks.example.com/mj?token=t0k3n";

        valueOf(client.submitReroll(RerollRequest.of(GRID_ID).withState("order-43").withNotifyHook(hook)
                .withSpeed(Speed.TURBO)));

        take();
        assertThat(body(take())).isEqualTo(parse("{\"taskId\":\"" + GRID_ID + "\",\"customId\":\""
                + REROLL_CUSTOM_ID + "\",\"state\":\"order-43\",\"notifyHook\":\"" + hook + "\"}"));
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void aParentWithoutButtonsFallsBackToChange(SpeedTier tier, String root) {
        enqueue(ok("task/oss-success.json"), ok("submit/reroll-accepted.json"), ok("task/reroll-success.json"));

        Task fresh = await(client.reroll(GRID_ID, tier));

        assertFetch(take(), GRID_ID);
        RecordedRequest change = take();
        assertThat(change.getMethod()).isEqualTo("POST");
        assertThat(change.getUrl().encodedPath()).isEqualTo(root + "/submit/change");
        assertThat(body(change)).isEqualTo(parse("{\"taskId\":\"" + GRID_ID + "\",\"action\":\"REROLL\"}"));
        assertFetch(take(), REROLL_ID);
        assertThat(fresh.id()).isEqualTo(REROLL_ID);
    }

    @Test
    void aParentWithNullButtonsFallsBackToChange() {
        enqueue(json(200, text("task/oss-success.json").replace("\"properties\"", "\"buttons\":null,\"properties\"")),
                ok("submit/reroll-accepted.json"));

        valueOf(client.submitReroll(RerollRequest.of(GRID_ID)));

        take();
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/submit/change");
    }

    @Test
    void aParentWithButtonsButNoRerollButtonIsRefusedBeforeAnythingIsSent() {
        enqueue(ok("task/upscale-success.json"));

        Throwable failure = failureOf(client.reroll(UPSCALE_ID, Speed.TURBO));

        assertThat(failure).isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("no reroll button");
        assertThat(((IllegalTaskStateException) failure).task().id())
                .isEqualTo(UPSCALE_ID);
        assertThat(server.getRequestCount()).as("only the parent was fetched").isEqualTo(1);
    }

    static Stream<String> unfinishedParents() {
        return Stream.of("task/imagine-submitted.json", "task/imagine-in-progress.json", "task/imagine-failure.json",
                "task/reroll-modal.json", "task/newapi-reduced.json");
    }

    @ParameterizedTest
    @MethodSource("unfinishedParents")
    void aParentThatIsNotSuccessIsRefusedBeforeAnythingIsSent(String parent) {
        enqueue(ok(parent));
        String parentId = Fixtures.parse(Fixtures.text(parent)).get("id").asText();

        Throwable failure = failureOf(client.reroll(parentId, Speed.FAST));

        assertThat(failure).isInstanceOf(IllegalTaskStateException.class).hasMessageContaining("SUCCESS");
        assertThat(((IllegalTaskStateException) failure).task().status()).isNotEqualTo(TaskStatus.SUCCESS);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anUnknownParentIsNotFoundBeforeAnythingIsSent() {
        enqueue(new MockResponse.Builder().code(200).build());

        Throwable failure = failureOf(client.reroll(GRID_ID, Speed.FAST));

        assertThat(failure).isInstanceOf(NotFoundException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aPromptOverrideOnAServerWithoutButtonsIsRefused() {
        enqueue(ok("task/oss-success.json"));

        Throwable failure = failureOf(client.reroll(RerollRequest.of(GRID_ID).withPrompt(OVERRIDE)));

        assertThat(failure).isInstanceOf(IllegalTaskStateException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("tiers")
    void code21IsConfirmedAtOnceWithTheParentsPrompt(SpeedTier tier, String root) {
        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-modal.json"),
                ok("submit/modal-accepted-number.json"), ok("task/reroll-success.json"));

        Task fresh = await(client.reroll(GRID_ID, tier));

        assertFetch(take(), GRID_ID);
        assertThat(body(take())).isEqualTo(parse(
                "{\"taskId\":\"" + GRID_ID + "\",\"customId\":\"" + REROLL_CUSTOM_ID + "\"}"));
        RecordedRequest modal = take();
        assertThat(modal.getUrl().encodedPath()).isEqualTo(root + "/submit/modal");
        assertThat(body(modal)).isEqualTo(parse("{\"taskId\":\"" + REROLL_ID + "\",\"prompt\":\"" + PROMPT + "\"}"));
        assertFetch(take(), REROLL_ID);
        assertThat(fresh.id()).isEqualTo(REROLL_ID);
    }

    @Test
    void aModalFoundOnALaterFetchIsConfirmedWithTheParentsPrompt() {
        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-accepted.json"), ok("task/reroll-modal.json"),
                ok("submit/modal-accepted-number.json"), ok("task/reroll-in-progress.json"),
                ok("task/reroll-success.json"));

        Task fresh = await(client.reroll(GRID_ID, Speed.TURBO));

        assertFetch(take(), GRID_ID);
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj-turbo/mj/submit/action");
        assertFetch(take(), REROLL_ID);
        RecordedRequest modal = take();
        assertThat(modal.getUrl().encodedPath()).isEqualTo("/mj-turbo/mj/submit/modal");
        assertThat(body(modal)).isEqualTo(parse("{\"taskId\":\"" + REROLL_ID + "\",\"prompt\":\"" + PROMPT + "\"}"));
        assertFetch(take(), REROLL_ID);
        assertFetch(take(), REROLL_ID);
        assertThat(fresh.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void aModalThatContinuesUnderAnotherIdIsFollowed() {
        String next = "1712345699999999";
        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-accepted.json"), ok("task/reroll-modal.json"),
                json(200, "{\"code\":22,\"description\":\"排队中\",\"result\":\"" + next
                        + "\",\"properties\":{\"numberOfQueues\":1}}"),
                json(200, text("task/reroll-success.json").replace(REROLL_ID, next)));

        Task fresh = await(client.reroll(GRID_ID, Speed.FAST));

        take();
        take();
        assertFetch(take(), REROLL_ID);
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj-fast/mj/submit/modal");
        assertFetch(take(), next);
        assertThat(fresh.id()).isEqualTo(next);
    }

    @Test
    void aPromptOverrideIsSentWithRemixThenTheModalStep() {
        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-modal.json"),
                ok("submit/modal-accepted-number.json"), ok("task/reroll-success.json"));

        Task fresh = await(client.reroll(RerollRequest.of(GRID_ID).withPrompt(OVERRIDE).withSpeed(Speed.FAST)));

        assertFetch(take(), GRID_ID);
        RecordedRequest click = take();
        assertThat(click.getUrl().encodedPath()).isEqualTo("/mj-fast/mj/submit/action");
        assertThat(body(click)).isEqualTo(parse("{\"taskId\":\"" + GRID_ID + "\",\"customId\":\""
                + REROLL_CUSTOM_ID + "\",\"enableRemix\":true}"));
        RecordedRequest modal = take();
        assertThat(modal.getUrl().encodedPath()).isEqualTo("/mj-fast/mj/submit/modal");
        assertThat(body(modal)).isEqualTo(parse("{\"taskId\":\"" + REROLL_ID + "\",\"prompt\":\"" + OVERRIDE + "\"}"));
        assertThat(fresh.id()).isEqualTo(REROLL_ID);
    }

    @Test
    void aPromptOverrideIsUsedForAModalFoundLater() {
        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-accepted.json"), ok("task/reroll-modal.json"),
                ok("submit/modal-accepted-number.json"), ok("task/reroll-success.json"));

        await(client.reroll(RerollRequest.of(GRID_ID).withPrompt(OVERRIDE)));

        take();
        assertThat(body(take()).get("enableRemix").asBoolean()).isTrue();
        take();
        assertThat(body(take())).isEqualTo(parse("{\"taskId\":\"" + REROLL_ID + "\",\"prompt\":\"" + OVERRIDE + "\"}"));
    }

    @Test
    void submitRerollAnswersAnImmediateModalAndReturnsItsResult() {
        enqueue(ok("task/imagine-success.json"), ok("submit/reroll-modal.json"),
                ok("submit/modal-accepted-number.json"));

        SubmitResult result = valueOf(client.submitReroll(RerollRequest.of(GRID_ID)));

        assertThat(result.taskId()).isEqualTo(REROLL_ID);
        assertThat(result.waitsForModal()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    private Task await(CompletableFuture<Task> future) {
        drive(future);
        return valueOf(future);
    }

    private static void assertFetch(RecordedRequest request, String id) {
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/mj/task/" + id + "/fetch");
    }
}
