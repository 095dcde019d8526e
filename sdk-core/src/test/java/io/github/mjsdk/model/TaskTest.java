package io.github.mjsdk.model;

import static io.github.mjsdk.testing.Fixtures.HASH;
import static io.github.mjsdk.testing.Fixtures.REROLL_CUSTOM_ID;
import static io.github.mjsdk.testing.Fixtures.parse;
import static io.github.mjsdk.testing.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.internal.dialect.TaskReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Button lookups (docs/protocols.md §a.10, §g.11), normalisation and the summary of a Task. */
class TaskTest {

    private static Task read(String fixture) {
        return TaskReader.read(parse(text(fixture)));
    }

    @Test
    void aGridHasItsRerollUpscaleAndVariationButtons() {
        Task grid = read("task/imagine-success.json");

        assertThat(grid.rerollButton()).map(Button::customId).contains(REROLL_CUSTOM_ID);
        for (int index = 1; index <= 4; index++) {
            assertThat(grid.upscaleButton(index)).map(Button::customId)
                    .contains("MJ::JOB::upsample::" + index + "::" + HASH);
            assertThat(grid.variationButton(index)).map(Button::customId)
                    .contains("MJ::JOB::variation::" + index + "::" + HASH);
        }
        assertThat(grid.upscaleButton(5)).isEmpty();
    }

    @Test
    void anUpscaledImageHasNoGridButtons() {
        Task upscale = read("task/upscale-success.json");

        assertThat(upscale.buttons()).hasSize(13);
        assertThat(upscale.rerollButton()).isEmpty();
        assertThat(upscale.upscaleButton(1)).as("Upscale (Subtle) is not U1").isEmpty();
        assertThat(upscale.variationButton(1)).as("Vary (Subtle) is not V1").isEmpty();
    }

    @Test
    void theRerollButtonIsFoundByEmojiOrByCustomId() {
        assertThat(new Button("MJ::JOB::regenerate::0::" + HASH + "::SOLO", Button.REROLL_EMOJI, "", 2, 2)
                .isReroll()).isTrue();
        assertThat(new Button(REROLL_CUSTOM_ID, "", "", 2, 2).isReroll()).isTrue();
        assertThat(new Button("MJ::JOB::upsample::1::" + HASH, "", "U1", 2, 2).isReroll()).isFalse();
        assertThat(new Button(REROLL_CUSTOM_ID, null, null, 0, 0)).satisfies(button -> {
            assertThat(button.emoji()).isEmpty();
            assertThat(button.label()).isEmpty();
            assertThat(button.parsedCustomId().isReroll()).isTrue();
        });
        assertThatThrownBy(() -> new Button(null, "", "", 2, 2)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void componentsAreNormalised() {
        Task done = new Task("7", null, "X", TaskStatus.SUCCESS, "SUCCESS", 40, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        Task running = new Task("8", TaskAction.IMAGINE, "IMAGINE", TaskStatus.IN_PROGRESS, "IN_PROGRESS", 250,
                null, null, null, null, null, List.of("u"), List.of(), null, null, null, null, Map.of("k", 1),
                Map.of());

        assertThat(done.progress()).as("SUCCESS is always 100").isEqualTo(100);
        assertThat(done.action()).isEqualTo(TaskAction.UNKNOWN);
        assertThat(done.buttons()).isEmpty();
        assertThat(done.imageUrls()).isEmpty();
        assertThat(done.properties()).isEmpty();
        assertThat(done.extra()).isEmpty();
        assertThat(running.progress()).isEqualTo(100);
        assertThatThrownBy(() -> running.imageUrls().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> running.properties().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Task(null, null, null, null, null, 0, null, null, null, null, null, null, null,
                null, null, null, null, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theSummaryIsShortAndLeavesOutProperties() {
        Task task = read("task/oss-success.json");

        assertThat(task.properties()).containsKey("notifyHook");
        assertThat(task.toString()).startsWith("Task[id=1712345678901123, action=IMAGINE, status=SUCCESS, progress=100%")
                .contains("buttons=0").doesNotContain("hook-secret-123").doesNotContain("hooks.example.com");
    }

    @Test
    void statusesAndActionsReadLeniently() {
        assertThat(TaskStatus.fromWire("MODAL")).isEqualTo(TaskStatus.MODAL);
        assertThat(TaskStatus.fromWire("cancel")).isEqualTo(TaskStatus.CANCEL);
        assertThat(TaskStatus.fromWire("completed")).isEqualTo(TaskStatus.UNKNOWN);
        assertThat(TaskStatus.fromWire(null)).isEqualTo(TaskStatus.UNKNOWN);
        assertThat(TaskStatus.MODAL.isTerminal()).isFalse();
        assertThat(TaskStatus.UNKNOWN.isTerminal()).isFalse();
        assertThat(TaskAction.fromWire("upscale_hd")).isEqualTo(TaskAction.UPSCALE_HD);
        assertThat(TaskAction.fromWire("PIC_READER")).isEqualTo(TaskAction.UNKNOWN);
        assertThat(TaskAction.fromWire(" ")).isEqualTo(TaskAction.UNKNOWN);
    }
}
