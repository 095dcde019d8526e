package io.github.mjsdk.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PollOptions: the documented tier defaults, validation, and per-wait overrides. */
class PollOptionsTest {

    @Test
    void tierDefaultsAreTheDocumentedOnesTurboShorterThanFastRelaxMuchLonger() {
        assertThat(PollOptions.forSpeed(Speed.TURBO)).isEqualTo(new PollOptions(Duration.ofMinutes(10),
                Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(10), 0.1));
        assertThat(PollOptions.forSpeed(Speed.FAST)).isEqualTo(new PollOptions(Duration.ofMinutes(10),
                Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(15), 0.1));
        assertThat(PollOptions.forSpeed(Speed.RELAX)).isEqualTo(new PollOptions(Duration.ofMinutes(30),
                Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(60), 0.1));
        assertThat(PollOptions.forSpeed(null)).isEqualTo(PollOptions.forSpeed(Speed.FAST));
        assertThat(PollOptions.defaults()).isEqualTo(PollOptions.forSpeed(Speed.FAST));
        assertThat(PollOptions.forSpeed(SpeedTier.of("/mj-vip"))).isEqualTo(PollOptions.forSpeed(Speed.FAST));
        assertThat(PollOptions.forSpeed(SpeedTier.of("/mj-turbo"))).isEqualTo(PollOptions.forSpeed(Speed.TURBO));
        assertThat(PollOptions.MAX_BACKOFF).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void everyComponentCanBeOverriddenPerWait() {
        PollOptions options = PollOptions.defaults()
                .withTimeout(Duration.ofMinutes(2))
                .withInitialDelay(Duration.ZERO)
                .withInterval(Duration.ofSeconds(1))
                .withMaxInterval(Duration.ofSeconds(8))
                .withJitter(0.0);

        assertThat(options).isEqualTo(new PollOptions(Duration.ofMinutes(2), Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(8), 0.0));
        assertThat(new PollOptions(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isEqualTo(new PollOptions(Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(2), 0.0));
    }

    @Test
    void aLongerIntervalRaisesTheCapWithIt() {
        PollOptions options = PollOptions.defaults().withInterval(Duration.ofSeconds(40));

        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(40));
        assertThat(options.maxInterval()).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void invalidComponentsAreRefusedNamingTheParameter() {
        PollOptions options = PollOptions.defaults();

        assertThatThrownBy(() -> options.withTimeout(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> options.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> options.withInitialDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> options.withInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> options.withInterval(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> options.withMaxInterval(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInterval");
        assertThatThrownBy(() -> options.withJitter(0.6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> options.withJitter(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitter");
        assertThatThrownBy(() -> options.withJitter(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitter");
    }
}
