package io.github.mjsdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.internal.util.Json;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.internal.util.Redact;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Sends {@link ApiRequest}s with OkHttp's async calls: JSON encoding, retries by {@link RetryPolicy} within each
 * request's deadline, bounded body reads, DEBUG logging without secrets. Knows nothing of Midjourney.
 *
 * <p>Per request, the {@link CallOptions} of its {@link Operation} replace the client's: the deadline counts from
 * the call, covers the time queued in OkHttp's dispatcher, every attempt and every wait between attempts, and fires
 * even if OkHttp never calls back; the extra headers go to the API's origin only ({@link AuthInterceptor}). See
 * {@link Exchange} for the life of one request.
 *
 * <p>Connections: queries share the client's connection pool; a submit always opens a connection of its own and
 * never reuses one. A pooled connection the server closed while it was idle (Node.js closes them after 5 s, nginx
 * after 60–75 s) fails the request written to it, and for a submit nobody can then tell whether the job was made.
 * A fresh connection costs one TCP and TLS handshake per paid job and removes that doubt. OkHttp's own redirects
 * are off: {@link Exchange} decides them.
 */
public final class Transport {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    final OkHttpClient queries;
    final OkHttpClient submits;
    final RetryPolicy retry;
    final ScheduledExecutorService scheduler;
    final Clock clock;
    final BodyReader reader;
    final ClientObserver observer;
    private final HttpUrl baseUrl;
    private final String base;
    /** Whether request URLs can be built by appending path segments to {@link #baseUrl} (it has no query). */
    private final boolean segmentsOnly;
    private final List<String> secrets;
    private final CallOptions defaults;

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
     * @param scheduler    runs retry and deadline timers
     * @param clock        for deadlines and Retry-After dates
     * @param maxBodyBytes the cap on a response body
     * @param observer     hears each attempt, or null when no one listens (then attempts are not described at
     *                     all); it must not throw
     * @throws IllegalStateException if {@code http} has no AuthInterceptor
     */
    public Transport(OkHttpClient http, HttpUrl baseUrl, List<String> secrets, RetryPolicy retry,
                     CallOptions defaults, ScheduledExecutorService scheduler, Clock clock, long maxBodyBytes,
                     ClientObserver observer) {
        this.observer = observer;
        if (http.networkInterceptors().stream().noneMatch(AuthInterceptor.class::isInstance)) {
            throw new IllegalStateException("the OkHttp client of a Transport needs an AuthInterceptor");
        }
        this.queries = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.submits = queries.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .build();
        this.baseUrl = baseUrl;
        String text = baseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.segmentsOnly = baseUrl.encodedQuery() == null && baseUrl.encodedFragment() == null;
        this.secrets = secrets;
        this.retry = retry;
        this.defaults = defaults;
        this.scheduler = scheduler;
        this.clock = clock;
        this.reader = new BodyReader(maxBodyBytes, secrets);
    }

    /**
     * Sends the request, retrying as the policy allows; completes with the last answer, whatever its status, or
     * exceptionally with a {@code TransportException}, {@code ProtocolException} or {@code CancellationException}.
     */
    public CompletableFuture<ApiResponse> send(ApiRequest request, Operation operation) {
        RequestBody body;
        try {
            body = request.body() == null ? null : RequestBody.create(Json.MAPPER.writeValueAsBytes(request.body()),
                    JSON);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("request body could not be encoded",
                    e));
        }
        CallOptions asked = operation.options() != null ? operation.options() : defaults;
        HttpUrl url = request.origin() != null ? HttpUrl.get(request.origin() + request.path()) : url(request.path());
        return new Exchange(this, request, url, body, operation, asked.headers(),
                secretsOf(request, asked.headers()), asked.maxRetries(), asked.timeout()).start();
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

    /** One attempt's request, with its own tag. */
    static Request toHttp(String method, HttpUrl url, RequestBody body, WireAttempt wire) {
        return new Request.Builder().url(url).header("Accept", "application/json").method(method, body)
                .tag(WireAttempt.class, wire).build();
    }
}
