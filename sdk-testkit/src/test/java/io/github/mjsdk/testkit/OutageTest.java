package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.ServiceUnavailableException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.TaskStatus;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator taken down and brought back, seen through the SDK's client, on virtual time. */
class OutageTest {
    private final VirtualTime time = VirtualTime.create();
    private final FakeMidjourneyServer server = FakeMidjourneyServer.builder().virtualTime(time).randomSeed(5).start();
    private final MidjourneyClient client = server.newClient();

    @AfterEach
    void close() {
        client.close();
        server.close();
        time.close();
    }

    @Test
    void aPausedServerAnswers503WithoutProcessingAndComesBackOnResume() throws Exception {
        String id = client.submitImagine(ImagineRequest.of("a fox")).get(20, TimeUnit.SECONDS).taskId();
        int before = server.journal(Route.IMAGINE).size();

        server.pause();

        assertThatThrownBy(() -> client.submitImagine(ImagineRequest.of("a wolf")).get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> client.fetchTask(id)).isInstanceOf(ServiceUnavailableException.class);
        assertThat(server.journal(Route.IMAGINE).subList(before, server.journal(Route.IMAGINE).size()))
                .isNotEmpty().allSatisfy(call -> assertThat(call.status()).isEqualTo(503));

        server.resume();

        assertThat(client.fetchTask(id).id()).isEqualTo(id);
        assertThat(client.imagine(ImagineRequest.of("a wolf")).get(20, TimeUnit.SECONDS).status())
                .isEqualTo(TaskStatus.SUCCESS);
    }
}
