package io.github.mjsdk.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The network interceptor of every client: puts the credential and the call's extra headers
 * ({@code RequestOptions.headers()}) on requests to the API's own scheme, host and port only, and marks the
 * {@link WireAttempt} of the request as having reached the network, unless its deadline has passed: a request that
 * waited in the dispatcher's queue past its deadline is never written. As a network interceptor it runs after
 * redirects are resolved, so a redirect to another host never carries the key nor the extra headers, whatever they
 * are called ({@code mj-api-secret} included, which OkHttp itself would not strip).
 */
public final class AuthInterceptor implements Interceptor {
    private final HttpUrl origin;
    private final String header;
    private final String value;
    private final String key;

    /**
     * An interceptor for {@code origin} without a key for query parameters.
     *
     * @param origin the base URL; only its scheme, host and port matter
     * @param header the credential header's name, or null for no credential
     * @param value  the credential header's value, or null for no credential
     */
    public AuthInterceptor(HttpUrl origin, String header, String value) {
        this(origin, header, value, null);
    }

    /**
     * An interceptor for {@code origin}.
     *
     * @param origin the base URL; only its scheme, host and port matter
     * @param header the credential header's name, or null for no credential
     * @param value  the credential header's value, or null for no credential
     * @param key    the raw API key, added as the {@code key} query parameter to the requests that ask for it
     *               ({@link ApiRequest#keyInQuery()}) on their own origin only; null for none
     */
    public AuthInterceptor(HttpUrl origin, String header, String value, String key) {
        this.origin = origin;
        this.header = header;
        this.value = value;
        this.key = key;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        WireAttempt attempt = request.tag(WireAttempt.class);
        if (attempt != null && attempt.expired()) {
            throw new InterruptedIOException("deadline passed before the request was sent");
        }
        HttpUrl url = request.url();
        if (sameOrigin(url, origin)) {
            Request.Builder builder = request.newBuilder();
            try {
                if (attempt != null && !attempt.headers().isEmpty()) {
                    for (Map.Entry<String, String> extra : attempt.headers().entrySet()) {
                        builder.header(extra.getKey(), extra.getValue());
                    }
                }
                if (header != null) {
                    builder.header(header, value);
                }
            } catch (IllegalArgumentException invalid) {
                throw new IOException("a header value is not valid HTTP; it was not sent (OkHttp's message, which"
                        + " quotes the value, is left out)");
            }
            request = builder.build();
        }
        HttpUrl keyOrigin = attempt == null ? null : attempt.keyOrigin();
        if (keyOrigin != null && key != null && sameOrigin(url, keyOrigin)) {
            request = request.newBuilder().url(url.newBuilder().setQueryParameter("key", key).build()).build();
        }
        if (attempt != null) {
            attempt.markReachedNetwork();
        }
        return chain.proceed(request);
    }

    private static boolean sameOrigin(HttpUrl url, HttpUrl origin) {
        return url.scheme().equals(origin.scheme()) && url.host().equalsIgnoreCase(origin.host())
                && url.port() == origin.port();
    }

    @Override
    public String toString() {
        return "AuthInterceptor[" + (header == null ? "no credential" : header) + " for " + origin.host() + "]";
    }
}
