package io.github.mjsdk.examples;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.mjsdk.model.Button;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskAction;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.stream.Collectors;

/** Prints tasks on stdout: a short aligned summary for people, or the whole task as JSON for scripts. */
final class TaskOutput {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule().addSerializer(Instant.class, new InstantSerializer()))
            .build();

    private TaskOutput() {
    }

    /**
     * Prints the summary: id, action, status, progress, image URL, buttons, fail reason, one per line.
     *
     * @param out  where to print
     * @param task the task
     */
    static void summary(PrintStream out, Task task) {
        line(out, "id", task.id());
        line(out, "action", task.action() == TaskAction.UNKNOWN ? task.rawAction() : task.action().name());
        line(out, "status", task.status().name());
        line(out, "progress", task.progress() + "%");
        line(out, "prompt", task.prompt());
        line(out, "image", task.imageUrl());
        task.videoUrls().forEach(url -> line(out, "video", url));
        if (!task.buttons().isEmpty()) {
            line(out, "buttons", task.buttons().stream().map(TaskOutput::name).collect(Collectors.joining(" ")));
        }
        line(out, "fail", task.failReason());
    }

    /**
     * Prints the task as pretty JSON: every field of {@link Task}, times as ISO-8601 strings.
     *
     * @param out  where to print
     * @param task the task
     */
    static void json(PrintStream out, Task task) {
        try {
            out.println(JSON.writeValueAsString(task));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints a {@code name value} line, names padded to one width; nothing for a null value.
     *
     * @param out   where to print
     * @param name  the name
     * @param value the value, or {@code null}
     */
    static void line(PrintStream out, String name, Object value) {
        if (value != null) {
            out.printf("%-9s %s%n", name, value);
        }
    }

    private static String name(Button button) {
        return button.label().isEmpty() ? button.emoji() : button.label();
    }

    /** Instants as ISO-8601 strings (jackson-databind alone has no java.time support). */
    private static final class InstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(value.toString());
        }
    }
}
