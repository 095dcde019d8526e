package io.github.mjsdk.internal.dialect;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.HASH;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_CUSTOM_ID;
import static io.github.mjsdk.testing.Fixtures.parse;
import static io.github.mjsdk.testing.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.Button;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.model.TaskStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The task parser over fixtures shaped like docs/protocols.md §a.6, §b.6, §c.2, §c.4 and §g.7–§g.14. */
class TaskReaderTest {

    private static Task read(String fixture) {
        return TaskReader.read(parse(text(fixture)));
    }

    @Test
    void aFinishedGridWithButtonsAndExtras() {
        Task task = read("task/imagine-success.json");

        assertThat(task.id()).isEqualTo(GRID_ID);
        assertThat(task.action()).isEqualTo(TaskAction.IMAGINE);
        assertThat(task.rawAction()).isEqualTo("IMAGINE");
        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.progress()).isEqualTo(100);
        assertThat(task.prompt()).isEqualTo(PROMPT);
        assertThat(task.promptEn()).isEqualTo(PROMPT);
        assertThat(task.description()).isEqualTo("/imagine " + PROMPT);
        assertThat(task.state()).isEqualTo("order-42");
        assertThat(task.imageUrl()).endsWith("fox_" + HASH + ".png");
        assertThat(task.imageUrls()).containsExactly(
                "https://cdn.example.com/mj/" + HASH + "_0.png", "https://cdn.example.com/mj/" + HASH + "_1.png",
                "https://cdn.example.com/mj/" + HASH + "_2.png", "https://cdn.example.com/mj/" + HASH + "_3.png");
        assertThat(task.failReason()).isNull();
        assertThat(task.submitTime()).isEqualTo(Instant.ofEpochMilli(1712345678901L));
        assertThat(task.startTime()).isEqualTo(Instant.ofEpochMilli(1712345680112L));
        assertThat(task.finishTime()).isEqualTo(Instant.ofEpochMilli(1712345712345L));
        assertThat(task.buttons()).hasSize(9);
        assertThat(task.buttons().get(4)).isEqualTo(new Button(REROLL_CUSTOM_ID, "🔄", "", 2, 2));
        assertThat(task.buttons()).extracting(Button::label)
                .containsExactly("U1", "U2", "U3", "U4", "", "V1", "V2", "V3", "V4");
        assertThat(task.finalPrompt()).contains(PROMPT + " --v 6.1");
        assertThat(task.messageHash()).contains(HASH);
        assertThat(task.discordInstanceId()).contains("1118138338562560102");
        assertThat(task.extra()).containsEntry("mode", "TURBO").containsEntry("seed", "2984316720")
                .containsEntry("botType", "MID_JOURNEY").containsEntry("customId", "").containsEntry("maskBase64", "")
                .doesNotContainKeys("id", "status", "buttons", "properties", "imageUrls", "progress");
        assertThat(task.isTerminal()).isTrue();
    }

    @Test
    void aRunningTaskHasNullButtonsAsAnEmptyList() {
        Task task = read("task/imagine-in-progress.json");

        assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(task.progress()).isEqualTo(45);
        assertThat(task.buttons()).isEmpty();
        assertThat(task.imageUrl()).endsWith("_grid_0.webp");
        assertThat(task.imageUrls()).isEmpty();
        assertThat(task.finishTime()).isNull();
        assertThat(task.isTerminal()).isFalse();
    }

    @Test
    void aSubmittedTaskHasNoStartYet() {
        Task task = read("task/imagine-submitted.json");

        assertThat(task.status()).isEqualTo(TaskStatus.SUBMITTED);
        assertThat(task.progress()).isZero();
        assertThat(task.startTime()).isNull();
        assertThat(task.imageUrl()).isNull();
    }

    @Test
    void aFailedTaskHasEmptyProgressAndAReason() {
        Task task = read("task/imagine-failure.json");

        assertThat(task.status()).isEqualTo(TaskStatus.FAILURE);
        assertThat(task.progress()).isZero();
        assertThat(task.failReason()).isEqualTo("[Invalid parameter] Invalid value for --q");
        assertThat(task.state()).isNull();
    }

    @Test
    void aGatewaysReducedTaskHasZeroTimestampsAsAbsent() {
        Task task = read("task/newapi-reduced.json");

        assertThat(task.status()).isEqualTo(TaskStatus.NOT_START);
        assertThat(task.submitTime()).isEqualTo(Instant.ofEpochMilli(1712345678901L));
        assertThat(task.startTime()).isNull();
        assertThat(task.finishTime()).isNull();
        assertThat(task.progress()).isZero();
        assertThat(task.imageUrl()).contains("?rand=");
        assertThat(task.finalPrompt()).as("\"\" is unset on gateways").isEmpty();
        assertThat(task.extra()).containsEntry("videoUrl", "");
    }

    @Test
    void anOpenSourceProxyTaskHasNoButtons() {
        Task task = read("task/oss-success.json");

        assertThat(task.buttons()).isEmpty();
        assertThat(task.imageUrls()).isEmpty();
        assertThat(task.rerollButton()).isEmpty();
    }

    @Test
    void unknownValuesAreKeptRawAndNumbersAreAccepted() {
        Task task = read("task/unknown-values.json");

        assertThat(task.id()).as("a numeric id as a string").isEqualTo(GRID_ID);
        assertThat(task.action()).isEqualTo(TaskAction.UNKNOWN);
        assertThat(task.rawAction()).isEqualTo("UPSCALE_4X_CREATIVE");
        assertThat(task.status()).isEqualTo(TaskStatus.UNKNOWN);
        assertThat(task.rawStatus()).isEqualTo("WAITING_FOR_GPU");
        assertThat(task.isTerminal()).isFalse();
        assertThat(task.progress()).isEqualTo(45);
        assertThat(task.submitTime()).isEqualTo(Instant.ofEpochMilli(1712345678901L));
        assertThat(task.imageUrls()).containsExactly("https://cdn.example.com/a.png", "https://cdn.example.com/b.png");
        assertThat(task.buttons()).singleElement().satisfies(button -> {
            assertThat(button.customId()).isEqualTo("MJ::JOB::upsample::1::" + HASH);
            assertThat(button.emoji()).isEmpty();
            assertThat(button.type()).isZero();
        });
        assertThat(task.discordInstanceId()).contains("1118138338562560102");
        assertThat(task.extra()).containsEntry("isPartner", false).containsEntry("width", 1456)
                .containsKeys("videoUrls", "accountFilter");
        assertThat(task.toString()).contains("WAITING_FOR_GPU").contains("UPSCALE_4X_CREATIVE");
    }

    @Test
    void lowerCaseStatusesAreRead() {
        Task task = TaskReader.read(parse("{\"id\":\"7\",\"status\":\" success \",\"action\":\"imagine\"}"));

        assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
        assertThat(task.action()).isEqualTo(TaskAction.IMAGINE);
    }

    @Test
    void nodesWithoutAnIdAreNotTasks() {
        assertThat(TaskReader.read(parse("{\"status\":\"SUCCESS\"}"))).isNull();
        assertThat(TaskReader.read(parse("{\"id\":\"  \"}"))).isNull();
        assertThat(TaskReader.read(parse("[]"))).isNull();
        assertThat(TaskReader.read(null)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            "45%"              | 45
            "45"               | 45
            " 45 % "           | 45
            "0%"               | 0
            "100%"             | 100
            ""                 | 0
            null               | 0
            NULL               | 0
            45                 | 45
            45.7               | 45
            "Waiting to start" | 0
            "120%"             | 100
            "-5%"              | 0
            true               | 0
            """)
    void progressIsAnIntPercent(String json, int percent) {
        assertThat(TaskReader.progress(json == null ? null : parse(json))).isEqualTo(percent);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            1712345678901     | 1712345678901
            "1712345678901"   | 1712345678901
            0                 | NULL
            null              | NULL
            ""                | NULL
            "soon"            | NULL
            NULL              | NULL
            """)
    void timestampsAreMillisecondsWithZeroAsAbsent(String json, Long millis) {
        Instant expected = millis == null ? null : Instant.ofEpochMilli(millis);
        assertThat(TaskReader.millis(json == null ? null : parse(json))).isEqualTo(expected);
    }
}
