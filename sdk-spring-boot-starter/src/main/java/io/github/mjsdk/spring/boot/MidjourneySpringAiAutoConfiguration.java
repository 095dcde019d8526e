package io.github.mjsdk.spring.boot;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.springai.MidjourneyImageModel;
import io.github.mjsdk.springai.MidjourneyImageOptions;
import org.springframework.ai.image.ImageModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Midjourney as Spring AI's {@link ImageModel}: when Spring AI and sdk-spring-ai are on the class path and a client
 * bean exists, a {@link MidjourneyImageModel} bean with the {@code mjsdk.ai.*} default options. Switch it off with
 * {@code mjsdk.ai.enabled=false}.
 */
@AutoConfiguration(after = {MidjourneyAutoConfiguration.class, MidjourneySimulatorAutoConfiguration.class})
@ConditionalOnClass({ImageModel.class, MidjourneyImageModel.class})
@ConditionalOnBean(MidjourneyClient.class)
@ConditionalOnBooleanProperty(name = "mjsdk.ai.enabled", matchIfMissing = true)
public class MidjourneySpringAiAutoConfiguration {

    /**
     * The image model.
     *
     * @param client     the client
     * @param properties the {@code mjsdk.*} properties
     * @return the model
     */
    @Bean
    @ConditionalOnMissingBean
    public MidjourneyImageModel midjourneyImageModel(MidjourneyClient client, MidjourneyProperties properties) {
        MidjourneyProperties.Ai ai = properties.getAi();
        return new MidjourneyImageModel(client, MidjourneyImageOptions.builder()
                .speed(ai.getSpeed())
                .aspectRatio(ai.getAspectRatio())
                .model(ai.getModel())
                .n(ai.getN())
                .responseFormat(ai.getResponseFormat())
                .build());
    }
}
