package io.github.mjsdk.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.error.RateLimitException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.TransportException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pure give-up rule of {@link PollDecision}: failed polls in a row against the waits' maxFailedPolls. */
class PollDecisionGiveUpTest {
    private static final Duration TRACKED = Duration.ofMinutes(2);

    @Test
    void serverAndTransportFailuresGiveUpOnceTheFewestAllowedIsReached() {
        ServerException badGateway = new ServerException("502", 502, null, null, null, null);
        TransportException reset = new TransportException("reset", new IOException("reset"), false);

        assertThat(PollDecision.onError(badGateway, true, TRACKED, 2, 3)).isInstanceOf(PollDecision.Retry.class);
        assertThat(PollDecision.onError(badGateway, true, TRACKED, 3, 3))
                .isEqualTo(new PollDecision.GiveUp(badGateway, null));
        assertThat(PollDecision.onError(reset, false, TRACKED, 4, 3)).isInstanceOf(PollDecision.GiveUp.class);
        assertThat(PollDecision.counts(badGateway)).isTrue();
        assertThat(PollDecision.counts(reset)).isTrue();
    }

    @Test
    void rateLimitsDoNotCountAndNeverGiveUp() {
        RateLimitException slowDown = new RateLimitException("429", 429, null, null, null, null, null);

        assertThat(PollDecision.counts(slowDown)).isFalse();
        assertThat(PollDecision.onError(slowDown, true, TRACKED, 99, 1)).isInstanceOf(PollDecision.Retry.class);
    }

    @Test
    void givesUpComparesFailuresWithTheWaitsAllowance() {
        assertThat(PollDecision.givesUp(4, 5)).isFalse();
        assertThat(PollDecision.givesUp(5, 5)).isTrue();
        assertThat(PollDecision.givesUp(Integer.MAX_VALUE - 1, Integer.MAX_VALUE)).isFalse();
    }
}
