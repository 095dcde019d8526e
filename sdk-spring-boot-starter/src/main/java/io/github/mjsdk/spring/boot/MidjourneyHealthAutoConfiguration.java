package io.github.mjsdk.spring.boot;

import io.github.mjsdk.MidjourneyClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code midjourney} health indicator ({@link MidjourneyHealthIndicator}), when Spring Boot's health support
 * (spring-boot-health, which the Actuator starter brings) is on the class path and a client bean exists. Switch it
 * off with {@code management.health.midjourney.enabled=false}.
 */
@AutoConfiguration(after = {MidjourneyAutoConfiguration.class, MidjourneySimulatorAutoConfiguration.class})
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(MidjourneyClient.class)
@ConditionalOnEnabledHealthIndicator("midjourney")
public class MidjourneyHealthAutoConfiguration {

    /**
     * The indicator; its bean name makes its health key {@code midjourney}.
     *
     * @param client     the client
     * @param properties the {@code mjsdk.*} properties
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean(name = "midjourneyHealthIndicator")
    public MidjourneyHealthIndicator midjourneyHealthIndicator(MidjourneyClient client,
                                                               MidjourneyProperties properties) {
        return new MidjourneyHealthIndicator(client, properties.getHealth().getTimeout(),
                properties.getHealth().getProbeTaskId());
    }
}
