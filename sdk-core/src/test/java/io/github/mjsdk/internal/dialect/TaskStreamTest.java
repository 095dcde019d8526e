package io.github.mjsdk.internal.dialect;

import static io.github.mjsdk.testing.Fixtures.parse;
import static io.github.mjsdk.testing.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.util.LazyJsonMap;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.provider.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming task reader of the proxy dialect's fetch and list answers gives exactly what the tree reader
 * ({@link TaskReader#read}) gives for the same JSON: every task fixture, odd value shapes, and malformed input.
 */
class TaskStreamTest {
    private static final Instant NOW = Instant.parse("2024-04-05T19:34:38.901Z");
    private static final Dialect PROXY = Dialects.of(Protocol.MIDJOURNEY_PROXY, null);

    static Stream<String> fixtures() {
        return Stream.of("imagine-in-progress", "reroll-modal", "imagine-failure", "imagine-submitted",
                "reroll-in-progress", "imagine-cancel", "reroll-success", "newapi-reduced", "imagine-success",
                "unknown-values", "upscale-success", "oss-success").map(name -> "task/" + name + ".json");
    }

    private static ApiResponse answer(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new ApiResponse(ApiRequest.get("/mj/task/1/fetch"), 200, "application/json", body, null, null, null);
    }

    private static Task streamed(String json) {
        return PROXY.parseTask(answer(json), "1", NOW);
    }

    private static void assertSame(Task streamed, Task tree) {
        assertThat(streamed).isEqualTo(tree);
        assertThat(streamed.properties()).isEqualTo(tree.properties());
        assertThat(List.copyOf(streamed.properties().keySet())).isEqualTo(List.copyOf(tree.properties().keySet()));
        assertThat(List.copyOf(streamed.extra().keySet())).isEqualTo(List.copyOf(tree.extra().keySet()));
        assertThat(streamed.extra()).isEqualTo(tree.extra());
        assertThat(streamed.toString()).isEqualTo(tree.toString());
        assertThat(streamed.hashCode()).isEqualTo(tree.hashCode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureReadsAsTheTreeReaderReadsIt(String fixture) {
        String json = text(fixture);

        assertSame(streamed(json), TaskReader.read(parse(json)));
    }

    @ParameterizedTest(name = "then {0}")
    @ValueSource(strings = {"\"\"", "45", "null", "\"  \""})
    void aRepeatedProgressReadsAsTheTreeReaderReadsItsLastValue(String last) {
        // the tree keeps the last of two equal keys; a textual first value must not survive in extra
        String json = "{\"id\":\"1\",\"status\":\"NOT_START\",\"progress\":\" 3:2\",\"progress\":" + last
                + "}";

        assertSame(streamed(json), TaskReader.read(parse(json)));
    }

    @Test
    void aListAnswerReadsEveryTaskAsTheTreeReaderDoes() {
        List<String> all = fixtures().map(io.github.mjsdk.testing.Fixtures::text).toList();
        String json = "[" + String.join(",", all) + ", 7, null, {\"status\":\"SUCCESS\"}, [1]]";

        List<Task> tasks = PROXY.parseTasks(answer(json), NOW);

        List<Task> expected = new ArrayList<>();
        for (String one : all) {
            expected.add(TaskReader.read(parse(one)));
        }
        assertThat(tasks).hasSize(expected.size());
        for (int i = 0; i < tasks.size(); i++) {
            assertSame(tasks.get(i), expected.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"id\":1712345678901123,\"status\":\"SUCCESS\",\"progress\":100}",
        "{\"id\":-0,\"progress\":45.7,\"submitTime\":\"1712345678901\",\"startTime\":1.7123456789E12}",
        "{\"id\":1.50,\"progress\":\" 45 % \",\"finishTime\":99999999999999999999999}",
        "{\"id\":true,\"action\":7,\"status\":false,\"progress\":true,\"prompt\":{\"a\":1},\"state\":[1]}",
        "{\"id\":\"a\",\"id\":\"b\",\"mode\":\"FAST\",\"mode\":\"TURBO\",\"properties\":{},\"properties\":{\"x\":1}}",
        "{\"id\":\"a\",\"properties\":[1],\"imageUrls\":\"x\",\"buttons\":{}}",
        "{\"id\":\"a\",\"properties\":{\"n\":{\"deep\":[1,2.5,\"é\",null,true]},\"big\":123456789012345678901234}}",
        "{\"id\":\"a\",\"imageUrls\":[\"u1\",{\"url\":\"u2\"},{\"url\":3},7,null,[\"u3\"],\" \",{\"url\":\"a\",\"url\":\"b\"}]}",
        "{\"id\":\"a\",\"buttons\":[{\"custom_id\":\"c1\",\"type\":\"2\",\"style\":true},"
                + "{\"customId\":\"c2\",\"custom_id\":\"c3\",\"type\":2.9,\"style\":3000000000,\"emoji\":null},"
                + "{\"customId\":\" \"},\"c4\",{\"customId\":5,\"label\":6,\"type\":null,\"style\":{\"a\":1}}]}",
        "{\"id\" : \"a\" , \"seed\" : \"29\" , \"nested\" : { \"k\" : [ ] } , \"flag\" : false , \"n\" : null }",
        "{\"id\":\"\\u00e9\\n\\\"q\\\"\",\"extra\\\"name\":\"v\",\"status\":\"in_progress\"}",
    })
    void oddShapesReadAsTheTreeReaderReadsThem(String json) {
        assertSame(streamed(json), TaskReader.read(parse(json)));
    }

    @Test
    void propertiesAndUnknownFieldsStayTextUntilRead() {
        Task task = streamed(text("task/imagine-success.json"));

        assertThat(task.properties()).isInstanceOf(LazyJsonMap.class);
        assertThat(task.extra()).isInstanceOf(LazyJsonMap.class).containsEntry("mode", "TURBO");
        assertThat(task.properties()).containsKey("finalPrompt");
        assertThat(streamed("{\"id\":\"a\",\"properties\":{ }}").properties()).isSameAs(Map.of());
        assertThat(streamed("{\"id\":\"a\"}").extra()).isSameAs(Map.of());
    }

    @Test
    void lazyMapsAreUnmodifiable() {
        Task task = streamed("{\"id\":\"a\",\"properties\":{\"k\":\"v\"},\"mode\":\"FAST\"}");

        assertThatThrownBy(() -> task.properties().put("k", "w")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> task.extra().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(task.properties()).containsExactly(Map.entry("k", "v"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"id\":\"a\"", "{\"id\":\"a\"}}", "{\"id\":\"a\"} {\"id\":\"b\"}", "{\"id\":\"a\",\"x\":\"\\q\"}",
        "{\"id\":\"a\",\"x\":[1,}", "{\"id\":\"a\",\"properties\":{\"k\":}}", "{\"id\":\"a\",\"x\":01}",
        "<html><body>502 Bad Gateway</body></html>", "{\"id\":\"a\",\"x\":tru}", "[{\"id\":\"a\"}"
    })
    void malformedInputIsAProtocolExceptionAsBefore(String json) {
        assertThatThrownBy(() -> streamed(json)).isInstanceOf(ProtocolException.class)
                .hasMessage(captured(() -> DialectBodies.parse(answer(json))).getMessage());
        assertThatThrownBy(() -> PROXY.parseTasks(answer("[" + json + "]"), NOW))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void invalidUtf8InAnUnknownFieldIsRejectedAsTheTreeReaderRejectsIt() {
        byte[] body = "{\"id\":\"a\",\"x\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8);
        body[body.length - 3] = (byte) 0xC3; // a lead byte followed by a quote: not UTF-8
        ApiResponse response = new ApiResponse(ApiRequest.get("/mj/task/1/fetch"), 200, "application/json", body,
                null, null, null);

        assertThatThrownBy(() -> DialectBodies.parse(response)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> PROXY.parseTask(response, "1", NOW)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void answersThatAreNotTasksKeepTheirTypedErrors() {
        assertThatThrownBy(() -> streamed("{\"code\":3,\"description\":\"no account\"}"))
                .isInstanceOf(io.github.mjsdk.error.ApiException.class);
        assertThatThrownBy(() -> streamed("{\"status\":\"SUCCESS\"}")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("without a task id");
        assertThatThrownBy(() -> streamed("[1]")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not an object");
        assertThatThrownBy(() -> streamed("  ")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> PROXY.parseTasks(answer("{\"code\":4,\"description\":\"bad\"}"), NOW))
                .isInstanceOf(io.github.mjsdk.error.InvalidRequestException.class);
    }

    private static RuntimeException captured(Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected an exception");
    }
}
