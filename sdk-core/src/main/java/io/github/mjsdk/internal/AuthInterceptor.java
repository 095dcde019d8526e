package io.github.mjsdk.internal;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A network interceptor that puts the credential on requests to the API's own scheme, host and port only. As a
 * network interceptor it runs after redirects are resolved, so a redirect to another host never carries the key,
 * whatever the header is called ({@code mj-api-secret} included, which OkHttp itself would not strip).
 */
public final class AuthInterceptor implements Interceptor {
    private final HttpUrl origin;
    private final String header;
    private final String value;

    public AuthInterceptor(HttpUrl origin, String header, String value) {
        this.origin = origin;
        this.header = header;
        this.value = value;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        if (url.scheme().equals(origin.scheme()) && url.host().equalsIgnoreCase(origin.host())
                && url.port() == origin.port()) {
            request = request.newBuilder().header(header, value).build();
        }
        return chain.proceed(request);
    }

    @Override
    public String toString() {
        return "AuthInterceptor[" + header + " for " + origin.host() + "]";
    }
}
