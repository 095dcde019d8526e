package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.VirtualTime;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The operations tour runs every step against the simulator on virtual time. */
class OperationsTourTest {
    @Test
    void everyStepSucceeds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (VirtualTime time = VirtualTime.create();
             FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).start();
             MidjourneyClient client = server.newClient();
             PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            OperationsTour.run(client, out);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(6);
        assertThat(printed).contains("imagine: ", "SUCCESS", "pan: ", "PAN", "zoom: ", "ZOOM", "vary region: ");
    }
}
