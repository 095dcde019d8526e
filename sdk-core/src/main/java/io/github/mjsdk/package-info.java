/**
 * mjsdk: a Java client for Midjourney-compatible image APIs (CometAPI and every server that speaks the
 * midjourney-proxy protocol).
 *
 * <p>Start with {@link io.github.mjsdk.MidjourneyClient}:
 * <pre>{@code
 * try (MidjourneyClient client = MidjourneyClient.fromEnv()) {
 *     Task grid  = client.imagine("a red fox in fresh snow --ar 3:2", Speed.TURBO).join();
 *     Task fresh = client.reroll(grid.id(), Speed.TURBO).join();
 * }
 * }</pre>
 */
package io.github.mjsdk;
