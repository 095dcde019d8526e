/**
 * Providers: which API dialect a client speaks, with its default base URL and auth scheme. Pick one of
 * {@link io.github.mjsdk.provider.Providers} and pass it to {@code MidjourneyClient.builder().provider(..)}; the same
 * {@code imagine}, {@code reroll}, {@code fetchTask} and poller calls then work against any of them.
 */
package io.github.mjsdk.provider;
