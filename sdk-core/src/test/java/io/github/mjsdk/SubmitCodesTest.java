package io.github.mjsdk;

import io.github.mjsdk.model.Speed;
import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.HASH;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_CUSTOM_ID;
import static io.github.mjsdk.testing.Fixtures.REROLL_ID;
import static io.github.mjsdk.testing.Fixtures.UPSCALE_ID;
import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static io.github.mjsdk.testing.Outcomes.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.BannedPromptException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.QueueFullException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.ServiceUnavailableException;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.testing.MockServerTest;
import org.junit.jupiter.api.Test;

/**
 * Business codes of submit answers (docs/protocols.md §a.5, §g.2–§g.5; docs/architecture.md §6 for code 3). The description is
 * shown, never used to decide: each fixture's text says one thing while the context decides another where it can.
 */
class SubmitCodesTest extends MockServerTest {

    @Test
    void code1IsAccepted() {
        enqueue(ok("submit/accepted.json"));

        SubmitResult result = valueOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(result.taskId()).isEqualTo(GRID_ID);
        assertThat(result.code()).isEqualTo(SubmitResult.CODE_SUCCESS);
        assertThat(result.queued()).isFalse();
        assertThat(result.queuePosition()).isZero();
        assertThat(result.waitsForModal()).isFalse();
        assertThat(result.description()).isEqualTo("提交成功");
        assertThat(result.properties()).containsEntry("discordInstanceId", "1118138338562560102");
    }

    @Test
    void code22IsAcceptedWithTheQueuePosition() {
        enqueue(ok("submit/queued.json"));

        SubmitResult result = valueOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(result.taskId()).isEqualTo(GRID_ID);
        assertThat(result.code()).isEqualTo(22);
        assertThat(result.queued()).isTrue();
        assertThat(result.queuePosition()).isEqualTo(3);
    }

    @Test
    void code21OnAPlusServerWaitsForTheModal() {
        enqueue(ok("submit/reroll-modal.json"));

        SubmitResult result = valueOf(client.submitAction(ActionRequest.of(GRID_ID, REROLL_CUSTOM_ID)));

        assertThat(result.taskId()).isEqualTo(REROLL_ID);
        assertThat(result.waitsForModal()).isTrue();
        assertThat(result.properties()).containsEntry("remix", true);
    }

    @Test
    void code21OnAnOldServerNamesTheTaskThatAlreadyExists() {
        enqueue(ok("submit/upscale-existed.json"));

        SubmitResult result = valueOf(client.submitAction(
                ActionRequest.of(GRID_ID, "MJ::JOB::upsample::2::" + HASH)));

        assertThat(result.taskId()).isEqualTo(UPSCALE_ID);
        assertThat(result.code()).isEqualTo(21);
        assertThat(result.waitsForModal()).isFalse();
        assertThat(result.properties()).containsEntry("status", "SUCCESS");
    }

    @Test
    void code23IsQueueFull() {
        enqueue(ok("submit/queue-full.json"));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(QueueFullException.class);
        assertApi(failure, 200, 23, "队列已满，请稍后尝试");
    }

