package io.github.mjsdk.reliability;

import static io.github.mjsdk.testing.Fixtures.GRID_ID;
import static io.github.mjsdk.testing.Fixtures.PROMPT;
import static io.github.mjsdk.testing.Fixtures.REROLL_ID;
import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.RequestOptions;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.error.WebhookVerificationException;
import io.github.mjsdk.model.ImagineRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.webhook.WebhookEvent;
import io.github.mjsdk.webhook.WebhookReceiver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The secret canary (docs/reliability.md): a whole flow (imagine, reroll, upscale, errors that echo secrets back,
 * webhooks) with logging at TRACE, and not one captured log line, exception message or {@code toString()} may hold
 * the API key, the webhook secret, the notifyHook's token or the value of a secret extra header.
 *
 * <p>Runs in its own JVM (the {@code log-canary} surefire execution), where slf4j-simple logs everything at TRACE to
 * {@code System.err}, which the test captures. Elsewhere it is skipped.
 */
class LogCanaryTest {
    private static final String API_KEY = "sk-canary-log-9f3e1d7c2b5a4e60";
    private static final String HOOK_TOKEN = "hook-canary-4c8e2a61f0d9";
    private static final String NOTIFY_HOOK = "https://hooks.example.com/mj-hook?token=" + HOOK_TOKEN;
    private static final String HEADER_SECRET = "hdr-canary-77e1b0c4a2f5";
    private static final String CALL_HEADER_SECRET = "call-canary-3a9b6e0d1c";
    private static final String JOURNEY_SECRET = "journey-canary-5d2e9a71b8";
    private static final String OWN_HOOK_TOKEN = "own-hook-canary-8b41f6";
    private static final List<String> CANARIES = List.of(API_KEY, HOOK_TOKEN, HEADER_SECRET, CALL_HEADER_SECRET,
            JOURNEY_SECRET, OWN_HOOK_TOKEN);

    private final List<String> humanText = new ArrayList<>();

    @Test
    void noSecretReachesALogLineAMessageOrAToString() throws Exception {
        assumeTrue(Boolean.getBoolean("mjsdk.logCanary"), "runs in the log-canary surefire execution");
        assertThat(LoggerFactory.getLogger("io.github.mjsdk.http").isTraceEnabled()).as("TRACE is on").isTrue();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Rig rig = new Rig()) {
            runEverything(rig);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);

