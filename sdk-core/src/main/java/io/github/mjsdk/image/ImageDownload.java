package io.github.mjsdk.image;

import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.ApiResponse;
import io.github.mjsdk.internal.http.HttpErrors;
import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.internal.util.Redact;
import io.github.mjsdk.internal.util.ServerText;
import io.github.mjsdk.internal.http.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * One image (or video) GET: redirects followed here, hop by hop (at most {@value #MAX_REDIRECTS}, never from https
 * to http, never to a refused host), a bounded read, a content-type check against the {@link Media}, typed errors.
 *
 * @param <T> what the download yields
 */
final class ImageDownload<T> implements Callback {
    /** The most redirects one download follows. */
    static final int MAX_REDIRECTS = 5;
    /** The most of an error or non-image body kept for an exception. */
    private static final int EXCERPT_BYTES = 2048;

    private final OkHttpClient http;
    private final boolean allowLinkLocal;
    private HttpUrl url;
    private String shown;
    private int redirects;
    private final long maxBytes;
    private final Operation operation;
    private final Clock clock;
    private final Media<T> media;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private ImageDownload(OkHttpClient http, HttpUrl url, long maxBytes, Operation operation, Clock clock,
                          boolean allowLinkLocal, Media<T> media) {
        this.http = http;
        this.media = media;
        this.allowLinkLocal = allowLinkLocal;
        this.url = url;
        this.shown = Redact.url(url.toString());
        this.maxBytes = maxBytes;
        this.operation = operation;
        this.clock = clock;
    }

    static <T> CompletableFuture<T> start(OkHttpClient http, HttpUrl url, long maxBytes, Operation operation,
                                          Clock clock, boolean allowLinkLocal, Media<T> media) {
        ImageDownload<T> download = new ImageDownload<>(http, url, maxBytes, operation, clock, allowLinkLocal, media);
        operation.onCancel(() -> download.result.completeExceptionally(new CancellationException("cancelled")));
        download.get();
        return download.result;
    }

    private void get() {
        String refusal = allowLinkLocal ? null : ImageHosts.refusalOf(url);
        if (refusal != null) {
            result.completeExceptionally(new TransportException("GET " + shown + " refused: " + refusal, null,
                    false));
            return;
        }
        Call call = http.newCall(new Request.Builder().url(url).get().header("Accept", media.accept).build());
        operation.track(call);
        call.enqueue(this);
    }

    @Override
    public void onFailure(Call call, IOException e) {
        if (operation.isCancelled()) {
            result.completeExceptionally(new CancellationException("cancelled"));
            return;
        }
        String what = e instanceof InterruptedIOException ? " timed out: " : " failed: ";
        result.completeExceptionally(new TransportException("GET " + shown + what + ServerText.clip(e.getMessage()), e,
                !RetryPolicy.provablyNotSent(e)));
    }

    @Override
    public void onResponse(Call call, Response response) {
        try (response) {
            if (!followed(response)) {
                result.complete(read(response));
            }
        } catch (IOException e) {
            onFailure(call, e);
        } catch (ProtocolException | io.github.mjsdk.error.ApiException e) {
            result.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            call.cancel();
            result.completeExceptionally(new ProtocolException("GET " + shown + " got an answer that could not be"
                    + " read (" + e.getClass().getSimpleName() + ")", response.code(), null, e));
        }
    }

    /** Follows a redirect; false when the answer is not one. */
    private boolean followed(Response response) {
        if (!response.isRedirect()) {
            return false;
        }
        String location = response.header("Location");
        HttpUrl next = location == null ? null : url.resolve(location);
        String problem = next == null ? "a redirect without a usable Location"
                : url.isHttps() && !next.isHttps() ? "a redirect from https to http, not followed"
                : redirects >= MAX_REDIRECTS ? "more than " + MAX_REDIRECTS + " redirects" : null;
        if (problem != null) {
            result.completeExceptionally(new ProtocolException("GET " + shown + " answered HTTP " + response.code()
                    + ": " + problem, response.code(), null, null));
            return true;
        }
        redirects++;
        url = next;
        shown = Redact.url(next.toString());
        get();
        return true;
    }

    private T read(Response response) throws IOException {
        ResponseBody body = response.body();
        String contentType = response.header("Content-Type");
        if (!response.isSuccessful()) {
            byte[] start = excerpt(body.source());
            throw HttpErrors.of(new ApiResponse(ApiRequest.get(shown), response.code(), contentType, start,
                    firstRequestId(response), response.header("Retry-After"), text(start)), null, null,
                    clock.instant());
        }
        Optional<String> declared = media.declared.apply(contentType);
        if (declared.isEmpty() && !isUntyped(contentType)) {
            byte[] start = excerpt(body.source());
            throw new ProtocolException("GET " + shown + " answered HTTP " + response.code() + " with "
                    + ServerText.clip(contentType) + ", not " + media.expected, response.code(), text(start), null);
        }
        long declaredLength = body.contentLength();
        if (declaredLength > maxBytes) {
            throw oversize(response.code(), " (Content-Length " + declaredLength + ")");
        }
        BufferedSource source = body.source();
        if (source.request(maxBytes + 1)) {
            throw oversize(response.code(), "");
        }
        byte[] bytes = source.readByteArray();
        if (bytes.length == 0) {
            throw new ProtocolException("GET " + shown + " answered HTTP " + response.code() + " with an empty body",
                    response.code(), null, null);
        }
        String type = declared.or(() -> media.sniff.apply(bytes)).orElseThrow(() -> new ProtocolException(
                "GET " + shown + " answered HTTP " + response.code() + " with "
                        + (contentType == null ? "no content type" : contentType)
                        + " and bytes that are not " + media.expected, response.code(), text(bytes), null));
        return media.maker.make(bytes, type, url.toString());
    }

    private static boolean isUntyped(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/octet-stream") || type.startsWith("binary/octet-stream");
    }

    private ProtocolException oversize(int status, String detail) {
        return new ProtocolException("GET " + shown + " answered " + media.noun + " over the " + maxBytes
                + "-byte cap (maxImageBytes)" + detail, status, null, null);
    }

    private static byte[] excerpt(BufferedSource source) throws IOException {
        source.request(EXCERPT_BYTES);
        return source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), EXCERPT_BYTES));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, EXCERPT_BYTES), StandardCharsets.UTF_8);
    }

    private static String firstRequestId(Response response) {
        for (String name : new String[]{"X-Request-Id", "X-Oneapi-Request-Id", "Request-Id"}) {
            String value = response.header(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
