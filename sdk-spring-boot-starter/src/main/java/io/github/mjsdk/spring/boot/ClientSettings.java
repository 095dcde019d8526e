package io.github.mjsdk.spring.boot;

import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.MidjourneyClientBuilder;
import io.github.mjsdk.RequestOptions;
import io.github.mjsdk.admission.AdmissionOptions;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.poll.PollOptions;
import io.github.mjsdk.provider.Providers;
import java.time.Duration;
import org.springframework.util.StringUtils;

/**
 * Turns {@link MidjourneyProperties} into builder calls. The only class of the starter that names the SDK's speed
 * and auth types, so that a move of those types changes imports here alone.
 */
final class ClientSettings {

    private ClientSettings() {
    }

    /** Applies the connection properties: provider, base URL, key, auth scheme. */
    static MidjourneyClientBuilder connection(MidjourneyClientBuilder builder, MidjourneyProperties properties) {
        if (StringUtils.hasText(properties.getProvider())) {
            builder.provider(Providers.named(properties.getProvider()));
        }
        if (StringUtils.hasText(properties.getBaseUrl())) {
            builder.baseUrl(properties.getBaseUrl());
        }
        if (StringUtils.hasText(properties.getApiKey())) {
            builder.apiKey(properties.getApiKey());
        }
        if (StringUtils.hasText(properties.getAuthScheme())) {
            builder.authScheme(AuthScheme.parse(properties.getAuthScheme()));
        }
        builder.allowInsecureHttp(properties.isAllowInsecureHttp());
        return builder;
    }

    /** Applies everything else: speed, hook, timeouts, retries, admission queue, poll options, webhook secret. */
    static MidjourneyClientBuilder behaviour(MidjourneyClientBuilder builder, MidjourneyProperties properties) {
        if (StringUtils.hasText(properties.getDefaultSpeed())) {
            builder.defaultSpeed(speed(properties.getDefaultSpeed()));
        }
        if (StringUtils.hasText(properties.getNotifyHook())) {
            builder.notifyHook(properties.getNotifyHook());
        }
        if (StringUtils.hasText(properties.getWebhook().getSecret())) {
            builder.webhookSecret(properties.getWebhook().getSecret());
        }
        builder.connectTimeout(properties.getConnectTimeout())
                .readTimeout(properties.getReadTimeout())
                .callTimeout(properties.getCallTimeout())
                .requestOptions(RequestOptions.builder()
                        .timeout(properties.getRequestTimeout())
                        .maxRetries(properties.getMaxRetries())
                        .build())
                .pollBatchSize(properties.getPoll().getBatchSize())
                .pollConcurrency(properties.getPoll().getConcurrency());
        if (properties.getAdmission().isEnabled()) {
            builder.admission(admission(properties.getAdmission()));
        }
        MidjourneyProperties.Poll poll = properties.getPoll();
        if (poll.customized()) {
            builder.pollOptions(tier -> pollOptions(PollOptions.forSpeed(tier), poll));
            // fail at start-up, not at the first wait, on a bad combination
            pollOptions(PollOptions.defaults(), poll);
        }
        return builder;
    }

    /**
     * Attaches the observer (the meters and any other {@code ClientObserver} beans) to the client.
     */
    static MidjourneyClientBuilder observe(MidjourneyClientBuilder builder, ClientObserver observer) {
        return observer == null ? builder : builder.observer(observer);
    }

    /**
     * Applies the poll properties that are set over a base schedule, as the properties say (a set property applies to
     * every tier; an interval longer than the tier's longest interval raises that too).
     */
    static PollOptions pollOptions(PollOptions base, MidjourneyProperties.Poll poll) {
        Duration interval = poll.getInterval() != null ? poll.getInterval() : base.interval();
        Duration max = poll.getMaxInterval() != null ? poll.getMaxInterval() : base.maxInterval();
        if (poll.getMaxInterval() == null && max.compareTo(interval) < 0) {
            max = interval;
        }
        return new PollOptions(
                poll.getTimeout() != null ? poll.getTimeout() : base.timeout(),
                poll.getInitialDelay() != null ? poll.getInitialDelay() : base.initialDelay(),
                interval, max,
                poll.getJitter() != null ? poll.getJitter() : base.jitter());
    }

    /** The admission options the properties say, over the SDK's defaults. */
    static AdmissionOptions admission(MidjourneyProperties.Admission admission) {
        AdmissionOptions options = AdmissionOptions.defaults();
        if (admission.getMaxInFlight() != null) {
            options = options.withMaxInFlight(admission.getMaxInFlight());
        }
        if (admission.getQueueCapacity() != null) {
            options = options.withQueueCapacity(admission.getQueueCapacity());
        }
        if (admission.getInitialLimit() != null) {
            options = options.withInitialLimit(admission.getInitialLimit());
        }
        if (admission.getDeadline() != null) {
            options = options.withDeadline(admission.getDeadline());
        }
        return options;
    }

    /** A tier from its name ({@code turbo}) or path prefix ({@code /mj-vip}). */
    static SpeedTier speed(String text) {
        String value = text.trim();
        return value.startsWith("/") ? SpeedTier.of(value) : Speed.parse(value);
    }
}
