package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.testkit.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The video example runs against the simulator on virtual time and leaves eight animated clips on disk. */
class VideoExampleTest {
    @TempDir
    Path dir;

    @Test
    void animatesSavesAndExtends() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Path> files;
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).start();
             MidjourneyClient client = server.newClient();
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            files = VideoExample.run(client, dir, out);
            assertThat(server.journal(Route.VIDEO)).hasSize(2);
        }
        assertThat(files).hasSize(8);
        for (Path file : files) {
            assertThat(file.getFileName().toString()).matches("video-[1-4]\\.gif");
            assertThat(new String(Files.readAllBytes(file), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(2).anySatisfy(line ->
                assertThat(line).startsWith("video: ").contains("4 clips saved"));
    }
}
