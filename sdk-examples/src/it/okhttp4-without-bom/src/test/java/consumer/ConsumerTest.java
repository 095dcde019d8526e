package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.testkit.FakeMidjourneyExtension;
import okhttp3.OkHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A consumer's test on the testkit: one imagine against the simulator, on whichever OkHttp the build resolved. */
@ExtendWith(FakeMidjourneyExtension.class)
class ConsumerTest {

    @Test
    void imaginesOnTheSimulator(MidjourneyClient client) {
        Task grid = client.imagine("a red fox in fresh snow", Speed.TURBO).join();

        assertEquals(TaskStatus.SUCCESS, grid.status());
        assertTrue(OkHttp.VERSION.startsWith("5."), "OkHttp on the class path: " + OkHttp.VERSION);
    }
}
