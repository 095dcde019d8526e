package io.github.mjsdk.spring.boot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code mjsdk.*} configuration properties: how the auto-configured
 * {@link io.github.mjsdk.MidjourneyClient} reaches its provider, how it waits, and the webhook endpoint, health
 * indicator, metrics and simulator around it. Every duration takes Spring's formats ({@code 30s}, {@code 2m},
 * {@code PT1M}); a plain number is milliseconds.
 */
@ConfigurationProperties(prefix = "mjsdk")
public class MidjourneyProperties {

    /** Whether to auto-configure anything at all. */
    private boolean enabled = true;

    /**
     * Which provider to speak to: cometapi, midjourney-proxy or trueai (base-url required for both), apimart or
     * journeyapi. The provider also sets the default base URL and auth scheme.
     */
    private String provider = "cometapi";

    /**
     * The API base URL, e.g. https://api.cometapi.com or https://mj.example.com; default: the provider's. http://
     * only for loopback hosts unless allow-insecure-http is set. The client bean is created only when this or
     * api-key is set.
     */
    private String baseUrl;

    /**
     * The API key; never logged. The client bean is created only when this or base-url is set (a self-hosted proxy
     * may need no key).
     */
    private String apiKey;

    /** How the key is sent: bearer, mj-api-secret or raw; default: the provider's. */
    private String authScheme;

    /**
     * The speed tier of calls that name none: turbo, fast, relax, or a reseller's path prefix such as /mj-vip;
     * default none (plain /mj paths, the server's default speed).
     */
    private String defaultSpeed;

    /**
     * The callback URL every submit carries unless its request sets one, e.g.
     * https://app.example.com/mjsdk/webhook?token=SECRET; default none.
     */
    private String notifyHook;

    /** Allow an http:// base URL on a host that is not loopback (never for a real key over the internet). */
    private boolean allowInsecureHttp = false;

    /** The TCP connect timeout of each HTTP attempt. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** The read timeout of each HTTP attempt (longest silence while reading an answer). */
    private Duration readTimeout = Duration.ofSeconds(30);

    /** The whole-attempt timeout of each HTTP attempt. */
    private Duration callTimeout = Duration.ofSeconds(60);

    /** The deadline of one call, all of its retries included (not of waiting for a task: see mjsdk.poll.timeout). */
    private Duration requestTimeout = Duration.ofSeconds(120);

    /** How many times a failed request is retried (queries on I/O, 429, 5xx; submits only on 429 and 503), 0 to 10. */
    private int maxRetries = 2;

    /** How the client waits for tasks. */
    private final Poll poll = new Poll();

    /** The client-side admission queue for submits (off unless mjsdk.admission.enabled is true). */
    private final Admission admission = new Admission();

    /** The webhook endpoint (Spring MVC only). */
    private final Webhook webhook = new Webhook();

    /** The Actuator health indicator "midjourney" (switch it off with management.health.midjourney.enabled). */
    private final Health health = new Health();

    /** The Micrometer meters. */
    private final Metrics metrics = new Metrics();

    /** The in-process simulator (sdk-testkit's FakeMidjourneyServer) for tests and demos. */
    private final Simulator simulator = new Simulator();

    /** The Spring AI ImageModel's default options (when sdk-spring-ai is on the class path). */
    private final Ai ai = new Ai();

    /** Default options of the auto-configured Spring AI {@code MidjourneyImageModel}. */
    public static class Ai {
        /** Whether to create the Spring AI ImageModel bean when Spring AI and sdk-spring-ai are present. */
        private boolean enabled = true;
        /** The speed tier of image requests: turbo, fast, relax or a path prefix; default the client's. */
        private String speed;
        /** The aspect ratio, e.g. 16:9, sent as --ar; default Midjourney's (1:1). */
        private String aspectRatio;
        /** The Midjourney version, e.g. 7 or niji 6; default Midjourney's. */
        private String model;
        /** How many of the grid's four images to return, 1 to 4. */
        private Integer n;
        /** url (default) or b64_json (the images are downloaded). */
        private String responseFormat;

        /** @return whether the bean is created */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the bean is created */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the tier, or null */
        public String getSpeed() {
            return speed;
        }

        /** @param speed the tier */
        public void setSpeed(String speed) {
            this.speed = speed;
        }

        /** @return the aspect ratio, or null */
        public String getAspectRatio() {
            return aspectRatio;
        }

        /** @param aspectRatio the aspect ratio */
        public void setAspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio;
        }

        /** @return the version, or null */
        public String getModel() {
            return model;
        }

        /** @param model the version */
        public void setModel(String model) {
            this.model = model;
        }

        /** @return the number of images, or null */
        public Integer getN() {
            return n;
        }

        /** @param n the number of images, 1 to 4 */
        public void setN(Integer n) {
            this.n = n;
        }

        /** @return the response format, or null */
        public String getResponseFormat() {
            return responseFormat;
        }

