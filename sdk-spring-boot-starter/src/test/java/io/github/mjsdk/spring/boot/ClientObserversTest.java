package io.github.mjsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.observe.PollRound;
import io.github.mjsdk.observe.WaitEnded;
import io.github.mjsdk.observe.WaitOutcome;
import io.github.mjsdk.observe.WaitStarted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientObserversTest {

    @Test
    void noneOneOrManyAndAThrowingObserverDoesNotStopTheOthers() {
        List<String> seen = new ArrayList<>();
        ClientObserver failing = new ClientObserver() {
            @Override
            public void pollRound(PollRound round) {
                throw new IllegalStateException("boom");
            }
        };
        ClientObserver recording = new ClientObserver() {
            @Override
            public void pollRound(PollRound round) {
                seen.add("round " + round.tasks());
            }

            @Override
            public void waitEnded(WaitEnded wait) {
                seen.add("ended " + wait.outcome().tag());
            }
        };

        assertThat(ClientObservers.combine(List.of())).isNull();
        assertThat(ClientObservers.combine(List.of(recording))).isSameAs(recording);
        ClientObserver both = ClientObservers.combine(List.of(failing, recording));
        both.pollRound(new PollRound(3, 1));
        both.waitStarted(new WaitStarted("1", "turbo"));
        both.waitEnded(new WaitEnded("1", "turbo", TaskAction.IMAGINE, WaitOutcome.MODAL_REQUIRED, Duration.ZERO));

        assertThat(seen).containsExactly("round 3", "ended modal_required");
    }
}
