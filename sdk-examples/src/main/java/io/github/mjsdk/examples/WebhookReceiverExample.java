package io.github.mjsdk.examples;

import com.sun.net.httpserver.HttpServer;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.WebhookVerificationException;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.webhook.WebhookEvent;
import io.github.mjsdk.webhook.WebhookReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Webhooks with nothing but the JDK: a {@link WebhookReceiver} behind {@code com.sun.net.httpserver.HttpServer}.
 * The server's callbacks (the task JSON POSTed to {@code notifyHook} at each change) wake the client's wait, which
 * confirms with one fetch; polling stays on as a guard against lost callbacks.
 *
 * <p>Runs against the built-in simulator on loopback: {@code java -cp sdk-examples/target/mj.jar
 * io.github.mjsdk.examples.WebhookReceiverExample}. Against a real server, the hook URL must be reachable from it.
 */
public final class WebhookReceiverExample {
    private WebhookReceiverExample() {
    }

    /**
     * Starts the simulator and a hook server, imagines one prompt with callbacks, prints what arrived.
     *
     * @param args ignored
     * @throws IOException if the hook server cannot bind a loopback port
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        String secret = "hook-secret-" + Long.toHexString(System.nanoTime());
        HttpServer hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try (FakeMidjourneyServer simulator = FakeMidjourneyServer.start()) {
            String hookUrl = "http://127.0.0.1:" + hooks.getAddress().getPort() + "/mj-hook?token=" + secret;
            try (MidjourneyClient client = simulator.newClientBuilder().notifyHook(hookUrl).build()) {
                WebhookReceiver receiver = client.webhookReceiver(secret);
                hooks.createContext("/mj-hook", exchange -> {
                    int status;
                    try (InputStream body = exchange.getRequestBody()) {
                        WebhookEvent event = receiver.receive(exchange.getRequestURI(), body.readAllBytes(),
                                exchange.getRequestHeaders());
                        out.println("callback: " + event.task().status() + " " + event.task().progress() + "% -> "
                                + event.outcome());
                        status = 204;
                    } catch (WebhookVerificationException e) {
                        status = 401;
                    } catch (MidjourneyException e) {
                        status = 400;
                    }
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
                hooks.start();
                Task grid = client.imagine("a lighthouse at dawn --ar 16:9", Speed.TURBO).join();
                out.println("done: " + grid.id() + " " + grid.imageUrl());
            }
        } finally {
            hooks.stop(0);
        }
    }
}
