package io.github.mjsdk.spring.boot;

import io.github.mjsdk.error.MidjourneyException;
import io.github.mjsdk.error.WebhookVerificationException;
import io.github.mjsdk.webhook.WebhookEvent;
import io.github.mjsdk.webhook.WebhookReceiver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint's handler: hands the callback to the {@link WebhookReceiver}, publishes the
 * {@link WebhookEvent} it returns as an application event, and answers 204. A missing or wrong secret answers 401,
 * a body over {@value WebhookReceiver#MAX_BODY_BYTES} bytes 413 (before it is read), a body that is not a task 400.
 * Listen to the results with {@code @EventListener void on(WebhookEvent event)}.
 */
public final class MidjourneyWebhookHandler implements HandlerFunction<ServerResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(MidjourneyWebhookHandler.class);

    private final WebhookReceiver receiver;
    private final ApplicationEventPublisher publisher;

    /**
     * A handler.
     *
     * @param receiver  the client's receiver
     * @param publisher where {@link WebhookEvent}s go
     */
    public MidjourneyWebhookHandler(WebhookReceiver receiver, ApplicationEventPublisher publisher) {
        this.receiver = receiver;
        this.publisher = publisher;
    }

    @Override
    public ServerResponse handle(ServerRequest request) throws Exception {
        if (request.headers().contentLength().orElse(0) > WebhookReceiver.MAX_BODY_BYTES) {
            return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().asHttpHeaders().forEach(headers::put);
        byte[] body = request.body(byte[].class);
        WebhookEvent event;
        try {
            event = receiver.receive(request.uri(), body == null ? new byte[0] : body, headers);
        } catch (WebhookVerificationException e) {
            LOG.warn("mjsdk webhook: refused a callback: {}", e.getMessage());
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
        } catch (MidjourneyException e) {
            LOG.warn("mjsdk webhook: a callback that is not a task: {}", e.getMessage());
            return ServerResponse.badRequest().build();
        }
        LOG.debug("mjsdk webhook: task {} {} -> {}", event.task().id(), event.task().status(), event.outcome());
        publisher.publishEvent(event);
        return ServerResponse.noContent().build();
    }
}
