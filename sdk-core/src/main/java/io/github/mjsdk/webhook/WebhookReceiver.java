package io.github.mjsdk.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.WebhookVerificationException;
import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Json;
import io.github.mjsdk.internal.dialect.Dialects;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.TaskStatus;
import io.github.mjsdk.poll.TaskPoller;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * Handles the callbacks servers POST to a {@code notifyHook}: the full task JSON, on every change
 * (docs/protocols.md §a.12; JourneyAPI POSTs its {@code /fetch}-shaped body, §e). No web framework needed: hand it
 * the body and headers from any HTTP server.
 *
 * <p>Proxy callbacks are unsigned, may be duplicated, may arrive out of order and may never arrive. So the receiver
 * treats each one as a hint: it wakes the client's wait on the task, which then confirms the state with one fetch,
 * and it drops a callback that claims no more than the state the poller last confirmed (by the order NOT_START
 * &lt; MODAL &lt; SUBMITTED &lt; IN_PROGRESS by progress &lt; SUCCESS/FAILURE/CANCEL, all terminal states being
 * one step). Comparing with confirmed state rather than with earlier callbacks means a forged callback can cost one
 * fetch but never makes the genuine one be dropped. A wait whose callback never arrives still completes by
 * polling.
 *
 * <p><b>Secret.</b> When built with a secret, a callback must carry it, either as the {@code token} query parameter
 * of the callback URL (put it in your {@code notifyHook}: {@code https://you.example/mj-hook?token=SECRET}) or as
 * the {@code x-webhook-secret} header (JourneyAPI's {@code webhook_secret}, docs/protocols.md §e). Comparison is
 * constant-time. The secret never appears in a log line, a message or {@code toString()}.
 *
 * <p>Thread-safe: call it from any number of server threads. It keeps nothing per task: what it compares with is
 * held by the poller's waits.
 *
 * <pre>{@code
 * WebhookReceiver receiver = client.webhookReceiver(System.getenv("HOOK_SECRET"));
 * HttpServer server = HttpServer.create(new InetSocketAddress(8099), 0);
 * server.createContext("/mj-hook", exchange -> {
 *     int status;
 *     try {
 *         receiver.receive(exchange.getRequestURI(), exchange.getRequestBody().readAllBytes(),
 *                 exchange.getRequestHeaders());
 *         status = 204;
 *     } catch (WebhookVerificationException e) {
 *         status = 401;
 *     } catch (MidjourneyException e) {
 *         status = 400;
 *     }
 *     exchange.sendResponseHeaders(status, -1);
 *     exchange.close();
 * });
 * server.start();
 * }</pre>
 */
public final class WebhookReceiver {
    /** The header that carries the secret: {@value}. */
    public static final String SECRET_HEADER = "x-webhook-secret";
    /** The query parameter of the callback URL that carries the secret: {@value}. */
    public static final String SECRET_PARAMETER = "token";
    /** The largest callback body accepted, in bytes: 1 MiB. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The longest task id a callback may carry: {@value} characters. */
    public static final int MAX_TASK_ID_CHARS = 256;

    private final TaskPoller poller;
    private final byte[] secret;

    private WebhookReceiver(TaskPoller poller, String secret) {
        this.poller = poller;
        this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A receiver that wakes the waits of {@code poller}. Prefer {@code client.webhookReceiver(secret)}, which also
     * makes the client's regular polls rarer.
     *
     * @param poller the poller to wake, from {@code client.poller()}
     * @param secret the shared secret callbacks must carry, or {@code null} to accept unsigned callbacks
     * @return the receiver
     * @throws IllegalArgumentException if {@code poller} is null or {@code secret} is blank
     */
    public static WebhookReceiver create(TaskPoller poller, String secret) {
        Args.notNull(poller, "poller");
        Args.optionalNotBlank(secret, "secret");
        return new WebhookReceiver(poller, secret);
    }

    /**
     * Handles a callback whose secret, if any, travels in the {@code x-webhook-secret} header.
     *
     * @param body    the request body: the task JSON
     * @param headers the request headers; names are matched without regard to case
     * @return what was done
     * @throws WebhookVerificationException if a secret is configured and the header does not carry it (checked
     *                                      before the body is read)
     * @throws ProtocolException            if the body is empty, over {@value #MAX_BODY_BYTES} bytes, or not a task
     * @throws IllegalArgumentException     if {@code body} or {@code headers} is null
     */
    public WebhookEvent receive(byte[] body, Map<String, List<String>> headers) {
        return receive(null, body, headers);
    }

    /**
     * Handles a callback whose secret, if any, travels as the {@code token} query parameter of the request URI or
     * in the {@code x-webhook-secret} header.
     *
     * @param requestUri the request URI as the server saw it (e.g. {@code /mj-hook?token=…}), or {@code null}
     * @param body       the request body: the task JSON
     * @param headers    the request headers; names are matched without regard to case
     * @return what was done
     * @throws WebhookVerificationException if a secret is configured and neither place carries it (checked before the
     *                                      body is read)
     * @throws ProtocolException            if the body is empty, over {@value #MAX_BODY_BYTES} bytes, or not a task
     * @throws IllegalArgumentException     if {@code body} or {@code headers} is null
     */
    public WebhookEvent receive(URI requestUri, byte[] body, Map<String, List<String>> headers) {
        Args.notNull(body, "body");
        Args.notNull(headers, "headers");
        verify(requestUri, headers);
        Task task = parse(body);
        Task confirmed = poller.lastSeen(task.id()).orElse(null);
        if (confirmed != null) {
            double offered = order(task);
            double known = order(confirmed);
            if (offered == known) {
                return new WebhookEvent(task, WebhookOutcome.DUPLICATE);
            }
            if (offered < known) {
                return new WebhookEvent(task, WebhookOutcome.OUT_OF_ORDER);
            }
        }
        return new WebhookEvent(task, poller.wake(task.id()) ? WebhookOutcome.WOKE_WAIT : WebhookOutcome.NOT_TRACKED);
    }

    private void verify(URI requestUri, Map<String, List<String>> headers) {
        if (secret == null) {
            return;
        }
        String inHeader = header(headers, SECRET_HEADER);
        String inQuery = requestUri == null ? null : queryParameter(requestUri.getRawQuery(), SECRET_PARAMETER);
        if (inHeader == null && inQuery == null) {
            throw new WebhookVerificationException("callback without a secret (no " + SECRET_HEADER
                    + " header, no " + SECRET_PARAMETER + " parameter)");
        }
        boolean headerMatches = matches(inHeader);
        boolean queryMatches = matches(inQuery);
        if (!headerMatches && !queryMatches) {
            throw new WebhookVerificationException("callback with a wrong secret");
        }
    }

    /** Constant-time comparison with the secret (time depends on the secret's length only); null never matches. */
    private boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(secret, offered.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null
                    && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static Task parse(byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new ProtocolException("callback body over " + MAX_BODY_BYTES + " bytes", 0, null, null);
        }
        String excerpt = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8);
        JsonNode node;
        try {
            node = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ProtocolException("callback body is not JSON", 0, excerpt, e);
        }
        Task task = Dialects.readCallback(node);
        if (task == null) {
            throw new ProtocolException("callback body is not a task (no id)", 0, excerpt, null);
        }
        if (task.id().length() > MAX_TASK_ID_CHARS) {
            throw new ProtocolException("callback task id is over " + MAX_TASK_ID_CHARS + " characters", 0, null,
                    null);
        }
        return task;
    }

    /**
     * Position in the lifecycle, as the proxies order their own callbacks (docs/protocols.md §a.12); MODAL comes
     * before SUBMITTED, since a task answered with {@code /submit/modal} is re-queued and reported SUBMITTED again.
     */
    private static double order(Task task) {
        TaskStatus status = task.status();
        switch (status) {
            case NOT_START:
                return 0;
            case MODAL:
                return 0.5;
            case SUBMITTED:
                return 1;
            case IN_PROGRESS:
                return 3 + task.progress() / 100.0;
            case SUCCESS:
            case FAILURE:
            case CANCEL:
                return 5;
            default:
                return 2.5;
        }
    }

    /**
     * A summary without the secret.
     *
     * @return e.g. {@code WebhookReceiver[secret=set]}
     */
    @Override
    public String toString() {
        return "WebhookReceiver[secret=" + (secret == null ? "none" : "set") + "]";
    }
}
