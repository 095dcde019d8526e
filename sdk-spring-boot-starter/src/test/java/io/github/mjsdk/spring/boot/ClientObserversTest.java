package io.github.mjsdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.model.TaskAction;
import io.github.mjsdk.observe.AdmissionEvent;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.observe.HttpAttempt;
import io.github.mjsdk.observe.PollRound;
import io.github.mjsdk.observe.WaitEnded;
import io.github.mjsdk.observe.WaitOutcome;
import io.github.mjsdk.observe.WaitStarted;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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

    @Test
    void everyEventReachesEveryObserver() throws Exception {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        ClientObserver both = ClientObservers.combine(List.of(recorder(first), recorder(second)));

        both.httpAttempt(new HttpAttempt("imagine", "POST /mj/submit/imagine", 200, null, Duration.ofMillis(5), 0,
                false));
        both.pollRound(new PollRound(2, 1));
        both.waitStarted(new WaitStarted("1", "fast"));
        both.waitEnded(new WaitEnded("1", "fast", TaskAction.IMAGINE, WaitOutcome.SUCCESS, Duration.ZERO));
        both.admission(new AdmissionEvent(AdmissionEvent.Kind.QUEUED, 1, 3, 3, Duration.ZERO));

        List<String> events = List.of("httpAttempt", "pollRound", "waitStarted", "waitEnded", "admission");
        assertThat(first).containsExactlyElementsOf(events);
        assertThat(second).containsExactlyElementsOf(events);
        // an event added to ClientObserver later must be forwarded too, not fall to the interface's no-op default
        for (Method method : ClientObserver.class.getDeclaredMethods()) {
            if (!method.isSynthetic() && !Modifier.isStatic(method.getModifiers())) {
                assertThat(ClientObservers.class.getDeclaredMethod(method.getName(), method.getParameterTypes()))
                        .as(method.getName()).isNotNull();
                assertThat(events).as("covered by this test").contains(method.getName());
            }
        }
    }

    /** An observer that records the name of each event it gets. */
    private static ClientObserver recorder(List<String> seen) {
        return new ClientObserver() {
            @Override
            public void httpAttempt(HttpAttempt attempt) {
                seen.add("httpAttempt");
            }

            @Override
            public void pollRound(PollRound round) {
                seen.add("pollRound");
            }

            @Override
            public void waitStarted(WaitStarted wait) {
                seen.add("waitStarted");
            }

            @Override
            public void waitEnded(WaitEnded wait) {
                seen.add("waitEnded");
            }

            @Override
            public void admission(AdmissionEvent event) {
                seen.add("admission");
            }
        };
    }
}
