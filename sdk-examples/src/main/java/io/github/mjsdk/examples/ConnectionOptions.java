package io.github.mjsdk.examples;

/**
 * How the command line asked to connect; each {@code null} falls back to the environment.
 *
 * @param apiKey     {@code --api-key}, or {@code null} for {@code MIDJOURNEY_API_KEY}
 * @param baseUrl    {@code --base-url}, or {@code null} for {@code MIDJOURNEY_BASE_URL} (default: the provider's)
 * @param authScheme {@code --auth-scheme}, or {@code null} for {@code MIDJOURNEY_AUTH_SCHEME} (default: the
 *                   provider's)
 * @param provider   {@code --provider} ({@code cometapi}, {@code midjourney-proxy}, {@code apimart},
 *                   {@code journeyapi}), or {@code null} for {@code MIDJOURNEY_PROVIDER} (default cometapi)
 * @param simulator  {@code --simulator}: use the built-in simulator, speaking the provider's dialect, whatever the
 *                   key
 */
record ConnectionOptions(String apiKey, String baseUrl, String authScheme, String provider, boolean simulator) {
}
