package io.github.mjsdk;

import io.github.mjsdk.admission.AdmissionOptions;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.provider.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What a builder resolved and validated, for {@link ClientRuntime#start}.
 *
 * @param provider          the provider
 * @param baseUrl           the API base
 * @param authScheme        how the key is sent
 * @param apiKey            the key, or null
 * @param webhookSecret     the callback secret, or null
 * @param defaultSpeed      the default tier, or null
 * @param notifyHook        the default callback URL, or null
 * @param okHttpClient      an injected OkHttp client to derive from, or null
 * @param connectTimeout    OkHttp's connect timeout
 * @param readTimeout       OkHttp's read and write timeout
 * @param callTimeout       OkHttp's limit on one attempt
 * @param requestDefaults   the client's request options, every field set
 * @param maxResponseBytes  the cap on a JSON body
 * @param maxImageBytes     the cap on one image
 * @param allowLinkLocalImages whether image downloads may reach link-local and metadata addresses
 * @param callbackExecutor  an injected callback executor, or null
 * @param scheduler         an injected scheduler, or null
 * @param clock             the time source
 * @param pollOptions       the poll schedule per tier
 * @param pollBatchSize     ids per batch query
 * @param pollConcurrency   scheduled poll requests at once
 * @param observer          hears HTTP attempts, poll rounds, waits and admission changes; null when none was set
 * @param admission         the admission queue's settings, or null for none
 * @param accountBaseUrl    the account service's base when it is on another host (CometAPI's balance), without a
 *                          trailing slash
 */
record ClientSettings(Provider provider, HttpUrl baseUrl, AuthScheme authScheme, String apiKey, String webhookSecret,
                      SpeedTier defaultSpeed, String notifyHook, OkHttpClient okHttpClient, Duration connectTimeout,
                      Duration readTimeout, Duration callTimeout, RequestOptions requestDefaults,
                      long maxResponseBytes, long maxImageBytes, boolean allowLinkLocalImages,
                      Executor callbackExecutor,
                      ScheduledExecutorService scheduler, Clock clock,
                      Function<? super SpeedTier, PollOptions> pollOptions, int pollBatchSize, int pollConcurrency,
                      ClientObserver observer, AdmissionOptions admission, String accountBaseUrl) {

    @Override
    public String toString() {
        return "ClientSettings[" + provider.name() + ", " + baseUrl + ", " + authScheme + "]";
    }
}
