package io.github.mjsdk.testkit;

import io.github.mjsdk.model.Speed;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the {@link FakeMidjourneyServer} received, as its journal keeps it ({@link FakeMidjourneyServer#journal()}).
 *
 * @param time    when it arrived, on the server's clock
 * @param method  the HTTP method, e.g. {@code "POST"}
 * @param path    the request path with its query, e.g. {@code "/mj-turbo/mj/submit/imagine"} or
 *                {@code "/v1/tasks/task_01KV52C0TEJSYZMCG0NCS4YWKK?language=en"}
 * @param route   the route it matched ({@link Route#OTHER} for none)
 * @param tier    the speed prefix it came under, or {@code null} for plain {@code /mj}, non-API paths and the
 *                dialects without prefixes (apimart's tier is in the body's {@code speed})
 * @param headers the request headers, names in lower case, values in arrival order; never null
 * @param body    the request body as UTF-8 text; empty when there was none
 * @param status  the HTTP status answered, or 0 when the connection was closed without an answer
 *                ({@link Fault#resetConnection()})
 * @param fault   the injected fault that shaped the answer, or {@code null}
 */
public record RecordedCall(Instant time, String method, String path, Route route, Speed tier,
                           Map<String, List<String>> headers, String body, int status, Fault fault) {

    /**
     * Copies the headers into an unmodifiable map.
     *
     * @param time    see {@link #time()}
     * @param method  see {@link #method()}
     * @param path    see {@link #path()}
     * @param route   see {@link #route()}
     * @param tier    see {@link #tier()}
     * @param headers see {@link #headers()}
     * @param body    see {@link #body()}
     * @param status  see {@link #status()}
     * @param fault   see {@link #fault()}
     */
    public RecordedCall {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        (headers == null ? Map.<String, List<String>>of() : headers).forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    /**
     * The first value of a request header.
     *
     * @param name the header name, any case
     * @return the value, or {@code null} when the request had no such header
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
