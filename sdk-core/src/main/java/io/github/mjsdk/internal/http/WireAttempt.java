package io.github.mjsdk.internal.http;

import java.time.Clock;
import java.util.Map;

/**
 * One HTTP attempt of the {@link Transport}, as its request's tag: the per-call headers that {@link AuthInterceptor}
 * adds for the API's own origin only, and whether the attempt reached the network. OkHttp runs network interceptors
 * once a connection is established, right before the request is written; an attempt that failed before that point
 * (DNS, connect, TLS handshake, a timeout while connecting) provably sent nothing, so even a submit may be tried
 * again. Tags survive redirects, so a follow-up request shares its attempt's mark.
 */
final class WireAttempt {
    private final Map<String, String> headers;
    /** The deadline in the clock's epoch milliseconds. */
    private final long deadline;
    private final Clock clock;
    /** Where the API key may travel as the {@code key} query parameter, or null for nowhere. */
    private final okhttp3.HttpUrl keyOrigin;
    private volatile boolean reachedNetwork;

    WireAttempt(Map<String, String> headers, long deadline, Clock clock, okhttp3.HttpUrl keyOrigin) {
        this.headers = headers;
        this.deadline = deadline;
        this.clock = clock;
        this.keyOrigin = keyOrigin;
    }

    /** The origin that gets the key as a query parameter, or null. */
    okhttp3.HttpUrl keyOrigin() {
        return keyOrigin;
    }

    /** True when the request's deadline has passed: it must not be written any more. */
    boolean expired() {
        return clock.millis() >= deadline;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** Called by the network interceptor before it hands the request to the connection. */
    void markReachedNetwork() {
        reachedNetwork = true;
    }

    /** True once any request of this attempt was handed to a connection: its bytes may have been sent. */
    boolean reachedNetwork() {
        return reachedNetwork;
    }
}
