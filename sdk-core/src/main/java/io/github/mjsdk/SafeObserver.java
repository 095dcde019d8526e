package io.github.mjsdk;

import io.github.mjsdk.observe.AdmissionEvent;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.observe.HttpAttempt;
import io.github.mjsdk.observe.PollRound;
import io.github.mjsdk.observe.WaitEnded;
import io.github.mjsdk.observe.WaitStarted;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The user's observer behind a guard: what it throws is logged (at most once a minute) and goes no further. */
final class SafeObserver implements ClientObserver {
    private static final Logger LOG = LoggerFactory.getLogger(SafeObserver.class);
    private static final long LOG_EVERY = TimeUnit.MINUTES.toNanos(1);

    private final ClientObserver observer;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY);

    SafeObserver(ClientObserver observer) {
        this.observer = observer;
    }

    @Override
    public void httpAttempt(HttpAttempt attempt) {
        guard(() -> observer.httpAttempt(attempt));
    }

    @Override
    public void pollRound(PollRound round) {
        guard(() -> observer.pollRound(round));
    }

    @Override
    public void waitStarted(WaitStarted wait) {
        guard(() -> observer.waitStarted(wait));
    }

    @Override
    public void waitEnded(WaitEnded wait) {
        guard(() -> observer.waitEnded(wait));
    }

    @Override
    public void admission(AdmissionEvent event) {
        guard(() -> observer.admission(event));
    }

    private void guard(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            long last = lastLogged.get();
            if (now - last >= LOG_EVERY && lastLogged.compareAndSet(last, now)) {
                LOG.warn("a ClientObserver threw; the event is lost and the call goes on", e);
            }
        }
    }
}
