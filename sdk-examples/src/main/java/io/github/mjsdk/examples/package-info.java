/**
 * Runnable programs built on mjsdk: {@link io.github.mjsdk.examples.QuickStart}, the main job (imagine, save,
 * reroll, save, summary), and {@link io.github.mjsdk.examples.Mj}, the {@code mj} command line. Both run against the
 * built-in simulator ({@code FakeMidjourneyServer}) when no API key is configured, so they work on a fresh clone.
 */
package io.github.mjsdk.examples;
