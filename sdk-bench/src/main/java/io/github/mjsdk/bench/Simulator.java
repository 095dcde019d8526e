package io.github.mjsdk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback midjourney-proxy simulator on the JDK's HTTP server: {@code GET /mj/task/{id}/fetch} and
 * {@code POST /mj/task/list-by-condition {"ids":[…]}} answer every task IN_PROGRESS until {@link #finish(String)}
 * makes it SUCCESS. Counts requests per route and the task ids they carried. Its worker threads (named
 * {@code sim-N}) all start with it, so it creates no thread while a benchmark watches the thread count.
 */
final class Simulator implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final LongAdder fetches = new LongAdder();
    private final LongAdder lists = new LongAdder();
    private final LongAdder polledIds = new LongAdder();

    private Simulator(HttpServer server, ThreadPoolExecutor workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts a simulator on 127.0.0.1 and an ephemeral port with {@code threads} worker threads. */
    static Simulator start(int threads) throws IOException {
        // without it, the JDK server's small writes meet delayed ACKs and answers stall for tens of ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "sim-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        workers.prestartAllCoreThreads();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(workers);
        Simulator simulator = new Simulator(server, workers);
        server.createContext("/mj/task/", simulator::handle);
        server.start();
        return simulator;
    }

    /** The base URL to give a client, e.g. {@code http://127.0.0.1:40123}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on the task is SUCCESS. */
    void finish(String taskId) {
        finished.add(taskId);
    }

    /** The counters so far. */
    Counts counts() {
        return new Counts(fetches.sum(), lists.sum(), polledIds.sum());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            byte[] answer;
            if (path.equals("/mj/task/list-by-condition") && exchange.getRequestMethod().equals("POST")) {
                answer = list(body);
            } else if (path.endsWith("/fetch") && exchange.getRequestMethod().equals("GET")) {
                fetches.increment();
                polledIds.increment();
                answer = task(path.substring("/mj/task/".length(), path.length() - "/fetch".length()))
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        } finally {
            exchange.close();
        }
    }

    private byte[] list(byte[] body) throws IOException {
        lists.increment();
        JsonNode ids = MAPPER.readTree(body).path("ids");
        if (ids.isEmpty()) {
            return "[]".getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder answer = new StringBuilder(ids.size() * 1200).append('[');
        for (JsonNode id : ids) {
            if (answer.length() > 1) {
                answer.append(',');
            }
            answer.append(task(id.asText()));
        }
        polledIds.add(ids.size());
        return answer.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private String task(String id) {
        return finished.contains(id) ? TaskJson.success(id) : TaskJson.running(id);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /**
     * Request counters.
     *
     * @param fetches   {@code GET …/fetch} requests
     * @param lists     {@code list-by-condition} requests
     * @param polledIds task ids asked for, over both routes
     */
    record Counts(long fetches, long lists, long polledIds) {
        long requests() {
            return fetches + lists;
        }
    }
}
