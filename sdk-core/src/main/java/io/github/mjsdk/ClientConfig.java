package io.github.mjsdk;

import io.github.mjsdk.internal.Engine;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a built client runs on, and which of it the client owns (and so shuts down on close).
 *
 * @param baseUrl          the API base, for toString
 * @param authScheme       the scheme, for toString
 * @param defaultSpeed     the default tier or null
 * @param engine           the wired engine
 * @param scheduler        the poll-timer scheduler
 * @param callbackExecutor where user futures complete
 * @param clock            the time source
 * @param owned            shutdown actions for resources the client created
 */
record ClientConfig(String baseUrl, AuthScheme authScheme, SpeedTier defaultSpeed, Engine engine,
                    ScheduledExecutorService scheduler, Executor callbackExecutor, Clock clock,
                    List<Runnable> owned) {

    void shutdownOwned() {
        owned.forEach(Runnable::run);
    }
}
