package io.github.mjsdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Request records: validation that names the parameter, immutability, and summaries without secrets. */
class RequestsTest {
    private static final String HOOK = "https://user:hunter2@hooks.example.com/mj/done?token=hook-secret-123#frag";
    private static final String MASK = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";

    static Stream<Arguments> invalid() {
        String longState = "s".repeat(256);
        Task task = new Task("1712345678901123", null, null, null, null, 0, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        return Stream.of(
                refused("prompt", () -> ImagineRequest.of(null)),
                refused("prompt", () -> ImagineRequest.of(" \t")),
                refused("base64Array", () -> ImagineRequest.of("a fox").withBase64Array(List.of("https://x/a.png"))),
                refused("base64Array", () -> ImagineRequest.of("a fox").withBase64Array(Arrays.asList("data:a", null))),
                refused("state", () -> ImagineRequest.of("a fox").withState(longState)),
                refused("notifyHook", () -> ImagineRequest.of("a fox").withNotifyHook(" ")),
                refused("taskId", () -> ActionRequest.of(null, "MJ::JOB::upsample::1::h")),
                refused("customId", () -> ActionRequest.of("1712345678901123", "")),
                refused("task", () -> ActionRequest.of(null, new Button("MJ::JOB::upsample::1::h", "", "U1", 2, 2))),
                refused("button", () -> ActionRequest.of(task, null)),
                refused("state", () -> ActionRequest.of("1", "MJ::x").withState(longState)),
                refused("notifyHook", () -> ActionRequest.of("1", "MJ::x").withNotifyHook("")),
                refused("modalPrompt", () -> ActionRequest.of("1", "MJ::x").withModalInput(" ", null)),
                refused("maskBase64", () -> ActionRequest.of("1", "MJ::x").withModalInput("p", "")),
                refused("taskId", () -> ModalRequest.of(" ", "a fox")),
                refused("prompt", () -> ModalRequest.of("1", "")),
                refused("maskBase64", () -> ModalRequest.of("1", "a fox").withMaskBase64(" ")),
                refused("taskId", () -> RerollRequest.of(null)),
                refused("prompt", () -> RerollRequest.of("1").withPrompt("  ")),
                refused("state", () -> RerollRequest.of("1").withState(longState)),
                refused("notifyHook", () -> RerollRequest.of("1").withNotifyHook("")));
    }

    private static Arguments refused(String parameter, ThrowingCallable construction) {
        return Arguments.of(parameter, construction);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anInvalidArgumentIsRefusedNamingIt(String parameter, ThrowingCallable construction) {
        assertThatThrownBy(construction).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(parameter);
    }

    @Test
    void stateOf255CharactersIsAccepted() {
        assertThat(ImagineRequest.of("a fox").withState("s".repeat(255)).state()).hasSize(255);
    }

    @Test
    void requestsCopyWhatTheyAreGiven() {
        List<String> images = new ArrayList<>(List.of("data:image/png;base64,AAAA"));
        Map<String, Object> filter = new HashMap<>(Map.of("remix", true));
        ImagineRequest request = ImagineRequest.of("a fox").withBase64Array(images).withAccountFilter(filter);

        images.add("data:image/png;base64,BBBB");
        filter.put("modes", List.of("RELAX"));

        assertThat(request.base64Array()).containsExactly("data:image/png;base64,AAAA");
        assertThat(request.accountFilter()).containsOnlyKeys("remix");
        assertThatThrownBy(() -> request.base64Array().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.accountFilter().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withersKeepEveryOtherField() {
        ActionRequest action = ActionRequest.of("1712345678901123", "MJ::JOB::upsample::2::h")
                .withSpeed(Speed.TURBO).withState("s").withNotifyHook("https://h.example/x").withEnableRemix(true)
                .withChooseSameChannel(false).withModalInput("a fox --zoom 2", MASK);

        assertThat(action).isEqualTo(new ActionRequest("1712345678901123", "MJ::JOB::upsample::2::h", Speed.TURBO,
                "s", "https://h.example/x", true, false, "a fox --zoom 2", MASK));
        assertThat(RerollRequest.of("1").withSpeed(Speed.RELAX).withPrompt("p").withState("s")
                .withNotifyHook("https://h.example/x"))
                .isEqualTo(new RerollRequest("1", Speed.RELAX, "p", "s", "https://h.example/x"));
        assertThat(ModalRequest.of("1", "p").withMaskBase64(MASK).withSpeed(Speed.FAST))
                .isEqualTo(new ModalRequest("1", "p", MASK, Speed.FAST));
    }

    @Test
    void summariesLeaveOutHookSecretsImagesAndMasks() {
        List<String> summaries = List.of(
                ImagineRequest.of("a fox").withNotifyHook(HOOK).withBase64Array(List.of(MASK)).toString(),
                ActionRequest.of("1", "MJ::x").withNotifyHook(HOOK).withModalInput("p", MASK).toString(),
                RerollRequest.of("1").withNotifyHook(HOOK).toString(),
                ModalRequest.of("1", "p").withMaskBase64(MASK).toString());

        for (String summary : summaries) {
            assertThat(summary).doesNotContain("hook-secret-123").doesNotContain("hunter2")
                    .doesNotContain("iVBORw0KGgo").doesNotContain("frag");
        }
        assertThat(summaries.get(0)).contains("hooks.example.com/mj/done?…").contains("images=1");
        assertThat(summaries.get(1)).contains("mask=true");
        assertThat(summaries.get(2)).contains("https://…@hooks.example.com/mj/done?…");
    }

    @Test
    void aSubmitResultSummaryLeavesOutItsProperties() {
        SubmitResult result = new SubmitResult("1712345678901123", 22, "排队中，前面还有3个任务", 3,
                Map.of("numberOfQueues", 3, "notifyHook", HOOK));

        assertThat(result.toString()).contains("1712345678901123").contains("22").contains("queuePosition=3")
                .doesNotContain("hook-secret-123").doesNotContain("hunter2");
    }
}
