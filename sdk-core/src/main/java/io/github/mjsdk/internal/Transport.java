package io.github.mjsdk.internal;

import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.TransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
 * Sends {@link ApiRequest}s with OkHttp's async calls: JSON encoding, retries by {@link RetryPolicy}, bounded body
 * reads, DEBUG logging without secrets. Knows nothing of Midjourney.
 */
public final class Transport {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.mjsdk.http");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final String base;
    private final String secret;
    private final RetryPolicy retry;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final long maxBodyBytes;

    public Transport(OkHttpClient http, HttpUrl baseUrl, String secret, RetryPolicy retry,
                     ScheduledExecutorService scheduler, Clock clock, long maxBodyBytes) {
        this.http = http;
        String text = baseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.secret = secret;
        this.retry = retry;
        this.scheduler = scheduler;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Sends the request, retrying as the policy allows; completes with the last answer, whatever its status. */
    public CompletableFuture<ApiResponse> send(ApiRequest request, Operation operation) {
        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        Request httpRequest;
        try {
            httpRequest = toHttp(request);
        } catch (IOException e) {
            result.completeExceptionally(new IllegalArgumentException("request body could not be encoded", e));
            return result;
        }
        attempt(request, httpRequest, operation, 0, result);
        return result;
    }

    private Request toHttp(ApiRequest request) throws IOException {
        Request.Builder builder = new Request.Builder().url(base + request.path())
                .header("Accept", "application/json");
        if (request.body() != null) {
            builder.method(request.method(), RequestBody.create(Json.MAPPER.writeValueAsBytes(request.body()), JSON));
        } else {
            builder.method(request.method(), null);
        }
        return builder.build();
    }

    private void attempt(ApiRequest request, Request httpRequest, Operation operation, int attempt,
                         CompletableFuture<ApiResponse> result) {
        if (operation.isCancelled()) {
            result.completeExceptionally(new CancellationException("cancelled"));
            return;
        }
        long started = System.nanoTime();
        Call call = http.newCall(httpRequest);
        operation.track(call);
        LOG.debug("-> {}{}", request.describe(), attempt == 0 ? "" : " (retry " + attempt + ")");
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                handleFailure(request, httpRequest, operation, attempt, result, failed, e);
            }

            @Override
            public void onResponse(Call done, Response response) {
                ApiResponse answer;
                try (response) {
                    answer = read(request, response);
                } catch (IOException e) {
                    handleFailure(request, httpRequest, operation, attempt, result, done, e);
                    return;
                } catch (ProtocolException e) {
                    result.completeExceptionally(e);
                    return;
                }
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                LOG.debug("<- {} {} ({} ms, {} bytes)", answer.status(), request.describe(), ms, answer.body().length);
                if (retry.retryStatus(request, answer.status(), attempt)) {
                    Duration wait = retry.delay(attempt, RetryPolicy.parseRetryAfter(answer.retryAfter(),
                            clock.instant()));
                    LOG.debug("retrying {} after HTTP {} in {} ms", request.describe(), answer.status(),
                            wait.toMillis());
                    later(request, httpRequest, operation, attempt + 1, result, wait);
                } else {
                    result.complete(answer);
                }
            }
        });
    }

    private void handleFailure(ApiRequest request, Request httpRequest, Operation operation, int attempt,
                               CompletableFuture<ApiResponse> result, Call call, IOException e) {
        if (operation.isCancelled() || call.isCanceled()) {
            result.completeExceptionally(new CancellationException("cancelled"));
            return;
        }
        LOG.debug("xx {} failed: {}", request.describe(), e.toString());
        if (retry.retryFailure(request, e, attempt)) {
            later(request, httpRequest, operation, attempt + 1, result, retry.delay(attempt, null));
            return;
        }
        boolean maybeProcessed = !RetryPolicy.provablyNotSent(e);
        String what = e instanceof InterruptedIOException ? "timed out" : "failed";
        String message = request.describe() + " " + what + ": " + Redact.secret(String.valueOf(e.getMessage()), secret)
                + (request.idempotent() || !maybeProcessed ? ""
                : " (the submit may have reached the server; it was not re-sent: look the task up before"
                + " submitting again)");
        result.completeExceptionally(new TransportException(message, e, !request.idempotent() && maybeProcessed));
    }

    private void later(ApiRequest request, Request httpRequest, Operation operation, int attempt,
                       CompletableFuture<ApiResponse> result, Duration wait) {
        try {
            operation.track(scheduler.schedule(() -> attempt(request, httpRequest, operation, attempt, result),
                    wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(new CancellationException("client closed"));
        }
    }

    private ApiResponse read(ApiRequest request, Response response) throws IOException {
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > maxBodyBytes) {
            throw oversize(request, response.code(), declared);
        }
        BufferedSource source = body.source();
        if (source.request(maxBodyBytes + 1)) {
            throw oversize(request, response.code(), -1);
        }
        byte[] bytes = withoutSecret(source.readByteArray());
        String contentType = response.header("Content-Type");
        String excerpt = new String(bytes, 0, (int) Math.min(bytes.length, 2048), StandardCharsets.UTF_8);
        String requestId = firstHeader(response, "X-Request-Id", "X-Oneapi-Request-Id", "Request-Id");
        return new ApiResponse(request, response.code(), contentType, bytes, requestId,
                response.header("Retry-After"), excerpt);
    }

    /**
     * The body with every occurrence of the API key replaced by {@code ***}: servers echo keys in error messages
     * ("Incorrect API key provided: …"), and descriptions, excerpts and task fields are all built from the body.
     */
    private byte[] withoutSecret(byte[] body) {
        if (secret == null || body.length < secret.length()) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.contains(secret) ? Redact.secret(text, secret).getBytes(StandardCharsets.UTF_8) : body;
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
