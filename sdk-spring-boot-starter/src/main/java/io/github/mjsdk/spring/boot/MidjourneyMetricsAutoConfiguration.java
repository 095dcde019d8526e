package io.github.mjsdk.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link MidjourneyMetrics} meters, when Micrometer is on the class path and a {@link MeterRegistry} bean exists
 * (the Actuator starter makes one). Switch them off with {@code mjsdk.metrics.enabled=false}.
 *
 * <p>The meters count what the client reports through its {@link io.github.mjsdk.observe.ClientObserver} seam.
 * The {@code MidjourneyMetrics} bean is that observer; the starter passes every {@code ClientObserver} bean to the
 * client it builds ({@code MidjourneyClientBuilder.observer(..)}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "mjsdk.metrics.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "mjsdk.enabled", matchIfMissing = true)
public class MidjourneyMetricsAutoConfiguration {

    /**
     * The meters.
     *
     * @param registry the registry
     * @return the observer that feeds them
     */
    @Bean
    @ConditionalOnMissingBean
    public MidjourneyMetrics midjourneyMetrics(MeterRegistry registry) {
        return new MidjourneyMetrics(registry);
    }
}
