package io.github.mjsdk.spring.boot;

import io.github.mjsdk.MidjourneyClientBuilder;

/**
 * Adjusts the builder of the auto-configured {@link io.github.mjsdk.MidjourneyClient} after the {@code mjsdk.*}
 * properties are applied and before {@code build()}: declare one or more as beans (ordered by
 * {@link org.springframework.core.Ordered} or {@code @Order}) to inject an {@code OkHttpClient}, a callback
 * executor, a scheduler or a clock.
 */
@FunctionalInterface
public interface MidjourneyClientBuilderCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the builder, with the properties already applied
     */
    void customize(MidjourneyClientBuilder builder);
}
