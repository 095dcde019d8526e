package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    @Test
    void standsStillUntilAdvanced() {
        SimulatedClock clock = new SimulatedClock();

        assertThat(clock.instant()).isEqualTo(SimulatedClock.DEFAULT_START);
        assertThat(clock.instant()).isEqualTo(clock.instant());
        clock.advance(Duration.ofMillis(1500));
        assertThat(clock.millis()).isEqualTo(SimulatedClock.DEFAULT_START.toEpochMilli() + 1500);
        clock.advanceTo(Instant.parse("2026-01-01T00:01:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void onlyMovesForward() {
        SimulatedClock clock = new SimulatedClock(Instant.parse("2030-05-01T10:00:00Z"));

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> clock.advanceTo(Instant.parse("2030-05-01T09:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forward");
        assertThatThrownBy(() -> new SimulatedClock(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start");
    }

    @Test
    void zoneViewsShareTheTime() {
        SimulatedClock clock = new SimulatedClock();
        SimulatedClock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        paris.advance(Duration.ofHours(1));

        assertThat(clock.instant()).isEqualTo(SimulatedClock.DEFAULT_START.plusSeconds(3600));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }
}
