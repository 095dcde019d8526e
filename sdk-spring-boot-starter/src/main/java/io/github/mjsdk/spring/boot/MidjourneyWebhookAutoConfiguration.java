package io.github.mjsdk.spring.boot;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.webhook.WebhookReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint: with {@code mjsdk.webhook.enabled=true} in a Spring MVC (servlet) application, a
 * {@code POST} route at {@code mjsdk.webhook.path} (default {@code /mjsdk/webhook}) feeds the client's
 * {@link WebhookReceiver} (secret: {@code mjsdk.webhook.secret}) and publishes each result as a
 * {@link io.github.mjsdk.webhook.WebhookEvent} application event. Under WebFlux (a reactive web application) nothing
 * is registered: create the receiver with {@code client.webhookReceiver(secret)} and call it from your own handler
 * (its {@code receive(..)} does no I/O and may run on an event-loop thread).
 *
 * <p>Secure the path as your other endpoints, but let the provider reach it: callbacks carry no credentials but the
 * secret.
 */
@AutoConfiguration(after = {MidjourneyAutoConfiguration.class, MidjourneySimulatorAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(MidjourneyClient.class)
@ConditionalOnBooleanProperty("mjsdk.webhook.enabled")
public class MidjourneyWebhookAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(MidjourneyWebhookAutoConfiguration.class);

    /**
     * The receiver, bound to the client's poller (which then polls three times less often).
     *
     * @param client     the client
     * @param properties the {@code mjsdk.*} properties
     * @return the receiver
     */
    @Bean
    @ConditionalOnMissingBean
    public WebhookReceiver midjourneyWebhookReceiver(MidjourneyClient client, MidjourneyProperties properties) {
        String secret = properties.getWebhook().getSecret();
        if (!StringUtils.hasText(secret)) {
            LOG.warn("mjsdk webhook: no mjsdk.webhook.secret set; unsigned callbacks are accepted (each is only a hint,"
                    + " confirmed by one fetch)");
            secret = null;
        }
        return client.webhookReceiver(secret);
    }

    /**
     * The route.
     *
     * @param receiver   the receiver
     * @param publisher  where the events go
     * @param properties the {@code mjsdk.*} properties
     * @return a router function with one POST route
     */
    @Bean
    public RouterFunction<ServerResponse> midjourneyWebhookRoute(WebhookReceiver receiver,
                                                                 ApplicationEventPublisher publisher,
                                                                 MidjourneyProperties properties) {
        String path = properties.getWebhook().getPath();
        if (!StringUtils.hasText(path) || !path.startsWith("/")) {
            throw new IllegalArgumentException("mjsdk.webhook.path must start with '/', got: " + path);
        }
        return RouterFunctions.route().POST(path, new MidjourneyWebhookHandler(receiver, publisher)).build();
    }
}
