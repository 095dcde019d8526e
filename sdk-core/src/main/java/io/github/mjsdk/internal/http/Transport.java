package io.github.mjsdk.internal.http;

import io.github.mjsdk.internal.util.Json;
import io.github.mjsdk.internal.util.Redact;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s with OkHttp's async calls: JSON encoding, retries by {@link RetryPolicy} within each
 * request's deadline, bounded body reads, DEBUG logging without secrets. Knows nothing of Midjourney.
 *
 * <p>Per request, the {@link CallOptions} of its {@link Operation} replace the client's: the deadline covers
 * every attempt and every wait between attempts (a retry that would end past it is not made; an attempt running at
 * it is cancelled by its OkHttp call timeout, which is the smaller of the client's call timeout and the time left),
 * and the extra headers go to the API's origin only ({@link AuthInterceptor}).
 */
public final class Transport {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.mjsdk.http");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl baseUrl;
    private final String base;
    /** Whether request URLs can be built by appending path segments to {@link #baseUrl} (it has no query). */
    private final boolean segmentsOnly;
    private final List<String> secrets;
    /** {@link #secrets} in UTF-8, encoded once: the body of every answer is searched for them. */
    private final byte[][] secretBytes;
    private final RetryPolicy retry;
    private final CallOptions defaults;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final long maxBodyBytes;

    /**
     * A transport.
     *
     * @param http         the client's OkHttp client; it must carry an {@link AuthInterceptor} as network
     *                     interceptor, which tells whether an attempt reached the network
     * @param baseUrl      the API base
     * @param secrets      the API key and the other secrets of the client (webhook secret, notifyHook tokens), to
     *                     redact from bodies and messages; see {@link Redact#secretsOf}
     * @param retry        the retry rules
     * @param defaults     the client's request options
     * @param scheduler    runs retry timers
     * @param clock        for deadlines and Retry-After dates
     * @param maxBodyBytes the cap on a response body
     * @throws IllegalStateException if {@code http} has no AuthInterceptor
     */
    public Transport(OkHttpClient http, HttpUrl baseUrl, List<String> secrets, RetryPolicy retry,
                     CallOptions defaults,
                     ScheduledExecutorService scheduler, Clock clock, long maxBodyBytes) {
        if (http.networkInterceptors().stream().noneMatch(AuthInterceptor.class::isInstance)) {
            throw new IllegalStateException("the OkHttp client of a Transport needs an AuthInterceptor");
        }
        this.http = http;
        this.baseUrl = baseUrl;
        String text = baseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.segmentsOnly = baseUrl.encodedQuery() == null && baseUrl.encodedFragment() == null;
        this.secrets = secrets;
        this.secretBytes = utf8(secrets);
        this.retry = retry;
        this.defaults = defaults;
        this.scheduler = scheduler;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Sends the request, retrying as the policy allows; completes with the last answer, whatever its status. */
    public CompletableFuture<ApiResponse> send(ApiRequest request, Operation operation) {
        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        HttpUrl url = url(request.path());
        RequestBody body;
        try {
            body = request.body() == null ? null : RequestBody.create(Json.MAPPER.writeValueAsBytes(request.body()),
                    JSON);
        } catch (IOException e) {
            result.completeExceptionally(new IllegalArgumentException("request body could not be encoded", e));
            return result;
        }
        CallOptions asked = operation.options() != null ? operation.options() : defaults;
        Duration timeout = asked.timeout();
        int maxRetries = asked.maxRetries();
        Map<String, String> headers = asked.headers();
        new Exchange(request, url, body, operation, headers, secretsOf(request, headers), maxRetries, timeout, result)
                .attempt(0);
        return result;
    }

    /**
     * The client's secrets, plus what this request carries that a server could echo back: the values of its extra
     * headers and the query tokens of URLs in its body (a per-request notifyHook), when long enough to be secrets.
     */
    private List<String> secretsOf(ApiRequest request, Map<String, String> headers) {
        if (headers.isEmpty() && request.body() == null) {
            return secrets;
        }
        List<String> extra = new ArrayList<>();
        for (String value : headers.values()) {
            if (value.length() >= Redact.MIN_GUESSED_SECRET) {
                extra.add(value);
            }
        }
        if (request.body() != null) {
            collectUrlTokens(request.body(), extra);
        }
        if (extra.isEmpty()) {
            return secrets;
        }
        extra.addAll(secrets);
        return Redact.secretsOf(extra, null);
    }

    private static void collectUrlTokens(JsonNode node, List<String> into) {
        if (node.isTextual() && node.textValue().regionMatches(true, 0, "http", 0, 4)) {
            into.addAll(Redact.queryValues(node.textValue()));
        }
        for (JsonNode child : node) {
            collectUrlTokens(child, into);
        }
    }

    /**
     * The URL of a path relative to the base: the base's own segments plus the path's (already encoded), built
     * without parsing a whole URL string; a path with a query, or a base with one, is parsed as text.
     */
    private HttpUrl url(String path) {
        if (!segmentsOnly || !path.startsWith("/") || path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            return HttpUrl.get(base + path);
        }
        return baseUrl.newBuilder().addEncodedPathSegments(path.substring(1)).build();
    }

    /** One attempt's request; each attempt has its own tag. */
    private static Request toHttp(ApiRequest request, HttpUrl url, RequestBody body, WireAttempt wire) {
        return new Request.Builder().url(url).header("Accept", "application/json").method(request.method(), body)
                .tag(WireAttempt.class, wire).build();
    }

    /** One request with its retries, under one deadline. */
    private final class Exchange {
        private final ApiRequest request;
        private final HttpUrl url;
        private final RequestBody body;
        private final Operation operation;
        private final Map<String, String> headers;
        private final List<String> secrets;
        private final int maxRetries;
        private final Duration timeout;
        /** The deadline in the clock's epoch milliseconds. */
        private final long deadline;
        private final CompletableFuture<ApiResponse> result;

        Exchange(ApiRequest request, HttpUrl url, RequestBody body, Operation operation, Map<String, String> headers,
                 List<String> secrets, int maxRetries, Duration timeout, CompletableFuture<ApiResponse> result) {
            this.request = request;
            this.url = url;
            this.body = body;
            this.operation = operation;
            this.headers = headers;
            this.secrets = secrets;
            this.maxRetries = maxRetries;
            this.timeout = timeout;
            this.deadline = clock.millis() + timeout.toMillis();
            this.result = result;
        }

        void attempt(int attempt) {
            if (operation.isCancelled()) {
                result.completeExceptionally(new CancellationException("cancelled"));
                return;
            }
            long left = deadline - clock.millis();
            if (left <= 0) {
                fail(new InterruptedIOException("deadline passed before retry " + attempt), false,
                        "timed out: its " + seconds(timeout) + " deadline passed");
                return;
            }
            WireAttempt wire = new WireAttempt(headers);
            Call call = http.newCall(toHttp(request, url, body, wire));
            long perAttempt = http.callTimeoutMillis();
            boolean deadlineBound = perAttempt == 0 || left < perAttempt;
            call.timeout().timeout(deadlineBound ? left : perAttempt, TimeUnit.MILLISECONDS);
            operation.track(call);
            long started = System.nanoTime();
            if (LOG.isDebugEnabled()) {
                LOG.debug("-> {}{}", request.describe(), attempt == 0 ? "" : " (retry " + attempt + ")");
            }
            Callback callback = new Callback() {
                @Override
                public void onFailure(Call failed, IOException e) {
                    operation.finished(failed);
                    failed(attempt, wire, deadlineBound && failed.isCanceled(), e);
                }

                @Override
                public void onResponse(Call done, Response response) {
                    operation.finished(done);
                    ApiResponse answer;
                    try (response) {
                        answer = read(request, response, secrets);
                    } catch (IOException e) {
                        failed(attempt, wire, deadlineBound && done.isCanceled(), e);
                        return;
                    } catch (ProtocolException e) {
                        result.completeExceptionally(e);
                        return;
                    }
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("<- {} {} ({} ms, {} bytes)", answer.status(), request.describe(), ms,
                                answer.body().length);
                    }
                    answered(attempt, answer);
                }
            };
            if (attempt == 0 && operation.callerRuns()) {
                executeHere(call, callback);
            } else {
                call.enqueue(callback);
            }
        }

        /** A blocking call's first attempt runs on the caller's thread: no hand-off to a dispatcher thread. */
        private void executeHere(Call call, Callback callback) {
            Response response;
            try {
                response = call.execute();
            } catch (IOException e) {
                callback.onFailure(call, e);
                return;
            }
            try {
                callback.onResponse(call, response);
            } catch (IOException e) {
                callback.onFailure(call, e);
            }
        }

        private void answered(int attempt, ApiResponse answer) {
            if (!retry.retryStatus(request, answer.status(), attempt, maxRetries)) {
                result.complete(answer);
                return;
            }
            Duration wait = retry.delay(attempt, RetryPolicy.parseRetryAfter(answer.retryAfter(), clock.instant()));
            if (!fits(wait)) {
                LOG.debug("not retrying {} after HTTP {}: a wait of {} ms would pass its deadline",
                        request.describe(), answer.status(), wait.toMillis());
                result.complete(answer);
                return;
            }
            LOG.debug("retrying {} after HTTP {} in {} ms", request.describe(), answer.status(), wait.toMillis());
            later(attempt + 1, wait);
        }

        /**
         * An attempt failed. {@code deadlineHit}: its call timeout was the time left to the deadline and fired (OkHttp
         * cancels a call that times out; only an operation cancels it otherwise).
         */
        private void failed(int attempt, WireAttempt wire, boolean deadlineHit, IOException e) {
            if (operation.isCancelled()) {
                result.completeExceptionally(new CancellationException("cancelled"));
                return;
            }
            boolean sent = wire.reachedNetwork();
            LOG.debug("xx {} failed{}: {}", request.describe(), sent ? "" : " before reaching the network",
                    Redact.secrets(e.toString(), secrets));
            if (deadlineHit) {
                fail(e, sent, "timed out: its " + seconds(timeout) + " deadline passed");
                return;
            }
            String what = e instanceof InterruptedIOException ? "timed out" : "failed";
            if (retry.retryFailure(request, sent, attempt, maxRetries)) {
                Duration wait = retry.delay(attempt, null);
                if (fits(wait)) {
                    later(attempt + 1, wait);
                    return;
                }
                what += " (no retry: its " + seconds(timeout) + " deadline would pass)";
            }
            fail(e, sent, what);
        }

        private void fail(IOException e, boolean sent, String what) {
            boolean unknownSubmit = sent && !request.idempotent();
            String message = request.describe() + " " + what + ": " + Redact.secrets(String.valueOf(e.getMessage()),
                    secrets) + (unknownSubmit ? " (the submit may have reached the server; it was not re-sent: look"
                    + " the task up before submitting again)" : "");
            result.completeExceptionally(new TransportException(message, e, sent));
        }

        private boolean fits(Duration wait) {
            return clock.millis() + wait.toMillis() < deadline;
        }

        private void later(int attempt, Duration wait) {
            try {
                operation.track(scheduler.schedule(() -> attempt(attempt), wait.toMillis(), TimeUnit.MILLISECONDS));
            } catch (RejectedExecutionException closed) {
                result.completeExceptionally(new CancellationException("client closed"));
            }
        }
    }

    private static String seconds(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private ApiResponse read(ApiRequest request, Response response, List<String> secrets) throws IOException {
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > maxBodyBytes) {
            throw oversize(request, response.code(), declared);
        }
        BufferedSource source = body.source();
        if (source.request(maxBodyBytes + 1)) {
            throw oversize(request, response.code(), -1);
        }
        byte[] bytes = withoutSecrets(source.readByteArray(), secrets);
        String contentType = response.header("Content-Type");
        String requestId = firstHeader(response, "X-Request-Id", "X-Oneapi-Request-Id", "Request-Id");
        return new ApiResponse(request, response.code(), contentType, bytes, requestId,
                response.header("Retry-After"), null);
    }

    /**
     * The body with every occurrence of a secret replaced by {@code ***}: servers echo keys in error messages
     * ("Incorrect API key provided: …"), and descriptions, excerpts and task fields are all built from the body.
     */
    private byte[] withoutSecrets(byte[] body, List<String> secrets) {
        byte[][] encoded = secrets == this.secrets ? secretBytes : utf8(secrets);
        boolean found = false;
        for (byte[] secret : encoded) {
            if (contains(body, secret)) {
                found = true;
                break;
            }
        }
        if (!found) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String redacted = Redact.secrets(text, secrets);
        return redacted.equals(text) ? body : redacted.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[][] utf8(List<String> secrets) {
        byte[][] encoded = new byte[secrets.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = secrets.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return encoded;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return false;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private ProtocolException oversize(ApiRequest request, int status, long declared) {
        return new ProtocolException(request.describe() + " answered a body over the " + maxBodyBytes
                + "-byte cap" + (declared > 0 ? " (Content-Length " + declared + ")" : ""), status, null, null);
    }

    private static String firstHeader(Response response, String... names) {
        for (String name : names) {
            String value = response.header(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
