package io.github.mjsdk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.mjsdk.webhook.WebhookEvent;
import io.github.mjsdk.webhook.WebhookOutcome;
import io.github.mjsdk.webhook.WebhookReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application side of a webhook on loopback: a JDK HTTP server whose {@code /mj-hook} hands each POST to a
 * {@link WebhookReceiver}, and the server side's sender that POSTs the task JSON to it, as a proxy does on every
 * change (docs/protocols.md §a.12).
 */
final class WebhookEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;
    private final WebhookReceiver receiver;
    private final HttpClient sender = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<WebhookOutcome, Integer> outcomes = new EnumMap<>(WebhookOutcome.class);

    WebhookEndpoint(WebhookReceiver receiver) throws IOException {
        this.receiver = receiver;
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "hook-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(workers);
        server.createContext("/mj-hook", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            WebhookEvent event = receiver.receive(exchange.getRequestURI(), exchange.getRequestBody().readAllBytes(),
                    exchange.getRequestHeaders());
            synchronized (outcomes) {
                outcomes.merge(event.outcome(), 1, Integer::sum);
            }
            exchange.sendResponseHeaders(204, -1);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        } finally {
            exchange.close();
        }
    }

    /** POSTs the task JSON as the callback of a proxy would, and waits for the answer. */
    void post(String taskJson) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                        + "/mj-hook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(taskJson))
                .build();
        HttpResponse<Void> response = sender.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 204) {
            throw new IOException("the webhook endpoint answered HTTP " + response.statusCode());
        }
    }

    /** How many callbacks ended how, so far. */
    Map<WebhookOutcome, Integer> outcomes() {
        synchronized (outcomes) {
            return new EnumMap<>(outcomes);
        }
    }

    /** Forgets the outcomes counted so far. */
    void resetOutcomes() {
        synchronized (outcomes) {
            outcomes.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
