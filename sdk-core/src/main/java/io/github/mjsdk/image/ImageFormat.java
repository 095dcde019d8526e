package io.github.mjsdk.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The image formats Midjourney servers deliver: PNG (grids and upscales on CometAPI and Discord), JPEG, and WebP
 * (Discord previews while a task runs, docs/protocols.md §a.6).
 */
public enum ImageFormat {
    /** Portable Network Graphics, {@code image/png}, files {@code .png}. */
    PNG("image/png", "png"),
    /** JPEG, {@code image/jpeg}, files {@code .jpg}. */
    JPEG("image/jpeg", "jpg"),
    /** WebP, {@code image/webp}, files {@code .webp}; decoding needs a WebP ImageIO plugin. */
    WEBP("image/webp", "webp");

    private final String mimeType;
    private final String extension;

    ImageFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    /**
     * The media type.
     *
     * @return e.g. {@code "image/png"}
     */
    public String mimeType() {
        return mimeType;
    }

    /**
     * The file name extension, without the dot.
     *
     * @return {@code "png"}, {@code "jpg"} or {@code "webp"}
     */
    public String extension() {
        return extension;
    }

    /**
     * The format a {@code Content-Type} value names. Parameters and case are ignored; {@code image/jpg} and
     * {@code image/pjpeg}, which some servers send, count as JPEG.
     *
     * @param contentType a header value such as {@code "image/png"} or {@code "IMAGE/JPEG; charset=binary"}, or
     *                    {@code null}
     * @return the format, or empty for any other type (an HTML page, {@code application/octet-stream}) or null
     */
    public static Optional<ImageFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        switch (mediaType(contentType)) {
            case "image/png":
                return Optional.of(PNG);
            case "image/jpeg":
            case "image/jpg":
            case "image/pjpeg":
                return Optional.of(JPEG);
            case "image/webp":
                return Optional.of(WEBP);
            default:
                return Optional.empty();
        }
    }

    /** The media type of a {@code Content-Type} value, without parameters, trimmed and in lower case. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The format the first bytes of a file show: the PNG signature, the JPEG start-of-image marker, or a RIFF
     * container of type {@code WEBP}.
     *
     * @param bytes the file's bytes, or its first 12 or more bytes
     * @return the format, or empty when the bytes are none of the three (or {@code bytes} is null)
     */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