    @Test
    void code24IsABannedPromptWithTheWord() {
        enqueue(ok("submit/banned.json"));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of("a bloody fox")));

        assertThat(failure).isInstanceOf(BannedPromptException.class).hasMessageContaining("bloody");
        assertThat(((BannedPromptException) failure).bannedWord()).contains("bloody");
        assertApi(failure, 200, 24, "可能包含敏感词");
    }

    @Test
    void code24WithoutAWordStillIsABannedPrompt() {
        enqueue(json(200, "{\"code\":24,\"description\":\"banned prompt\",\"result\":null,\"properties\":{}}"));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of("a fox")));

        assertThat(failure).isInstanceOf(BannedPromptException.class);
        assertThat(((BannedPromptException) failure).bannedWord()).isEmpty();
    }

    @Test
    void code3OnACallWithoutParentMeansNoAccountWhateverTheDescriptionSays() {
        enqueue(ok("submit/parent-unknown.json"));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
        assertApi(failure, 200, 3, "关联任务不存在或已失效");
    }

    @Test
    void code3OnAModalMeansNoAccount() {
        enqueue(ok("submit/no-account.json"));

        Throwable failure = failureOf(client.submitModal(ModalRequest.of(REROLL_ID, PROMPT)));

        assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void code3OnSubmitActionMeansTheParentIsUnknownWhateverTheDescriptionSays() {
        enqueue(ok("submit/no-account.json"));

        Throwable failure = failureOf(client.submitAction(ActionRequest.of(GRID_ID, REROLL_CUSTOM_ID)));

        assertThat(failure).isInstanceOf(NotFoundException.class);
        assertApi(failure, 200, 3, "无可用的账号实例");
    }

    @Test
    void code3AfterTheSdkFetchedTheParentMeansNoAccount() {
        enqueue(ok("task/imagine-success.json"), ok("submit/parent-unknown.json"));

        Throwable failure = failureOf(client.submitReroll(RerollRequest.of(GRID_ID)));

        assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/task/" + GRID_ID + "/fetch");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/submit/action");
    }

    @Test
    void code3AfterTheSdkFetchedTheParentOfAnUpscaleMeansNoAccount() {
        enqueue(ok("task/imagine-success.json"), ok("submit/parent-unknown.json"));

        Throwable failure = failureOf(client.upscale(GRID_ID, 2, Speed.FAST));

        assertThat(failure).isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void code4IsAnInvalidRequest() {
        enqueue(ok("submit/invalid.json"));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of("--ar 3:2")));

        assertThat(failure).isInstanceOf(InvalidRequestException.class);
        assertApi(failure, 200, 4, "prompt不能为空");
    }

    @Test
    void code9IsAServerFailure() {
        enqueue(ok("submit/failure.json"));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isExactlyInstanceOf(ServerException.class);
        assertApi(failure, 200, 9, "提交失败，系统异常");
    }

    @Test
    void anyOtherCodeIsAServerFailureWithTheServersMessage() {
        enqueue(ok("submit/trueai-logic-error.json"));

        Throwable failure = failureOf(client.submitAction(ActionRequest.of(GRID_ID, REROLL_CUSTOM_ID)));

        assertThat(failure).isExactlyInstanceOf(ServerException.class).hasMessageContaining("并发数已达上限");
        assertApi(failure, 200, -1, "并发数已达上限");
    }

    @Test
    void aCodeAsTextIsRead() {
        enqueue(json(200, "{\"code\":\"22\",\"description\":\"queued\",\"result\":\"" + GRID_ID
                + "\",\"properties\":{\"numberOfQueues\":\"2\"}}"));

        SubmitResult result = valueOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(result.code()).isEqualTo(22);
        assertThat(result.queuePosition()).isEqualTo(2);
    }

    @Test
    void anAcceptanceWithoutATaskIdIsAProtocolError() {
        enqueue(ok("submit/no-result.json"));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("result");
        assertThat(((ProtocolException) failure).httpStatus()).isEqualTo(200);
    }

    @Test
    void aJsonAnswerWithoutACodeIsAProtocolError() {
        enqueue(json(200, "{\"status\":\"ok\"}"));

        Throwable failure = failureOf(client.submitImagine(ImagineRequest.of(PROMPT)));

        assertThat(failure).isInstanceOf(ProtocolException.class);
        assertThat(((ProtocolException) failure).bodyExcerpt()).isEqualTo("{\"status\":\"ok\"}");
    }

    private static void assertApi(Throwable failure, int status, int code, String description) {
        assertThat(failure).isInstanceOf(MidjourneyException.class).isInstanceOf(RuntimeException.class);
        ApiException api = (ApiException) failure;
        assertThat(api.httpStatus()).isEqualTo(status);
        assertThat(api.code()).hasValue(code);
        assertThat(api.description()).contains(description);
        assertThat(api.getMessage()).contains("code " + code);
    }
}
