package io.github.mjsdk.spring.boot;

import io.github.mjsdk.observe.AdmissionEvent;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.observe.HttpAttempt;
import io.github.mjsdk.observe.PollRound;
import io.github.mjsdk.observe.WaitEnded;
import io.github.mjsdk.observe.WaitStarted;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one observer the client gets from all {@link ClientObserver} beans (the meters, your tracing): each event goes
 * to each of them in order, and one that throws neither stops the others nor reaches the client.
 */
final class ClientObservers implements ClientObserver {
    private static final Logger LOG = LoggerFactory.getLogger(ClientObservers.class);

    private final List<ClientObserver> observers;

    private ClientObservers(List<ClientObserver> observers) {
        this.observers = observers;
    }

    /**
     * One observer for many.
     *
     * @param observers the observers, in order
     * @return the only one when there is one, else a composite; {@code null} for none
     */
    static ClientObserver combine(List<ClientObserver> observers) {
        if (observers.isEmpty()) {
            return null;
        }
        return observers.size() == 1 ? observers.get(0) : new ClientObservers(List.copyOf(observers));
    }

    @Override
    public void httpAttempt(HttpAttempt attempt) {
        each(observer -> observer.httpAttempt(attempt));
    }

    @Override
    public void pollRound(PollRound round) {
        each(observer -> observer.pollRound(round));
    }

    @Override
    public void waitStarted(WaitStarted wait) {
        each(observer -> observer.waitStarted(wait));
    }

    @Override
    public void waitEnded(WaitEnded wait) {
        each(observer -> observer.waitEnded(wait));
    }

    @Override
    public void admission(AdmissionEvent event) {
        each(observer -> observer.admission(event));
    }

    private void each(Consumer<ClientObserver> call) {
        for (ClientObserver observer : observers) {
            try {
                call.accept(observer);
            } catch (RuntimeException e) {
                LOG.warn("mjsdk: the ClientObserver {} threw; event dropped for it", observer.getClass().getName(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "ClientObservers" + observers;
    }
}
