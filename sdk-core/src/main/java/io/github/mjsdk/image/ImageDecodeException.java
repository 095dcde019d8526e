package io.github.mjsdk.image;

import io.github.mjsdk.error.MidjourneyException;

/**
 * An image could not be decoded: its bytes are corrupt or truncated, it is larger than
 * {@link GridSplitter#MAX_PIXELS}, or no ImageIO reader on the class path can read its format (WebP without a WebP
 * ImageIO plugin; the message then names plugins to add).
 */
public class ImageDecodeException extends MidjourneyException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do, for humans
     * @param cause   the ImageIO failure, or {@code null}
     */
    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
