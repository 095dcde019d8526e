package io.github.mjsdk.error;

/**
 * A callback did not carry the configured shared secret (neither the URL token nor the {@code x-webhook-secret}
 * header matched). Answer it with HTTP 401 and ignore it. The message never contains the expected or the received
 * secret.
 */
public class WebhookVerificationException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, without secrets
     */
    public WebhookVerificationException(String message) {
        super(message);
    }
}
