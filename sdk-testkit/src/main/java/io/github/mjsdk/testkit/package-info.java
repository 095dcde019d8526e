/**
 * mjsdk testkit: {@link io.github.mjsdk.testkit.FakeMidjourneyServer}, an in-process simulator of the
 * midjourney-proxy protocol and of the apimart and JourneyAPI dialects for tests and offline demos, with
 * {@link io.github.mjsdk.testkit.SimulatedClock} and {@link io.github.mjsdk.testkit.VirtualTime} to control its
 * time, fault injection ({@link io.github.mjsdk.testkit.Fault}), a request journal
 * ({@link io.github.mjsdk.testkit.RecordedCall}), and the JUnit 5 extension
 * {@link io.github.mjsdk.testkit.FakeMidjourneyExtension}.
 */
package io.github.mjsdk.testkit;
