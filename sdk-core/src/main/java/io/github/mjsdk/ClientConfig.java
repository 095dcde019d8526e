package io.github.mjsdk;

import io.github.mjsdk.internal.Engine;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import okhttp3.OkHttpClient;

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
 * @param pollBatchSize    ids per list-by-condition request
 * @param pollConcurrency  scheduled poll requests at once
 * @param random           jitter source, values in [0, 1)
 * @param owned            shutdown actions for resources the client created
 * @param http             the derived OkHttp client (timeouts, auth interceptor), for image downloads
 * @param maxImageBytes    the cap on one downloaded image
 */
record ClientConfig(String baseUrl, AuthScheme authScheme, SpeedTier defaultSpeed, Engine engine,
                    ScheduledExecutorService scheduler, Executor callbackExecutor, Clock clock,
                    int pollBatchSize, int pollConcurrency, DoubleSupplier random, List<Runnable> owned, OkHttpClient http,
                    long maxImageBytes) {

    void shutdownOwned() {
        owned.forEach(Runnable::run);
    }
}
