package io.github.mjsdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the threads that appear after a starting point: every 5 ms it records each live thread that was not
 * there at the start, by name. Threads named {@code mjsdk-*} are the SDK's own (scheduler, HTTP dispatcher, callback
 * executor); other {@code OkHttp *} threads belong to OkHttp's JVM-wide task runner (connection pool cleanup,
 * connect races), which the first OkHttp client of a JVM starts.
 */
final class ThreadCensus {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService sampler;
    private final Set<Long> before = new HashSet<>();
    private final Map<Long, String> appeared = new ConcurrentHashMap<>();
    private volatile int peakSdkLive;

    private ThreadCensus() throws InterruptedException {
        sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench-census");
            thread.setDaemon(true);
            return thread;
        });
        try {
            sampler.submit(() -> { }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        for (long id : threads.getAllThreadIds()) {
            before.add(id);
        }
        sampler.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.MILLISECONDS);
    }

    /** Starts watching now. */
    static ThreadCensus start() throws InterruptedException {
        return new ThreadCensus();
    }

    private void sample() {
        int sdkLive = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || before.contains(info.getThreadId())) {
                continue;
            }
            // OkHttp renames a dispatcher thread to "OkHttp <url>" while it runs a call: keep the pool's own name
            appeared.merge(info.getThreadId(), info.getThreadName(),
                    (seen, now) -> seen.startsWith("mjsdk-") ? seen : now);
            if (isSdk(info.getThreadName())) {
                sdkLive++;
            }
        }
        if (sdkLive > peakSdkLive) {
            peakSdkLive = sdkLive;
        }
    }

    private static boolean isSdk(String name) {
        return name.startsWith("mjsdk-") || name.startsWith("OkHttp");
    }

    /** Stops watching and counts. */
    Count finish() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        sample();
        int own = 0;
        int okhttp = 0;
        for (String name : appeared.values()) {
            if (name.startsWith("mjsdk-")) {
                own++;
            } else if (name.startsWith("OkHttp")) {
                okhttp++;
            }
        }
        return new Count(own, okhttp, peakSdkLive);
    }

    /**
     * Threads that appeared while watching.
     *
     * @param sdkOwn        distinct {@code mjsdk-*} threads
     * @param okhttp        distinct {@code OkHttp *} threads
     * @param peakSdkLive   the most of both alive at one sample
     */
    record Count(int sdkOwn, int okhttp, int peakSdkLive) {
        int sdkTotal() {
            return sdkOwn + okhttp;
        }
    }
}
