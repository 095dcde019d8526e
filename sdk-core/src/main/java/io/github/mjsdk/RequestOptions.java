package io.github.mjsdk;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import io.github.mjsdk.internal.http.CallOptions;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Per-call settings: the overall deadline of a request, how often it may be retried, and extra headers. Immutable
 * and thread-safe.
 *
 * <p>Every field is optional: an unset field inherits the client's value (set with
 * {@link MidjourneyClientBuilder#requestOptions(RequestOptions)}; defaults {@value #DEFAULT_TIMEOUT_SECONDS} s
 * and {@value #DEFAULT_MAX_RETRIES} retries, no extra headers). Apply options to calls with
 * {@link MidjourneyClient#withOptions(RequestOptions)}:
 *
 * <pre>{@code
 * RequestOptions quick = RequestOptions.builder()
 *         .timeout(Duration.ofSeconds(5))
 *         .maxRetries(0)
 *         .header("X-Trace-Id", traceId)
 *         .build();
 * Task task = client.withOptions(quick).fetchTask(taskId);
 * }</pre>
 *
 * <p><b>Timeout.</b> The deadline of one API request measured from when it is sent: every attempt and every wait
 * between attempts is charged to it. A retry whose wait would end past the deadline is not made; an attempt still
 * running at the deadline is cancelled and fails with {@link io.github.mjsdk.error.TransportException}. The
 * per-attempt limits of the builder ({@link MidjourneyClientBuilder#callTimeout(Duration)},
 * {@link MidjourneyClientBuilder#readTimeout(Duration)}) still hold within it. A waiting call such as
 * {@code imagine(..)} makes several requests (submit, modal, polls), each with this deadline; the wait as a whole
 * is bounded by its {@link io.github.mjsdk.poll.PollOptions#timeout()}.
 *
 * <p><b>Headers.</b> Sent only to the base URL's own scheme, host and port, like the API key: a redirect to any
 * other host does not carry them. They cannot replace the credential or the headers that frame the body
 * ({@code Authorization}, {@code Proxy-Authorization}, {@code mj-api-secret}, {@code Content-Type},
 * {@code Content-Length}, {@code Transfer-Encoding}, {@code Host}, {@code Connection}). Their values never appear
 * in a log line or a {@code toString()}, so they may carry tokens.
 */
public final class RequestOptions {
    /** The default deadline of one request, in seconds: {@value}. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 120;
    /** The default number of retries: {@value}. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** The most retries a request may be given: {@value}. */
    public static final int MAX_RETRIES_LIMIT = 10;

    private static final Set<String> RESERVED = Set.of("authorization", "proxy-authorization", "mj-api-secret",
            "content-type", "content-length", "transfer-encoding", "host", "connection");
    private static final RequestOptions NONE = new RequestOptions(null, null, Map.of());

    private final Duration timeout;
    private final Integer maxRetries;
    private final Map<String, String> headers;

    private RequestOptions(Duration timeout, Integer maxRetries, Map<String, String> headers) {
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.headers = headers;
    }

    /**
     * Options that set nothing: every call inherits the client's settings.
     *
     * @return the empty options
     */
    public static RequestOptions none() {
        return NONE;
    }

    /**
     * A builder with nothing set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.timeout = timeout;
        builder.maxRetries = maxRetries;
        builder.headers.putAll(headers);
        return builder;
    }

    /**
     * The overall deadline of one request, all attempts and waits included.
     *
     * @return the deadline, or empty to inherit the client's
     */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /**
     * How many times a failed request may be tried again (within the retry rules; submits are re-sent only when
     * they provably never reached the server, or after 429/503).
     *
     * @return 0 to {@value #MAX_RETRIES_LIMIT}, or empty to inherit the client's
     */
    public OptionalInt maxRetries() {
        return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    /**
     * The extra headers, by name in the order they were added.
     *
     * @return an unmodifiable map, empty when none
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * These options with {@code other}'s set fields on top: its timeout and retries replace these when set, its
     * headers are added (replacing headers of the same name, ignoring case).
     */
    RequestOptions overriddenBy(RequestOptions other) {
        Builder builder = toBuilder();
        other.timeout().ifPresent(builder::timeout);
        other.maxRetries().ifPresent(builder::maxRetries);
        other.headers.forEach(builder::header);
        return builder.build();
    }

    /** These options, every field set (as a client's defaults are), as the transport takes them. */
    CallOptions resolved() {
        return new CallOptions(timeout, maxRetries, headers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RequestOptions that && Objects.equals(timeout, that.timeout)
                && Objects.equals(maxRetries, that.maxRetries) && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, maxRetries, headers);
    }

    /**
     * A summary with header names but not their values.
     *
     * @return e.g. {@code RequestOptions[timeout=PT5S, maxRetries=0, headers=[X-Trace-Id]]}
     */
    @Override
    public String toString() {
        return "RequestOptions[timeout=" + (timeout == null ? "inherited" : timeout)
                + ", maxRetries=" + (maxRetries == null ? "inherited" : maxRetries)
                + ", headers=" + headers.keySet() + "]";
    }

    /** Builds {@link RequestOptions}. Not thread-safe. Every setter checks its argument at once. */
    public static final class Builder {
        private Duration timeout;
        private Integer maxRetries;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The overall deadline of one request; see the class description.
         *
         * @param deadline positive, e.g. {@code Duration.ofSeconds(30)}
         * @return this builder
         * @throws IllegalArgumentException if {@code deadline} is null, zero or negative
         */
        public Builder timeout(Duration deadline) {
            if (deadline == null || deadline.isZero() || deadline.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, got " + deadline);
            }
            this.timeout = deadline;
            return this;
        }

        /**
         * How many times a failed request may be tried again.
         *
         * @param retries 0 to {@value #MAX_RETRIES_LIMIT}
         * @return this builder
         * @throws IllegalArgumentException if {@code retries} is outside that range
         */
        public Builder maxRetries(int retries) {
            if (retries < 0 || retries > MAX_RETRIES_LIMIT) {
                throw new IllegalArgumentException("maxRetries must be 0.." + MAX_RETRIES_LIMIT + ", got " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        /**
         * Adds a header, replacing one of the same name (ignoring case).
         *
         * @param name  an HTTP token, e.g. {@code "X-Trace-Id"}; not one of the reserved names of the class
         *              description
         * @param value printable ASCII (tab allowed), e.g. {@code "4bf92f3577b34da6"}
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is null, not a token or reserved, or {@code value} is
         *                                  null or holds a line break or another control or non-ASCII character
         */
        public Builder header(String name, String value) {
            if (name == null || name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
                throw new IllegalArgumentException("header name must be an HTTP token, got: " + name);
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is managed by the client and cannot be set");
            }
            if (value == null || !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
                throw new IllegalArgumentException("header value of " + name
                        + " must be printable ASCII without line breaks");
            }
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /**
         * The options.
         *
         * @return immutable options
         */
        public RequestOptions build() {
            return new RequestOptions(timeout, maxRetries, Collections.unmodifiableMap(new LinkedHashMap<>(headers)));
        }

        private static boolean isTokenChar(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
