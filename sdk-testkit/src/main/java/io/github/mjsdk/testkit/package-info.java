/**
 * mjsdk testkit: {@link io.github.mjsdk.testkit.FakeMidjourneyServer}, an in-process simulator of the
 * midjourney-proxy protocol and of the apimart and JourneyAPI dialects (docs/protocols.md §a–§e) for tests and
 * offline demos, with {@link io.github.mjsdk.testkit.SimulatedClock} and {@link io.github.mjsdk.testkit.VirtualTime}
 * to control its time, fault injection ({@link io.github.mjsdk.testkit.Fault} on a
 * {@link io.github.mjsdk.testkit.Route}), a request journal ({@link io.github.mjsdk.testkit.RecordedCall}), and the
 * JUnit Jupiter extension {@link io.github.mjsdk.testkit.FakeMidjourneyExtension}.
 *
 * <p>This package is the whole API. The simulator itself lives in {@code io.github.mjsdk.testkit.internal}, which
 * is not API and not exported. On the module path the testkit is module {@code io.github.mjsdk.testkit}
 * ({@code requires io.github.mjsdk.testkit;} also gives {@code io.github.mjsdk} and {@code okhttp3}); JUnit Jupiter
 * is needed only for the extension.
 */
package io.github.mjsdk.testkit;
