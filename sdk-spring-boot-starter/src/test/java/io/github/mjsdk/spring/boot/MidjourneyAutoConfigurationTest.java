package io.github.mjsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.NotFoundException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.springai.MidjourneyImageModel;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import io.github.mjsdk.testkit.Fault;
import io.github.mjsdk.testkit.Route;
import io.github.mjsdk.webhook.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.image.ImageModel;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;

/** Every property and condition of the starter, with {@code ApplicationContextRunner}s and the simulator. */
class MidjourneyAutoConfigurationTest {
    private static final AutoConfigurations ALL = AutoConfigurations.of(MidjourneySimulatorAutoConfiguration.class,
            MidjourneyAutoConfiguration.class, MidjourneyWebhookAutoConfiguration.class,
            MidjourneyHealthAutoConfiguration.class, MidjourneyMetricsAutoConfiguration.class,
            MidjourneySpringAiAutoConfiguration.class);

    private static FakeMidjourneyServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(ALL);

    @BeforeAll
    static void startServer() {
        server = FakeMidjourneyServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private ApplicationContextRunner atServer() {
        return runner.withPropertyValues("mjsdk.base-url=" + server.baseUrl(), "mjsdk.api-key=" + server.apiKey());
    }

    @Test
    void withoutKeyOrBaseUrlNothingIsCreatedAndTheContextStarts() {
        runner.withBean(SimpleMeterRegistry.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(MidjourneyClient.class);
            assertThat(context).doesNotHaveBean(MidjourneyImageModel.class);
            assertThat(context).doesNotHaveBean(MidjourneyHealthIndicator.class);
            assertThat(context).hasSingleBean(MidjourneyProperties.class);
        });
        runner.withPropertyValues("mjsdk.api-key=", "mjsdk.base-url= ")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MidjourneyClient.class));
    }

    @Test
    void anApiKeyAloneMakesACometApiClientWithTheDefaults() {
        runner.withPropertyValues("mjsdk.api-key=sk-test-canary-123").run(context -> {
            MidjourneyClient client = context.getBean(MidjourneyClient.class);
            assertThat(client.toString()).isEqualTo("MidjourneyClient[provider=CometAPI, "
                    + "baseUrl=https://api.cometapi.com/, auth=BEARER, defaultSpeed=none]");
            assertThat(context.getBean(MidjourneyProperties.class).toString()).doesNotContain("canary");
        });
    }

    @Test
    void connectionPropertiesReachTheClient() {
        runner.withPropertyValues("mjsdk.provider=apimart", "mjsdk.base-url=https://apimart.example.com/api",
                "mjsdk.api-key=k", "mjsdk.auth-scheme=mj-api-secret", "mjsdk.default-speed=turbo").run(context ->
                assertThat(context.getBean(MidjourneyClient.class).toString()).isEqualTo("MidjourneyClient["
                        + "provider=apimart, baseUrl=https://apimart.example.com/api, auth=MJ_API_SECRET, "
                        + "defaultSpeed=turbo]"));
        runner.withPropertyValues("mjsdk.provider=journeyapi", "mjsdk.api-key=k", "mjsdk.default-speed=turbo")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("JourneyAPI cannot choose a speed tier"));
        runner.withPropertyValues("mjsdk.base-url=https://mj.example.com", "mjsdk.default-speed=/mj-vip")
                .run(context -> assertThat(context.getBean(MidjourneyClient.class).toString())
                        .contains("baseUrl=https://mj.example.com/", "defaultSpeed=vip"));
    }

    @Test
    void insecureHttpNeedsItsProperty() {
        runner.withPropertyValues("mjsdk.base-url=http://mj.example.com", "mjsdk.api-key=k").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("http"));
        runner.withPropertyValues("mjsdk.base-url=http://mj.example.com", "mjsdk.api-key=k",
                "mjsdk.allow-insecure-http=true").run(context -> assertThat(context).hasSingleBean(
                MidjourneyClient.class));
    }

    @Test
    void badValuesFailAtStartWithTheirName() {
        runner.withPropertyValues("mjsdk.api-key=k", "mjsdk.auth-scheme=basic").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("authScheme"));
        runner.withPropertyValues("mjsdk.api-key=k", "mjsdk.provider=dalle").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("provider"));
        runner.withPropertyValues("mjsdk.api-key=k", "mjsdk.provider=midjourney-proxy").run(context ->
                assertThat(context).hasFailed());
        runner.withPropertyValues("mjsdk.api-key=k", "mjsdk.admission.enabled=true",
                "mjsdk.admission.queue-capacity=0").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("queueCapacity"));
        runner.withPropertyValues("mjsdk.api-key=k", "mjsdk.max-retries=11").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("maxRetries"));
        runner.withPropertyValues("mjsdk.api-key=k", "mjsdk.poll.jitter=0.9").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("jitter"));
        runner.withPropertyValues("mjsdk.api-key=k", "mjsdk.poll.batch-size=0").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("pollBatchSize"));
        runner.withPropertyValues("mjsdk.api-key=k", "mjsdk.poll.concurrency=65").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("pollConcurrency"));
    }

    @Test
    void everyPropertyBinds() {
        runner.withPropertyValues("mjsdk.connect-timeout=3s", "mjsdk.read-timeout=4s", "mjsdk.call-timeout=5s",
                "mjsdk.request-timeout=6s", "mjsdk.max-retries=0", "mjsdk.notify-hook=https://app.example.com/h",
                "mjsdk.poll.timeout=7m", "mjsdk.poll.initial-delay=1s", "mjsdk.poll.interval=2s",
                "mjsdk.poll.max-interval=9s", "mjsdk.poll.jitter=0.2", "mjsdk.poll.batch-size=50",
                "mjsdk.poll.concurrency=4", "mjsdk.webhook.enabled=true", "mjsdk.webhook.path=/hooks/mj",
                "mjsdk.webhook.secret=s3cret", "mjsdk.health.timeout=2s", "mjsdk.health.probe-task-id=42",
                "mjsdk.metrics.enabled=false", "mjsdk.simulator.job-duration=250ms", "mjsdk.ai.enabled=false",
                "mjsdk.ai.speed=relax", "mjsdk.ai.aspect-ratio=16:9", "mjsdk.ai.model=7", "mjsdk.ai.n=2",
                "mjsdk.ai.response-format=b64_json").run(context -> {
                    MidjourneyProperties p = context.getBean(MidjourneyProperties.class);
                    assertThat(p.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(p.getReadTimeout()).isEqualTo(Duration.ofSeconds(4));
                    assertThat(p.getCallTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(p.getRequestTimeout()).isEqualTo(Duration.ofSeconds(6));
                    assertThat(p.getMaxRetries()).isZero();
                    assertThat(p.getNotifyHook()).isEqualTo("https://app.example.com/h");
                    assertThat(p.getPoll().getTimeout()).isEqualTo(Duration.ofMinutes(7));
                    assertThat(p.getPoll().getInitialDelay()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(p.getPoll().getInterval()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.getPoll().getMaxInterval()).isEqualTo(Duration.ofSeconds(9));
                    assertThat(p.getPoll().getJitter()).isEqualTo(0.2);
                    assertThat(p.getPoll().getBatchSize()).isEqualTo(50);
                    assertThat(p.getPoll().getConcurrency()).isEqualTo(4);
                    assertThat(p.getWebhook().isEnabled()).isTrue();
                    assertThat(p.getWebhook().getPath()).isEqualTo("/hooks/mj");
                    assertThat(p.getWebhook().getSecret()).isEqualTo("s3cret");
                    assertThat(p.getWebhook().toString()).doesNotContain("s3cret");
                    assertThat(p.getHealth().getTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.getHealth().getProbeTaskId()).isEqualTo("42");
                    assertThat(p.getMetrics().isEnabled()).isFalse();
                    assertThat(p.getSimulator().getJobDuration()).isEqualTo(Duration.ofMillis(250));
                    assertThat(p.getAi().isEnabled()).isFalse();
                    assertThat(p.getAi().getSpeed()).isEqualTo("relax");
                    assertThat(p.getAi().getAspectRatio()).isEqualTo("16:9");
                    assertThat(p.getAi().getModel()).isEqualTo("7");
                    assertThat(p.getAi().getN()).isEqualTo(2);
                    assertThat(p.getAi().getResponseFormat()).isEqualTo("b64_json");
                });
    }

    @Test
    void pollPropertiesOverrideEachTiersDefaultsOneByOne() {
        MidjourneyProperties.Poll poll = new MidjourneyProperties.Poll();
        poll.setInterval(Duration.ofSeconds(20));
        PollOptions turbo = ClientSettings.pollOptions(PollOptions.forSpeed(io.github.mjsdk.model.Speed.TURBO), poll);
        assertThat(turbo).isEqualTo(new PollOptions(Duration.ofMinutes(10), Duration.ofSeconds(2),
                Duration.ofSeconds(20), Duration.ofSeconds(20), 0.1));
        poll.setTimeout(Duration.ofMinutes(3));
        poll.setJitter(0.0);
        PollOptions relax = ClientSettings.pollOptions(PollOptions.forSpeed(io.github.mjsdk.model.Speed.RELAX), poll);
        assertThat(relax).isEqualTo(new PollOptions(Duration.ofMinutes(3), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(60), 0.0));
    }

    @Test
    void maxRetriesReachesTheClient() {
        atServer().withPropertyValues("mjsdk.max-retries=0").run(context -> {
            server.failNext(Route.FETCH, 1, Fault.serverError());
            server.clearJournal();
            MidjourneyClient client = context.getBean(MidjourneyClient.class);
            assertThatThrownBy(() -> client.fetchTask("1000000000000009")).isInstanceOf(ServerException.class);
            assertThat(server.journal(Route.FETCH)).hasSize(1);
        });
        atServer().withPropertyValues("mjsdk.max-retries=1").run(context -> {
            server.failNext(Route.FETCH, 1, Fault.serverError());
            server.clearJournal();
            MidjourneyClient client = context.getBean(MidjourneyClient.class);
            assertThatThrownBy(() -> client.fetchTask("1000000000000009")).isInstanceOf(NotFoundException.class);
            assertThat(server.journal(Route.FETCH)).hasSize(2);
        });
    }

    @Test
    void theClientIsClosedWithTheContext() {
        MidjourneyClient[] kept = new MidjourneyClient[1];
        atServer().run(context -> kept[0] = context.getBean(MidjourneyClient.class));
        assertThatThrownBy(() -> kept[0].fetchTask("1000000000000009")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void customizersRunInOrderAndAClientBeanOfYourOwnWins() {
        AtomicInteger calls = new AtomicInteger();
        atServer().withBean(MidjourneyClientBuilderCustomizer.class,
                () -> builder -> calls.incrementAndGet()).run(context -> {
                    assertThat(context).hasSingleBean(MidjourneyClient.class);
                    assertThat(calls).hasValue(1);
                });
        atServer().withUserConfiguration(OwnClient.class).run(context -> {
            assertThat(context).hasSingleBean(MidjourneyClient.class);
            assertThat(context.getBean(MidjourneyClient.class).toString()).contains("https://own.example.com/");
        });
    }

    @Test
    void mjsdkEnabledFalseTurnsEverythingOff() {
        atServer().withBean(SimpleMeterRegistry.class)
                .withPropertyValues("mjsdk.enabled=false", "mjsdk.simulator.enabled=true").run(context -> {
                    assertThat(context).doesNotHaveBean(MidjourneyClient.class);
                    assertThat(context).doesNotHaveBean(FakeMidjourneyServer.class);
                    assertThat(context).doesNotHaveBean(MidjourneyMetrics.class);
                    assertThat(context).doesNotHaveBean(MidjourneyProperties.class);
                });
    }

    @Test
    void healthIsUpWhenTheProbeIsNotFound() {
        atServer().run(context -> {
            server.clearJournal();
            Health health = context.getBean("midjourneyHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("probe", "not-found");
            assertThat(server.journal()).singleElement().satisfies(call -> {
                assertThat(call.path()).isEqualTo("/mj/task/0000000000000000/fetch");
                assertThat(call.route()).isEqualTo(Route.FETCH);
            });
            assertThat(server.journal(Route.IMAGINE)).isEmpty();
        });
    }

    @Test
    void healthIsDownOnARejectedKeyAndOnAnUnreachableServer() {
        runner.withPropertyValues("mjsdk.base-url=" + server.baseUrl(), "mjsdk.api-key=sk-wrong-canary")
                .run(context -> {
                    Health health = context.getBean(MidjourneyHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("error", "authentication")
                            .containsEntry("status", 401);
                    assertThat(health.toString()).doesNotContain("canary");
                });
        FakeMidjourneyServer gone = FakeMidjourneyServer.start();
        String url = gone.baseUrl();
        gone.close();
        runner.withPropertyValues("mjsdk.base-url=" + url, "mjsdk.api-key=k", "mjsdk.health.timeout=2s")
                .run(context -> {
                    Health health = context.getBean(MidjourneyHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("error", "TransportException");
                });
    }

    @Test
    void healthBacksOffWithoutActuatorOrWhenSwitchedOff() {
        atServer().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(MidjourneyHealthIndicator.class)
                        .hasSingleBean(MidjourneyClient.class));
        atServer().withPropertyValues("management.health.midjourney.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MidjourneyHealthIndicator.class));
    }

    @Test
    void metricsNeedMicrometerARegistryAndTheirProperty() {
        atServer().withBean(SimpleMeterRegistry.class).run(context -> {
            assertThat(context).hasSingleBean(MidjourneyMetrics.class);
            assertThat(context.getBean(MeterRegistry.class).find(MidjourneyMetrics.PENDING).gauge()).isNotNull();
        });
        atServer().run(context -> assertThat(context).doesNotHaveBean(MidjourneyMetrics.class));
        atServer().withBean(SimpleMeterRegistry.class).withPropertyValues("mjsdk.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MidjourneyMetrics.class));
        atServer().withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(MidjourneyMetrics.class)
                        .hasSingleBean(MidjourneyClient.class));
    }

    @Test
    void springAiImageModelWhenSpringAiIsPresent() {
        atServer().withPropertyValues("mjsdk.ai.speed=turbo", "mjsdk.ai.aspect-ratio=16:9", "mjsdk.ai.n=2",
                "mjsdk.ai.model=7", "mjsdk.ai.response-format=url").run(context -> {
                    assertThat(context).hasSingleBean(ImageModel.class);
                    MidjourneyImageModel model = context.getBean(MidjourneyImageModel.class);
                    assertThat(model.getDefaultOptions().getSpeed()).isEqualTo("turbo");
                    assertThat(model.getDefaultOptions().getAspectRatio()).isEqualTo("16:9");
                    assertThat(model.getDefaultOptions().getN()).isEqualTo(2);
                    assertThat(model.getDefaultOptions().getModel()).isEqualTo("7");
                    assertThat(model.getDefaultOptions().getResponseFormat()).isEqualTo("url");
                });
        atServer().withClassLoader(new FilteredClassLoader(ImageModel.class))
                .run(context -> assertThat(context).doesNotHaveBean(MidjourneyImageModel.class)
                        .hasSingleBean(MidjourneyClient.class));
        atServer().withPropertyValues("mjsdk.ai.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MidjourneyImageModel.class));
        atServer().withPropertyValues("mjsdk.ai.n=5").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theWebhookRouteExistsOnlyInServletAppsWhenEnabled() {
        WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(ALL)
                .withPropertyValues("mjsdk.base-url=" + server.baseUrl(), "mjsdk.api-key=" + server.apiKey());
        web.withPropertyValues("mjsdk.webhook.enabled=true", "mjsdk.webhook.secret=s3cret").run(context -> {
            assertThat(context).hasSingleBean(WebhookReceiver.class);
            assertThat(context).hasBean("midjourneyWebhookRoute");
            assertThat(context.getBean("midjourneyWebhookRoute", RouterFunction.class).toString())
                    .contains("/mjsdk/webhook");
        });
        web.withPropertyValues("mjsdk.webhook.enabled=true", "mjsdk.webhook.path=/hooks/mj").run(context ->
                assertThat(context.getBean("midjourneyWebhookRoute", RouterFunction.class).toString())
                        .contains("/hooks/mj"));
        web.withPropertyValues("mjsdk.webhook.enabled=true", "mjsdk.webhook.path=hooks").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("mjsdk.webhook.path"));
        web.run(context -> assertThat(context).doesNotHaveBean(WebhookReceiver.class)
                .doesNotHaveBean("midjourneyWebhookRoute"));
        web.withClassLoader(new FilteredClassLoader(RouterFunction.class))
                .withPropertyValues("mjsdk.webhook.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean("midjourneyWebhookRoute"));
        atServer().withPropertyValues("mjsdk.webhook.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean("midjourneyWebhookRoute"));
        new ReactiveWebApplicationContextRunner().withConfiguration(ALL)
                .withPropertyValues("mjsdk.base-url=" + server.baseUrl(), "mjsdk.api-key=k",
                        "mjsdk.webhook.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(MidjourneyClient.class)
                        .doesNotHaveBean(WebhookReceiver.class).doesNotHaveBean("midjourneyWebhookRoute"));
    }

    @Test
    void theSimulatorReplacesTheProviderWhenEnabled() {
        runner.withPropertyValues("mjsdk.simulator.enabled=true", "mjsdk.simulator.job-duration=100ms",
                "mjsdk.default-speed=fast").run(context -> {
                    FakeMidjourneyServer simulator = context.getBean(FakeMidjourneyServer.class);
                    assertThat(simulator.duration(io.github.mjsdk.model.Speed.RELAX)).isEqualTo(Duration.ofMillis(100));
                    MidjourneyClient client = context.getBean(MidjourneyClient.class);
                    assertThat(client.toString()).contains(simulator.baseUrl(), "defaultSpeed=fast");
                    assertThatThrownBy(() -> client.fetchTask("1000000000000009"))
                            .isInstanceOf(NotFoundException.class);
                    assertThat(simulator.journal(Route.FETCH)).hasSize(1);
                });
        runner.withClassLoader(new FilteredClassLoader(FakeMidjourneyServer.class))
                .withPropertyValues("mjsdk.simulator.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(MidjourneyClient.class));
    }

    @Test
    void configurationMetadataListsEveryKeyForIdes() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains("\"mjsdk.provider\"", "\"mjsdk.base-url\"", "\"mjsdk.api-key\"",
                "\"mjsdk.auth-scheme\"", "\"mjsdk.default-speed\"", "\"mjsdk.connect-timeout\"",
                "\"mjsdk.read-timeout\"", "\"mjsdk.call-timeout\"", "\"mjsdk.max-retries\"", "\"mjsdk.poll.timeout\"",
                "\"mjsdk.webhook.path\"", "\"mjsdk.webhook.secret\"", "\"mjsdk.simulator.enabled\"",
                "\"mjsdk.ai.aspect-ratio\"", "\"mjsdk.health.timeout\"");
        assertThat(json).contains("\"defaultValue\": \"10s\"").contains("The TCP connect timeout");
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean(destroyMethod = "close")
        MidjourneyClient ownClient() {
            return MidjourneyClient.builder().baseUrl("https://own.example.com").apiKey("k").build();
        }
    }
}
