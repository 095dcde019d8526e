package io.github.mjsdk.reliability;

import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.SubmitResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A submit that provably never reached the server is tried again, and says it was not processed: it failed before
 * OkHttp handed it to a connection. Failures are made on loopback: a resolver that knows no host, and a TLS
 * handshake against a socket that answers in plain HTTP at once.
 */
class NeverSentTest {
    private Rig rig;
    private MidjourneyClient client;

    @BeforeEach
    void start() throws Exception {
        rig = new Rig();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        rig.close();
    }

    private void assertRetriedAndNotProcessed(CompletableFuture<SubmitResult> submit) {
        rig.drive(submit);
        Throwable failure = failureOf(submit);
        assertThat(failure).isInstanceOf(TransportException.class).hasMessageNotContaining("may have reached");
        assertThat(((TransportException) failure).requestMayHaveBeenProcessed()).isFalse();
        assertThat(rig.attempts).as("the first attempt and two retries").hasValue(3);
    }

    @Test
    void anUnknownHostIsRetriedAndNotProcessed() {
        client = rig.builder().maxRetries(2).okHttpClient(rig.http.newBuilder().dns(host -> {
            throw new UnknownHostException("no such host: " + host);
        }).build()).build();

        assertRetriedAndNotProcessed(client.submitImagine(ImagineRequest.of(PROMPT)));
        assertThat(rig.server.getRequestCount()).isZero();
    }

    @Test
    void aFailedTlsHandshakeIsRetriedAndNotProcessed() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerInPlainText(plain), "plain-text-server");
            answering.setDaemon(true);
            answering.start();
            client = rig.builder().maxRetries(2).baseUrl("https://127.0.0.1:" + plain.getLocalPort() + "/").build();

            assertRetriedAndNotProcessed(client.submitImagine(ImagineRequest.of(PROMPT)));
        }
    }

    /** Answers every connection at once with plain HTTP, which no TLS handshake accepts, and closes it. */
    private static void answerInPlainText(ServerSocket plain) {
        while (!plain.isClosed()) {
            try (Socket socket = plain.accept()) {
                socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closed) {
                return;
            }
        }
    }
}