        /** @param responseFormat url or b64_json */
        public void setResponseFormat(String responseFormat) {
            this.responseFormat = responseFormat;
        }
    }

    /**
     * The poll schedule. Every property left unset keeps the tier's default (turbo: first poll after 2 s, every 3 s
     * up to 10 s, deadline 10 min; fast and none: 4 s, 5 s up to 15 s, 10 min; relax: 10 s, 15 s up to 60 s,
     * 30 min); a property that is set applies to every tier.
     */
    public static class Poll {
        /** The deadline of one wait for a task; default by tier (10 min, 30 min for relax). */
        private Duration timeout;
        /** The delay before the first poll of a task; default by tier. */
        private Duration initialDelay;
        /** The delay between polls while a task changes; default by tier. */
        private Duration interval;
        /** The longest delay between polls of a task that does not change; default by tier. */
        private Duration maxInterval;
        /** The random spread of each delay, a fraction from 0.0 to 0.5; default 0.1. */
        private Double jitter;
        /** How many task ids one batched poll carries, 1 to 1000. */
        private int batchSize = 100;
        /** How many poll requests run at once, 1 to 64. */
        private int concurrency = 2;

        /** @return the wait deadline, or null for the tier's */
        public Duration getTimeout() {
            return timeout;
        }

        /** @param timeout the wait deadline */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /** @return the first delay, or null for the tier's */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /** @param initialDelay the first delay */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** @return the interval, or null for the tier's */
        public Duration getInterval() {
            return interval;
        }

        /** @param interval the interval */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /** @return the longest interval, or null for the tier's */
        public Duration getMaxInterval() {
            return maxInterval;
        }

        /** @param maxInterval the longest interval */
        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        /** @return the jitter, or null for the tier's */
        public Double getJitter() {
            return jitter;
        }

        /** @param jitter the jitter, 0.0 to 0.5 */
        public void setJitter(Double jitter) {
            this.jitter = jitter;
        }

        /** @return ids per batched poll */
        public int getBatchSize() {
            return batchSize;
        }

        /** @param batchSize ids per batched poll, 1 to 1000 */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /** @return poll requests at once */
        public int getConcurrency() {
            return concurrency;
        }

        /** @param concurrency poll requests at once, 1 to 64 */
        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        boolean customized() {
            return timeout != null || initialDelay != null || interval != null || maxInterval != null
                    || jitter != null;
        }
    }

    /**
     * The client-side admission queue ({@code io.github.mjsdk.admission.AdmissionOptions}): paid submits wait in the
     * client while the account runs as many jobs as it takes, and a submit the server refused without creating a job
     * (code 23, HTTP 429) is sent again when a slot frees. A value left unset is the SDK's default.
     */
    public static class Admission {
        /** Hold submits in the client when the account is full, instead of passing refusals to the caller. */
        private boolean enabled = false;
        /** The most jobs of this client on the server at once, 1–1000; unset or 0: learned from its refusals. */
        private Integer maxInFlight;
        /** The most submits waiting in the client, 1–1,000,000 (SDK default 1,000); one more fails at once. */
        private Integer queueCapacity;
        /** The first guess of the limit while it is learned, 1–1000 (SDK default 3). */
        private Integer initialLimit;
        /** How long a submit may take from its call until the server accepts it, queue time included (SDK: 30m). */
        private Duration deadline;

        /** @return whether the admission queue is on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the admission queue is on */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the set limit on jobs in flight, or null to learn it */
        public Integer getMaxInFlight() {
            return maxInFlight;
        }

        /** @param maxInFlight the limit on jobs in flight, or null to learn it */
        public void setMaxInFlight(Integer maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        /** @return the queue capacity, or null for the SDK's */
        public Integer getQueueCapacity() {
            return queueCapacity;
        }

        /** @param queueCapacity the queue capacity, or null for the SDK's */
        public void setQueueCapacity(Integer queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        /** @return the first guess of a learned limit, or null for the SDK's */
        public Integer getInitialLimit() {
            return initialLimit;
        }

        /** @param initialLimit the first guess of a learned limit, or null for the SDK's */
        public void setInitialLimit(Integer initialLimit) {
            this.initialLimit = initialLimit;
        }

        /** @return how long a submit may wait to be accepted, or null for the SDK's */
        public Duration getDeadline() {
            return deadline;
        }

        /** @param deadline how long a submit may wait to be accepted, or null for the SDK's */
        public void setDeadline(Duration deadline) {
            this.deadline = deadline;
        }
    }

    /**
     * The webhook endpoint: a POST route that hands each callback to the client's
     * {@link io.github.mjsdk.webhook.WebhookReceiver} and publishes the resulting
     * {@link io.github.mjsdk.webhook.WebhookEvent} as a Spring application event. Registered in Spring MVC (servlet)
     * applications only; under WebFlux nothing is registered.
     */
    public static class Webhook {
        /** Whether to register the endpoint. */
        private boolean enabled = false;
        /** The path of the endpoint. */
        private String path = "/mjsdk/webhook";
        /**
         * The secret a callback must carry, as the token query parameter of the notify-hook URL or the
         * x-webhook-secret header (JourneyAPI's webhook_secret, which the client then also sends); default none:
         * unsigned callbacks are accepted as hints, each confirmed by one fetch.
         */
        private String secret;

        /** @return whether the endpoint is registered */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether to register the endpoint */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the endpoint's path */
        public String getPath() {
            return path;
        }

        /** @param path the endpoint's path, starting with / */
        public void setPath(String path) {
            this.path = path;
        }

        /** @return the secret, or null */
        public String getSecret() {
            return secret;
        }

        /** @param secret the secret */
        public void setSecret(String secret) {
            this.secret = secret;
        }

        @Override
        public String toString() {
            return "Webhook[enabled=" + enabled + ", path=" + path + ", secret=" + (secret == null ? "none" : "set")
                    + "]";
        }
    }

    /** The health check: one fetch of a task id that does not exist, which costs nothing. */
    public static class Health {
        /** The deadline of the health check's request (no retries). */
        private Duration timeout = Duration.ofSeconds(5);
        /** The task id the check fetches; it should not exist: a "not found" answer means reachable and authorized. */
        private String probeTaskId = "0000000000000000";

        /** @return the check's deadline */
        public Duration getTimeout() {
            return timeout;
        }

        /** @param timeout the check's deadline */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /** @return the probed id */
        public String getProbeTaskId() {
            return probeTaskId;
        }

        /** @param probeTaskId the probed id */
        public void setProbeTaskId(String probeTaskId) {
            this.probeTaskId = probeTaskId;
        }
    }

    /** The meters. */
    public static class Metrics {
        /** Whether to register the mjsdk.* meters when Micrometer has a MeterRegistry. */
        private boolean enabled = true;

        /** @return whether meters are registered */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether to register meters */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The simulator: a FakeMidjourneyServer on 127.0.0.1 instead of a real provider (needs sdk-testkit). */
    public static class Simulator {
        /** Run the client against an in-process simulator: generated images, no key, no cost. */
        private boolean enabled = false;
        /** How long a simulated job runs, at every tier; default the simulator's (turbo 2 s, fast 4 s, relax 8 s). */
        private Duration jobDuration;

        /** @return whether the simulator replaces the real provider */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the simulator replaces the real provider */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the job duration, or null for the simulator's */
        public Duration getJobDuration() {
            return jobDuration;
        }

        /** @param jobDuration the job duration */
        public void setJobDuration(Duration jobDuration) {
            this.jobDuration = jobDuration;
        }
    }

    /** @return whether anything is auto-configured */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether anything is auto-configured */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return the provider name */
    public String getProvider() {
        return provider;
    }

    /** @param provider cometapi, midjourney-proxy, apimart or journeyapi */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    /** @return the base URL, or null for the provider's */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl the base URL */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return the API key, or null */
    public String getApiKey() {
        return apiKey;
    }

    /** @param apiKey the API key */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** @return the auth scheme, or null for the provider's */
    public String getAuthScheme() {
        return authScheme;
    }

    /** @param authScheme bearer, mj-api-secret or raw */
    public void setAuthScheme(String authScheme) {
        this.authScheme = authScheme;
    }

    /** @return the default tier, or null */
    public String getDefaultSpeed() {
        return defaultSpeed;
    }

    /** @param defaultSpeed turbo, fast, relax or a path prefix */
    public void setDefaultSpeed(String defaultSpeed) {
        this.defaultSpeed = defaultSpeed;
    }

    /** @return the default callback URL, or null */
    public String getNotifyHook() {
        return notifyHook;
    }

    /** @param notifyHook the default callback URL */
    public void setNotifyHook(String notifyHook) {
        this.notifyHook = notifyHook;
    }

    /** @return whether http:// is allowed on any host */
    public boolean isAllowInsecureHttp() {
        return allowInsecureHttp;
    }

    /** @param allowInsecureHttp whether http:// is allowed on any host */
    public void setAllowInsecureHttp(boolean allowInsecureHttp) {
        this.allowInsecureHttp = allowInsecureHttp;
    }

    /** @return the connect timeout */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout the connect timeout */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the read timeout */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /** @param readTimeout the read timeout */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** @return the per-attempt timeout */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /** @param callTimeout the per-attempt timeout */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** @return the per-call deadline, retries included */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** @param requestTimeout the per-call deadline, retries included */
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** @return the retries per call */
    public int getMaxRetries() {
        return maxRetries;
    }

    /** @param maxRetries the retries per call, 0 to 10 */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    /** @return the poll settings */
    public Poll getPoll() {
        return poll;
    }

    /** @return the admission queue settings */
    public Admission getAdmission() {
        return admission;
    }

    /** @return the webhook settings */
    public Webhook getWebhook() {
        return webhook;
    }

    /** @return the health settings */
    public Health getHealth() {
        return health;
    }

    /** @return the metrics settings */
    public Metrics getMetrics() {
        return metrics;
    }

    /** @return the Spring AI defaults */
    public Ai getAi() {
        return ai;
    }

    /** @return the simulator settings */
    public Simulator getSimulator() {
        return simulator;
    }

    /** A summary without the key or the webhook secret. */
    @Override
    public String toString() {
        return "MidjourneyProperties[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "none" : "set") + ", authScheme=" + authScheme + ", defaultSpeed=" + defaultSpeed
                + ", " + webhook + "]";
    }
}
