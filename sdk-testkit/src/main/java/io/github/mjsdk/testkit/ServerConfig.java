package io.github.mjsdk.testkit;

import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.provider.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The settings a server was built with. */
record ServerConfig(String apiKey, AuthScheme authScheme, Map<Speed, Duration> durations, Clock clock,
                    boolean remix, boolean legacy, int concurrency, int queueSize, Set<String> bannedWords,
                    long randomSeed, int port, String notifyHook, VirtualTime virtualTime, Provider provider,
                    Dialect dialect) {

    /** The duration of a job at a tier; no tier runs as FAST. */
    Duration duration(Speed speed) {
        return durations.get(speed == null ? Speed.FAST : speed);
    }
}
