package io.github.mjsdk.spring.boot;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.testkit.FakeMidjourneyServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Points the client at the simulator: with {@code mjsdk.simulator.enabled=true} and sdk-testkit on the class path
 * (a test dependency, usually), a {@link FakeMidjourneyServer} bean listens on {@code 127.0.0.1} and the
 * {@link MidjourneyClient} bean talks to it with its key, whatever {@code mjsdk.provider}, {@code base-url} and
 * {@code api-key} say; the other {@code mjsdk.*} properties (speed, hook, timeouts, poll, webhook secret) and the
 * {@link MidjourneyClientBuilderCustomizer}s still apply. Jobs take {@code mjsdk.simulator.job-duration} at every
 * tier (default the simulator's: turbo 2 s, fast 4 s, relax 8 s). Declare a {@code FakeMidjourneyServer} bean of your
 * own to set it up otherwise (faults, Remix, another dialect, virtual time).
 *
 * <pre>{@code
 * @SpringBootTest(properties = {"mjsdk.simulator.enabled=true", "mjsdk.simulator.job-duration=200ms"})
 * class ImagesTest {
 *     @Autowired MidjourneyClient client;
 *     @Autowired FakeMidjourneyServer server;      // journal(), failNext(..)
 * }
 * }</pre>
 */
@AutoConfiguration(before = MidjourneyAutoConfiguration.class)
@ConditionalOnClass(name = "io.github.mjsdk.testkit.FakeMidjourneyServer")
@ConditionalOnBooleanProperty(name = "mjsdk.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("mjsdk.simulator.enabled")
@EnableConfigurationProperties(MidjourneyProperties.class)
public class MidjourneySimulatorAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(MidjourneySimulatorAutoConfiguration.class);

    /**
     * The simulator.
     *
     * @param properties the {@code mjsdk.*} properties
     * @return a running simulator; the context closes it
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public FakeMidjourneyServer fakeMidjourneyServer(MidjourneyProperties properties) {
        FakeMidjourneyServer.Builder builder = FakeMidjourneyServer.builder();
        if (properties.getSimulator().getJobDuration() != null) {
            for (Speed speed : Speed.values()) {
                builder.duration(speed, properties.getSimulator().getJobDuration());
            }
        }
        FakeMidjourneyServer server = builder.start();
        LOG.info("mjsdk: the MidjourneyClient talks to the simulator at {} (generated images, no cost)",
                server.baseUrl());
        return server;
    }

    /**
     * The client, wired to the simulator.
     *
     * @param server      the simulator
     * @param properties  the {@code mjsdk.*} properties
     * @param customizers builder customizers, in order
     * @return a client; the context closes it
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public MidjourneyClient midjourneyClient(FakeMidjourneyServer server, MidjourneyProperties properties,
                                             ObjectProvider<MidjourneyClientBuilderCustomizer> customizers,
                                             ObjectProvider<ClientObserver> observers) {
        // the server's builder: its provider, URL, key, and a poll schedule suited to the simulated durations
        MidjourneyClientBuilder builder = server.newClientBuilder();
        ClientSettings.behaviour(builder, properties);
        ClientSettings.observe(builder, ClientObservers.combine(observers.orderedStream().toList()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
