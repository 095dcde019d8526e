package io.github.mjsdk.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.model.Task;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 1, per-call overhead: {@code client.fetchTask(id)} against raw OkHttp + Jackson fetching and parsing the
 * same SUCCESS task JSON from the same loopback server. The server runs in the JVM that started JMH (system property
 * {@value #BASE_URL_PROPERTY}), so the allocation JMH's GC profiler counts here is the client side only; without the
 * property the benchmark starts its own simulator in this JVM.
 */
@State(Scope.Benchmark)
public class FetchBenchmark {
    /** The system property that carries the simulator's base URL into the forked JVM. */
    public static final String BASE_URL_PROPERTY = "mjsdk.bench.baseUrl";
    static final String TASK_ID = "1712345678901123";
    static final String API_KEY = "sk-bench-0123456789abcdef";

    private Simulator simulator;
    private MidjourneyClient client;
    private OkHttpClient raw;
    private ObjectMapper mapper;
    private Request request;

    /** Connects both clients to the simulator. */
    @Setup
    public void setUp() throws IOException {
        String baseUrl = System.getProperty(BASE_URL_PROPERTY);
        if (baseUrl == null) {
            simulator = Simulator.start(2);
            simulator.finish(TASK_ID);
            baseUrl = simulator.baseUrl();
        }
        client = MidjourneyClient.builder().baseUrl(baseUrl).apiKey(API_KEY).build();
        // the SDK's own defaults: pool of 16 idle connections kept 5 min, the same timeouts, no silent retries
        raw = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(60))
                .retryOnConnectionFailure(false)
                .build();
        mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        request = new Request.Builder().url(baseUrl + "/mj/task/" + TASK_ID + "/fetch")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + API_KEY)
                .build();
    }

    /** Closes both clients and the simulator, if this JVM started one. */
    @TearDown
    public void tearDown() {
        client.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        if (simulator != null) {
            simulator.close();
        }
    }

    /** mjsdk: {@code fetchTask(id)}, a typed {@link Task}. */
    @Benchmark
    public Task sdkFetchTask() {
        return client.fetchTask(TASK_ID);
    }

    /** The baseline: a synchronous OkHttp call and Jackson data binding into a record. */
    @Benchmark
    public RawTask rawOkHttpJackson() throws IOException {
        try (Response response = raw.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return mapper.readValue(response.body().byteStream(), RawTask.class);
        }
    }

    /**
     * For context: the record baseline made asynchronous as the SDK is ({@code enqueue}, parse on OkHttp's dispatcher
     * thread, caller blocks on a future), which isolates the cost of one thread handoff.
     */
    @Benchmark
    public RawTask rawOkHttpJacksonAsync() throws InterruptedException, ExecutionException {
        CompletableFuture<RawTask> result = new CompletableFuture<>();
        raw.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    if (!response.isSuccessful()) {
                        throw new IOException("HTTP " + response.code());
                    }
                    result.complete(mapper.readValue(response.body().byteStream(), RawTask.class));
                } catch (IOException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        return result.get();
    }

    /** For context: the same call read into a Jackson tree, the SDK's own first parsing step. */
    @Benchmark
    public JsonNode rawOkHttpJacksonTree() throws IOException {
        try (Response response = raw.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code());
            }
            return mapper.readTree(response.body().byteStream());
        }
    }
}
