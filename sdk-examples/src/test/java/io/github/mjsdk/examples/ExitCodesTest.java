package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.error.ModalRequiredException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.TaskFailedException;
import io.github.mjsdk.error.TaskTimeoutException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.image.ImageDecodeException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    private static final Task TASK = new Task("1712345678901123", null, "IMAGINE", TaskStatus.MODAL, "MODAL", 0,
            null, null, null, null, null, null, null, null, null, null, null, null, null);

    @Test
    void eachFailureHasItsDocumentedCode() {
        assertThat(ExitCodes.of(new TaskTimeoutException("late", "t-1", TASK, Duration.ofMinutes(10), null))).isEqualTo(5);
        assertThat(ExitCodes.of(new TaskFailedException("failed", TASK))).isEqualTo(3);
        assertThat(ExitCodes.of(new ModalRequiredException("modal", TASK))).isEqualTo(3);
        assertThat(ExitCodes.of(new ApiException("x", 400, 4, null, null, null))).isEqualTo(4);
        assertThat(ExitCodes.of(new AuthenticationException("x", 401, null, null, null, null))).isEqualTo(4);
        assertThat(ExitCodes.of(new ProtocolException("html", 200, "<html>", null))).isEqualTo(4);
        assertThat(ExitCodes.of(new TransportException("reset", new IOException("reset"), true))).isEqualTo(4);
        assertThat(ExitCodes.of(new IllegalTaskStateException("upscale", TASK))).isEqualTo(4);
        assertThat(ExitCodes.of(new ImageDecodeException("webp", null))).isEqualTo(4);
        assertThat(ExitCodes.of(new IllegalArgumentException("prompt must not be blank"))).isEqualTo(2);
        assertThat(ExitCodes.of(new Connection.MissingKeyException())).isEqualTo(2);
        assertThat(ExitCodes.of(new UncheckedIOException(new IOException("disk full")))).isEqualTo(1);
    }

    @Test
    void wrappedFailuresAreUnwrapped() {
        Throwable wrapped = new CompletionException(new TaskTimeoutException("late", "t-1", TASK, Duration.ofMinutes(1), null));

        assertThat(ExitCodes.of(wrapped)).isEqualTo(5);
    }

    @Test
    void theHelpTableListsEveryCode() {
        assertThat(ExitCodes.help()).containsOnlyKeys("0", "1", "2", "3", "4", "5");
    }
}
