package io.github.mjsdk.internal.http;

import io.github.mjsdk.internal.util.ServerText;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.internal.util.Redact;
import io.github.mjsdk.observe.HttpAttempt;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request with its retries and redirects, under one deadline counted from the moment of the call. Its result
 * completes exactly once, on every path: an answer, a typed failure, the deadline (each enqueued attempt arms a guard
 * timer once it is in the dispatcher, which fires even while the call still waits in its queue; an attempt run on
 * the caller's thread starts at once and is bounded by its call timeout), the operation's cancellation, a cancelled retry timer,
 * a closed scheduler, or any {@link RuntimeException} or {@link Error} from OkHttp while the answer is read.
 */
final class Exchange implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.mjsdk.http");
    /** The most same-origin redirects a query follows. */
    static final int MAX_REDIRECTS = 5;

    private final Transport transport;
    private final ApiRequest request;
    private final Operation operation;
    private final Map<String, String> headers;
    private final List<String> secrets;
    private final int maxRetries;
    private final Duration timeout;
    /** The deadline in the clock's epoch milliseconds. */
    private final long deadline;
    private final CompletableFuture<ApiResponse> result = new CompletableFuture<>();
    private volatile Guard guard;
    private volatile Call call;
    private volatile WireAttempt wire;
    private final RequestBody body;
    private HttpUrl url;
    /** The first URL: a key in the query goes to its scheme, host and port only, whatever a redirect says. */
    private final HttpUrl keyOrigin;
    private int redirects;
    /** The last attempt failed on a connection: the next one opens its own, never a pooled one that may be stale. */
    private volatile boolean freshConnection;
    private volatile long attemptStarted;

    Exchange(Transport transport, ApiRequest request, HttpUrl url, RequestBody body, Operation operation,
             Map<String, String> headers, List<String> secrets, int maxRetries, Duration timeout) {
        this.transport = transport;
        this.request = request;
        this.url = url;
        this.keyOrigin = url;
        this.body = body;
        this.operation = operation;
        this.headers = headers;
        this.secrets = secrets;
        this.maxRetries = maxRetries;
        this.timeout = timeout;
        this.deadline = transport.clock.millis() + timeout.toMillis();
        operation.onCancel(this);
        result.whenComplete((answer, error) -> {
            operation.forget(this);
            disarm();
        });
    }

    /** The operation was cancelled: the request ends now, whatever it was doing. */
    @Override
    public void run() {
        finish(null, new CancellationException("cancelled"));
    }

    CompletableFuture<ApiResponse> start() {
        attempt(0);
        return result;
    }

    private void attempt(int attempt) {
        if (result.isDone()) {
            return;
        }
        long left = deadline - transport.clock.millis();
        if (left <= 0) {
            fail(new InterruptedIOException("deadline passed before attempt " + attempt), false,
                    "timed out: its " + seconds(timeout) + " deadline passed");
            return;
        }
        WireAttempt current = new WireAttempt(headers, deadline, transport.clock, request.keyInQuery() ? keyOrigin
                : null);
        Guard attemptGuard = new Guard();
        guard = attemptGuard;
        OkHttpClient http = request.idempotent() && !freshConnection ? transport.queries : transport.submits;
        Call next = http.newCall(Transport.toHttp(request.method(), url, body, current));
        long perAttempt = http.callTimeoutMillis();
        boolean deadlineBound = perAttempt == 0 || left < perAttempt;
        next.timeout().timeout(deadlineBound ? left : perAttempt, TimeUnit.MILLISECONDS);
        wire = current;
        call = next;
        operation.track(next);
        if (result.isDone()) {
            next.cancel();
            return;
        }
        long started = System.nanoTime();
        attemptStarted = started;
        if (LOG.isDebugEnabled()) {
            LOG.debug("-> {}{}", request.describe(), attempt == 0 ? "" : " (retry " + attempt + ")");
        }
        Callback callback = new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                operation.finished(failed);
                attemptGuard.end();
                failed(attempt, current, deadlineBound && failed.isCanceled(), e);
            }

            @Override
            public void onResponse(Call done, Response response) {
                operation.finished(done);
                try (response) {
                    ApiResponse answer;
                    try {
                        answer = transport.reader.read(request, response, secrets);
                    } finally {
                        attemptGuard.end();
                    }
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("<- {} {} ({} ms, {} bytes)", answer.status(), request.describe(),
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), answer.body().length);
                    }
                    answered(attempt, answer, response);
                } catch (IOException e) {
                    failed(attempt, current, deadlineBound && done.isCanceled(), e);
                } catch (MidjourneyException e) {
                    report(attempt, response.code(), e, false);
                    finish(null, e);
                } catch (RuntimeException | Error e) {
                    done.cancel();
                    report(attempt, response.code(), e, false);
                    finish(null, unreadable(response.code(), e));
                }
            }
        };
        if (attempt == 0 && redirects == 0 && operation.callerRuns()) {
            executeHere(next, callback);
        } else {
            next.enqueue(callback);
            // counted again from the clock: the enqueue may have taken time, and the guard must not fire late
            attemptGuard.arm(schedule(this::deadlinePassed, Math.max(0, deadline - transport.clock.millis())));
        }
    }

    /** A blocking call's first attempt runs on the caller's thread: no hand-off to a dispatcher thread. */
    private void executeHere(Call here, Callback callback) {
        Response response;
        try {
            response = here.execute();
        } catch (IOException e) {
            callback.onFailure(here, e);
            return;
        } catch (RuntimeException | Error e) {
            operation.finished(here);
            here.cancel();
            report(0, 0, e, false);
            finish(null, unreadable(0, e));
            return;
        }
        try {
            callback.onResponse(here, response);
        } catch (IOException e) {
            callback.onFailure(here, e);
        }
    }

    private void answered(int attempt, ApiResponse answer, Response response) {
        if (answer.status() >= 300 && answer.status() < 400) {
            redirected(attempt, answer, response);
            return;
        }
        if (!transport.retry.retryStatus(request, answer.status(), attempt, maxRetries)) {
            report(attempt, answer.status(), null, false);
            finish(answer, null);
            return;
        }
        Duration wait = transport.retry.delay(attempt,
                RetryPolicy.parseRetryAfter(answer.retryAfter(), transport.clock.instant()));
        if (!fits(wait)) {
            LOG.debug("not retrying {} after HTTP {}: a wait of {} ms would pass its deadline",
                    request.describe(), answer.status(), wait.toMillis());
            report(attempt, answer.status(), null, false);
            finish(answer, null);
            return;
        }
        report(attempt, answer.status(), null, true);
        LOG.debug("retrying {} after HTTP {} in {} ms", request.describe(), answer.status(), wait.toMillis());
        later(attempt + 1, wait);
    }

    /**
     * A 3xx answer. A submit is never re-sent nor forwarded: the server had it, so it may have made the job. A
     * query follows a redirect to the same scheme, host and port, up to {@value #MAX_REDIRECTS} times.
     */
    private void redirected(int attempt, ApiResponse answer, Response response) {
        String location = response.header("Location");
        HttpUrl target = location == null ? null : response.request().url().resolve(location);
        String shown = target == null ? "no usable Location" : ServerText.clip(Redact.url(target.toString()));
        HttpUrl from = response.request().url();
        boolean sameOrigin = target != null && target.scheme().equals(from.scheme())
                && target.host().equalsIgnoreCase(from.host()) && target.port() == from.port();
        boolean follow = request.idempotent() && sameOrigin && redirects < MAX_REDIRECTS;
        report(attempt, answer.status(), null, follow);
        if (!request.idempotent()) {
            finish(null, new TransportException(request.describe() + " answered HTTP " + answer.status()
                    + " (a redirect to " + shown + "): a submit is never re-sent nor forwarded, and the server may"
                    + " have created the job: look the task up before submitting again", null, true));
            return;
        }
        if (!follow) {
            finish(null, new ProtocolException(request.describe() + " answered HTTP " + answer.status()
                    + " (a redirect to " + shown + "), not followed: "
                    + (sameOrigin ? "more than " + MAX_REDIRECTS + " redirects"
                    : "queries follow redirects on the API's own scheme, host and port only"),
                    answer.status(), answer.excerpt(), null));
            return;
        }
        redirects++;
        url = target;
        attempt(attempt);
    }

    /**
     * An attempt failed. {@code deadlineHit}: its call timeout was the time left to the deadline and fired (OkHttp
     * cancels a call that times out; only an operation cancels it otherwise).
     */
    private void failed(int attempt, WireAttempt current, boolean deadlineHit, IOException e) {
        if (operation.isCancelled()) {
            report(attempt, 0, e, false);
            finish(null, new CancellationException("cancelled"));
            return;
        }
        boolean sent = current.reachedNetwork();
        LOG.debug("xx {} failed{}: {}", request.describe(), sent ? "" : " before reaching the network",
                Redact.escaped(e.toString(), secrets));
        if (deadlineHit) {
            report(attempt, 0, e, false);
            fail(e, sent, "timed out: its " + seconds(timeout) + " deadline passed");
            return;
        }
        String what = e instanceof InterruptedIOException ? "timed out"
                : e instanceof java.net.UnknownHostException ? "failed: unknown host (the base URL's host name does"
                + " not resolve)" : "failed";
        if (transport.retry.retryFailure(request, sent, attempt, maxRetries)) {
            Duration wait = transport.retry.delay(attempt, null);
            if (fits(wait)) {
                report(attempt, 0, e, true);
                freshConnection = true;
                later(attempt + 1, wait);
                return;
            }
            what += " (no retry: its " + seconds(timeout) + " deadline would pass)";
        }
        report(attempt, 0, e, false);
        fail(e, sent, what);
    }

    /** Cancels the deadline guard of the current attempt. */
    private void disarm() {
        Guard current = guard;
        if (current != null) {
            current.end();
        }
    }

    /** The deadline timer of one enqueued attempt; ending the attempt cancels it, armed before or after. */
    private static final class Guard {
        private volatile boolean ended;
        private volatile Future<?> timer;

        void arm(Future<?> scheduled) {
            timer = scheduled;
            if (ended && scheduled != null) {
                scheduled.cancel(false);
            }
        }

        void end() {
            ended = true;
            Future<?> scheduled = timer;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    /** The guard timer: the deadline passed, wherever the request is (queued, connecting, reading, waiting). */
    private void deadlinePassed() {
        Call current = call;
        WireAttempt attempt = wire;
        boolean sent = attempt != null && attempt.reachedNetwork();
        if (current != null) {
            current.cancel();
        }
        fail(new InterruptedIOException("deadline passed"), sent, "timed out: its " + seconds(timeout)
                + " deadline passed" + (sent ? "" : " before it was sent"));
    }

    private void fail(IOException e, boolean sent, String what) {
        boolean unknownSubmit = sent && !request.idempotent();
        String message = request.describe() + " " + what + ": "
                + ServerText.clip(Redact.escaped(String.valueOf(e.getMessage()), secrets)) + (unknownSubmit ? " (the submit may have reached the server; it was not re-sent: look"
                + " the task up before submitting again)" : "");
        finish(null, new TransportException(message, e, sent));
    }

    /** Tells the observer how an attempt went; describes nothing when no one listens. */
    private void report(int attempt, int status, Throwable error, boolean willRetry) {
        if (transport.observer == null) {
            return;
        }
        transport.observer.httpAttempt(new HttpAttempt(Routes.operation(request), Routes.route(request),
                status >= 100 && status <= 599 ? status : 0, error == null ? null : error.getClass().getSimpleName(),
                Duration.ofNanos(Math.max(0, System.nanoTime() - attemptStarted)), attempt, willRetry));
    }

    private ProtocolException unreadable(int status, Throwable e) {
        return new ProtocolException(request.describe() + " got an answer that could not be read ("
                + e.getClass().getSimpleName() + ")", status, null, e);
    }

    private void finish(ApiResponse answer, Throwable error) {
        boolean first = error == null ? result.complete(answer) : result.completeExceptionally(error);
        if (first && error != null) {
            Call current = call;
            if (current != null) {
                current.cancel();
            }
        }
    }

    private boolean fits(Duration wait) {
        return transport.clock.millis() + wait.toMillis() < deadline;
    }

    private void later(int attempt, Duration wait) {
        Future<?> timer = schedule(() -> attempt(attempt), wait.toMillis());
        if (timer == null) {
            finish(null, new CancellationException("client closed"));
            return;
        }
        operation.track(timer);
    }

    private Future<?> schedule(Runnable task, long delayMillis) {
        try {
            return transport.scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return null;
        }
    }

    private static String seconds(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