        assertThat(log).as("the capture works: request lines at DEBUG")
                .contains("-> POST /mj/submit/imagine", "<- 200 GET /mj/task/" + GRID_ID + "/fetch", "xx POST");
        List<String> lines = log.lines().toList();
        assertThat(lines).hasSizeGreaterThan(20);
        for (String canary : CANARIES) {
            String tail = canary.substring(canary.length() - 10);
            assertThat(lines).as("log lines with " + canary + ", as it is or escaped")
                    .noneMatch(line -> line.contains(canary) || line.contains(tail));
            assertThat(humanText).as("messages and toString()s with " + canary + ", as it is or escaped")
                    .noneMatch(text -> text.contains(canary) || text.contains(tail));
        }
        assertThat(humanText).hasSizeGreaterThan(15);
    }

    private void runEverything(Rig rig) throws Exception {
        MidjourneyClientBuilder builder = rig.builder().apiKey(API_KEY).notifyHook(NOTIFY_HOOK).maxRetries(1)
                .requestOptions(RequestOptions.builder().header("X-Gateway-Token", HEADER_SECRET).build());
        MidjourneyClient client = builder.build();
        MidjourneyClient traced = client.withOptions(RequestOptions.builder().header("X-Trace", CALL_HEADER_SECRET)
                .build());
        WebhookReceiver receiver = client.webhookReceiver(HOOK_TOKEN);
        note(builder, client, traced, receiver);

        rig.enqueue(ok("submit/accepted.json"), ok("task/imagine-in-progress.json"), ok("task/imagine-success.json"));
        Task grid = value(rig, traced.imagine(PROMPT, Speed.TURBO));

        rig.enqueue(ok("task/imagine-success.json"), ok("submit/reroll-accepted.json"),
                ok("task/reroll-in-progress.json"), ok("task/reroll-success.json"));
        Task rerolled = value(rig, traced.reroll(RerollRequest.of(grid.id()).withNotifyHook(NOTIFY_HOOK)));

        rig.enqueue(ok("task/imagine-success.json"), ok("submit/upscale-accepted.json"),
                ok("task/upscale-success.json"));
        Task upscaled = value(rig, client.upscale(grid.id(), 2, Speed.TURBO));
        note(grid, rerolled, upscaled);

        echoedErrors(rig, client, traced);
        webhooks(rig, client, receiver);
        journey(rig);
        cometBalance(rig);
        client.close();
        note(client);
    }

    /** Servers that echo every secret back, in every layer. */
    private void echoedErrors(Rig rig, MidjourneyClient client, MidjourneyClient traced) throws Exception {
        rig.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + "\"}}"));
        failure(rig, client.submitImagine(ImagineRequest.of(PROMPT)));

        rig.enqueue(json(200, "{\"code\":4,\"description\":\"invalid notifyHook " + NOTIFY_HOOK + "\"}"));
        failure(rig, client.submitImagine(ImagineRequest.of(PROMPT)));

        String custom = "https://me.example/own-hook?sig=" + OWN_HOOK_TOKEN + "&v=2";
        rig.enqueue(json(200, "{\"code\":24,\"description\":\"banned, callback " + custom + "\","
                + "\"properties\":{\"bannedWord\":\"" + OWN_HOOK_TOKEN + "\"}}"));
        failure(rig, client.submitImagine(ImagineRequest.of(PROMPT).withNotifyHook(custom)));

        for (int i = 0; i < 2; i++) {
            rig.enqueue(new MockResponse.Builder().code(502).body("<html>Bad gateway for X-Trace: " + CALL_HEADER_SECRET
                    + " X-Gateway-Token: " + HEADER_SECRET + " Bearer " + API_KEY + "</html>").build());
        }
        failure(rig, traced.fetchTaskAsync(GRID_ID));

        rig.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
                .body("{\"message\":\"slow down " + API_KEY + "\"}").build(), json(200, "<html>" + API_KEY));
        failure(rig, client.fetchTaskAsync(GRID_ID));

        rig.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        failure(rig, traced.submitImagine(ImagineRequest.of(PROMPT)));

        rig.enqueue(json(200, text("task/imagine-failure.json").replace("Invalid value for --q",
                "Invalid value for --q, key " + API_KEY + ", hook " + NOTIFY_HOOK)));
        failure(rig, client.poller().await(GRID_ID));

        String unicodeEscaped = "\\u0073k\\u002dcanary-log-9f3e1d7c2b5a4e60";
        String slashEscaped = NOTIFY_HOOK.replace("/", "\\/");
        rig.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + unicodeEscaped + "\"}}"));
        failure(rig, client.submitImagine(ImagineRequest.of(PROMPT)));
        rig.enqueue(json(400, "{\"code\":4,\"description\":\"bad hook " + slashEscaped + " for key "
                + unicodeEscaped + "\"}"));
        failure(rig, client.submitImagine(ImagineRequest.of(PROMPT)));
        rig.enqueue(json(200, text("task/imagine-failure.json").replace("Invalid value for --q",
                "Invalid value for --q, key " + unicodeEscaped + ", hook " + slashEscaped)));
        failure(rig, client.poller().await(GRID_ID));
    }

    /** Callbacks with the right secret, a wrong one and none, while a wait is running. */
    private void webhooks(Rig rig, MidjourneyClient client, WebhookReceiver receiver) throws Exception {
        rig.enqueue(ok("task/reroll-in-progress.json"), ok("task/reroll-success.json"));
        CompletableFuture<Task> wait = client.poller().await(REROLL_ID);
        rig.scheduler.awaitIdle(rig::ioIdle);
        byte[] body = text("task/reroll-success.json").getBytes(StandardCharsets.UTF_8);

        WebhookEvent event = receiver.receive(URI.create("/mj-hook?token=" + HOOK_TOKEN), body, Map.of());
        note(event);
        for (URI uri : List.of(URI.create("/mj-hook?token=wrong-" + HOOK_TOKEN), URI.create("/mj-hook"))) {
            assertThatThrownBy(() -> receiver.receive(uri, body, Map.of("x-webhook-secret",
                    List.of(HOOK_TOKEN + "x")))).isInstanceOf(WebhookVerificationException.class)
                    .satisfies(this::note);
        }
        note(value(rig, wait));
    }

    /** JourneyAPI, whose submits carry the webhook secret in the body, answering with it. */
    private void journey(Rig rig) throws Exception {
        MidjourneyClientBuilder builder = rig.builder().apiKey(API_KEY).provider(Providers.journeyApi())
                .baseUrl(rig.server.url("/").toString()).webhookSecret(JOURNEY_SECRET)
                .notifyHook("https://hooks.example.com/journey");
        try (MidjourneyClient journey = builder.build()) {
            rig.enqueue(json(400, "{\"error\":\"webhook_secret " + JOURNEY_SECRET + " is too short\"}"));
            failure(rig, journey.submitImagine(ImagineRequest.of(PROMPT)));
            note(builder, journey);
        }
    }

    /** CometAPI's balance, whose key travels as a query parameter, answered well and with echoes of it. */
    private void cometBalance(Rig rig) throws Exception {
        MidjourneyClientBuilder builder = rig.builder().apiKey(API_KEY).provider(Providers.cometApi())
                .baseUrl(rig.server.url("/").toString()).accountBaseUrl(rig.server.url("/").toString()).maxRetries(0);
        try (MidjourneyClient comet = builder.build()) {
            rig.enqueue(json(200, "{\"username\":\"u\",\"total_quota\":3.5,\"total_used_quota\":1,\"keys\":[]}"));
            value(rig, comet.balance());
            rig.enqueue(json(401, "{\"message\":\"invalid key " + API_KEY + "\"}"));
            failure(rig, comet.balance());
            rig.enqueue(new MockResponse.Builder().code(500).body("<html>/user/quota?key=" + API_KEY + "</html>")
                    .build());
            failure(rig, comet.balance());
            rig.enqueue(json(200, "{\"username\":\"" + API_KEY + "\",\"total_quota\":"));
            failure(rig, comet.balance());
            note(builder, comet);
        }
    }

    private <T> T value(Rig rig, CompletableFuture<T> future) throws Exception {
        rig.drive(future);
        T value = future.get(10, TimeUnit.SECONDS);
        note(value);
        return value;
    }

    private void failure(Rig rig, CompletableFuture<?> future) throws InterruptedException {
        rig.drive(future);
        try {
            future.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            note(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private void note(Object... things) {
        for (Object thing : things) {
            humanText.add(String.valueOf(thing));
            if (thing instanceof Throwable error) {
                humanText.add(String.valueOf(error.getMessage()));
                if (error instanceof io.github.mjsdk.error.TaskFailedException failed) {
                    humanText.add(String.valueOf(failed.task()));
                    humanText.add(String.valueOf(failed.task().failReason()));
                }
                if (error instanceof io.github.mjsdk.error.ApiException api) {
                    humanText.add(api.bodyExcerpt());
                    humanText.add(api.description().orElse(""));
                }
                if (error.getCause() != null) {
                    note(error.getCause());
                }
            }
        }
    }
}
