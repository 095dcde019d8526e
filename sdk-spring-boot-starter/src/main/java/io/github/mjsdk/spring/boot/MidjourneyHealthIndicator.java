package io.github.mjsdk.spring.boot;

import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.RequestOptions;
import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.InvalidRequestException;
import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.NotFoundException;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the Midjourney provider, without creating a paid job: one fetch, with no retry, of a task id that does
 * not exist. "Not found" (or "invalid id") proves the server is reachable and took the key: UP. A rejected key
 * (401/403) is DOWN with {@code error=authentication}; a timeout, an I/O error or a 5xx is DOWN with the error's
 * type. Details never include the key. Each check is one request: keep Actuator's health caching in mind when the
 * endpoint is polled often.
 */
public class MidjourneyHealthIndicator implements HealthIndicator {
    private final MidjourneyClient probe;
    private final String probeTaskId;
    private final String target;

    /**
     * An indicator.
     *
     * @param client      the client to check
     * @param timeout     the deadline of the check's request
     * @param probeTaskId a task id that does not exist
     */
    public MidjourneyHealthIndicator(MidjourneyClient client, Duration timeout, String probeTaskId) {
        // a view with its own options; never closed here (closing a view closes the client)
        this.probe = client.withOptions(RequestOptions.builder().timeout(timeout).maxRetries(0).build());
        this.probeTaskId = probeTaskId;
        this.target = client.toString();
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        try {
            probe.fetchTask(probeTaskId);
            health.withDetail("probe", "found");
        } catch (NotFoundException | InvalidRequestException e) {
            health.withDetail("probe", "not-found");
        } catch (AuthenticationException e) {
            health = Health.down().withDetail("error", "authentication")
                    .withDetail("status", e.httpStatus());
        } catch (ApiException e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName())
                    .withDetail("status", e.httpStatus());
        } catch (MidjourneyException e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName());
        }
        return health.withDetail("client", target).build();
    }
}
