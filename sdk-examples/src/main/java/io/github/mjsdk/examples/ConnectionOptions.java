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
 * @param allowInsecureHttp {@code --allow-insecure-http}: allow an {@code http://} base URL on a host that is not
 *                   loopback (a proxy at {@code http://service:8080}); false falls back to
 *                   {@code MIDJOURNEY_ALLOW_INSECURE_HTTP}
 */
record ConnectionOptions(String apiKey, String baseUrl, String authScheme, String provider, boolean simulator,
                         boolean allowInsecureHttp) {

    /**
     * Options without {@code --allow-insecure-http}.
     *
     * @param apiKey     see {@link #apiKey()}
     * @param baseUrl    see {@link #baseUrl()}
     * @param authScheme see {@link #authScheme()}
     * @param provider   see {@link #provider()}
     * @param simulator  see {@link #simulator()}
     */
    ConnectionOptions(String apiKey, String baseUrl, String authScheme, String provider, boolean simulator) {
        this(apiKey, baseUrl, authScheme, provider, simulator, false);
    }
}
