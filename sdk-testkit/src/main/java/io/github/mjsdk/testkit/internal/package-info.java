/**
 * Not API: the simulator behind {@code io.github.mjsdk.testkit.FakeMidjourneyServer}; not exported, may change in
 * any release.
 */
package io.github.mjsdk.testkit.internal;
