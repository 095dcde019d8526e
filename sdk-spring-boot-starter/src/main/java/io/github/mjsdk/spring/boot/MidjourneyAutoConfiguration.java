package io.github.mjsdk.spring.boot;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.observe.ClientObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The {@link MidjourneyClient} bean, from the {@code mjsdk.*} properties ({@link MidjourneyProperties}), closed
 * when the context closes.
 *
 * <p>The bean is created only when {@code mjsdk.api-key} or {@code mjsdk.base-url} is set (or the simulator is on,
 * see {@link MidjourneySimulatorAutoConfiguration}); without either nothing is created and the other mjsdk
 * auto-configurations back off, so that adding the starter never breaks an application that has no key yet. A
 * {@code MidjourneyClient} bean of your own replaces this one. {@link MidjourneyClientBuilderCustomizer} beans
 * adjust the builder. Every {@link ClientObserver} bean (such as the {@link MidjourneyMetrics} meters) is meant for
 * the client's observation seam. {@code mjsdk.enabled=false} turns off every mjsdk auto-configuration.
 */
@AutoConfiguration
@ConditionalOnClass(MidjourneyClient.class)
@ConditionalOnBooleanProperty(name = "mjsdk.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MidjourneyProperties.class)
public class MidjourneyAutoConfiguration {

    /**
     * The client.
     *
     * @param properties  the {@code mjsdk.*} properties
     * @param customizers builder customizers, in order
     * @return a client; the context closes it
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(ClientConfigured.class)
    public MidjourneyClient midjourneyClient(MidjourneyProperties properties,
                                             ObjectProvider<MidjourneyClientBuilderCustomizer> customizers,
                                             ObjectProvider<ClientObserver> observers) {
        MidjourneyClientBuilder builder = MidjourneyClient.builder();
        ClientSettings.connection(builder, properties);
        ClientSettings.behaviour(builder, properties);
        ClientSettings.observe(builder, ClientObservers.combine(observers.orderedStream().toList()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** Matches when {@code mjsdk.api-key} or {@code mjsdk.base-url} has text (an empty value counts as unset). */
    static final class ClientConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            for (String key : new String[] {"mjsdk.api-key", "mjsdk.base-url"}) {
                if (StringUtils.hasText(environment.getProperty(key))) {
                    return ConditionOutcome.match(key + " is set");
                }
            }
            return ConditionOutcome.noMatch("neither mjsdk.api-key nor mjsdk.base-url is set");
        }
    }
}
