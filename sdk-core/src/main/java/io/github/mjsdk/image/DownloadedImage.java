package io.github.mjsdk.image;

import io.github.mjsdk.internal.util.Redact;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * An image held in memory: its encoded bytes, its media type and where it came from.
 *
 * <p>Immutable: the constructor copies {@code bytes} and {@link #bytes()} returns a copy; read it without copying
 * through {@link #inputStream()}. {@link #toString()} leaves out the bytes and the URL's query (signed CDN links
 * carry tokens there).
 *
 * @param bytes       the encoded image, never empty
 * @param contentType the media type: {@code image/png}, {@code image/jpeg} or {@code image/webp}
 * @param sourceUrl   the URL it was downloaded from, or {@code null}
 */
public record DownloadedImage(byte[] bytes, String contentType, String sourceUrl) {

    /**
     * Validates and copies the components.
     *
     * @param bytes       see {@link #bytes()}
     * @param contentType see {@link #contentType()}; parameters and case are normalised away
     * @param sourceUrl   see {@link #sourceUrl()}
     * @throws IllegalArgumentException if {@code bytes} is null or empty, or {@code contentType} is not one of
     *                                  the three image types {@link ImageFormat} lists
     */
    public DownloadedImage {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("bytes must not be null or empty");
        }
        contentType = ImageFormat.fromContentType(contentType)
                .orElseThrow(() -> new IllegalArgumentException(
                        "contentType must be image/png, image/jpeg or image/webp"))
                .mimeType();
        bytes = bytes.clone();
    }

    /**
     * A copy of the encoded image: the file's bytes as the server sent them (PNG, JPEG or WebP, as
     * {@link #contentType()} says), not decoded pixels. To read them without copying, use {@link #inputStream()};
     * for the length, {@link #size()}.
     *
     * @return a new array on every call, never empty
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The media type of the encoded image, lower case and without parameters ({@code "image/jpeg; charset=x"} becomes
     * {@code "image/jpeg"}). A download answered as {@code application/octet-stream} or without a type gets the type
     * its bytes show. {@link #format()} gives it as an {@link ImageFormat}.
     *
     * @return {@code "image/png"}, {@code "image/jpeg"} or {@code "image/webp"}; never null
     */
    @Override
    public String contentType() {
        return contentType;
    }

    /**
     * The URL the image was downloaded from, after any redirects. It may be a signed CDN link carrying a token in
     * its query, which is why {@link #toString()} leaves the query out; treat it as a secret when logging.
     *
     * @return e.g. {@code "https://cdn.example/x.png?…"}, or {@code null} for an image that was not downloaded
     */
    @Override
    public String sourceUrl() {
        return sourceUrl;
    }

    /**
     * The encoded image as a stream, without copying it.
     *
     * @return a new stream over the bytes
     */
    public InputStream inputStream() {
        return new ByteArrayInputStream(bytes);
    }

    /**
     * The size of the encoded image.
     *
     * @return the number of bytes, at least 1
     */
    public int size() {
        return bytes.length;
    }

    /** The first {@code n} bytes (fewer when the image is shorter), for format sniffing. */
    byte[] head(int n) {
        return Arrays.copyOf(bytes, Math.min(n, bytes.length));
    }

    /**
     * The format, from {@link #contentType()}.
     *
     * @return the format
     */
    public ImageFormat format() {
        return ImageFormat.fromContentType(contentType).orElseThrow();
    }

    /**
     * Equal when the bytes, content type and source URL are equal.
     *
     * @param other the object to compare with
     * @return {@code true} when equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof DownloadedImage
                && Arrays.equals(bytes, ((DownloadedImage) other).bytes)
                && contentType.equals(((DownloadedImage) other).contentType)
                && Objects.equals(sourceUrl, ((DownloadedImage) other).sourceUrl);
    }

    /**
     * A hash of the bytes, content type and source URL.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), contentType, sourceUrl);
    }

    /**
     * A summary: type, size and the source URL without its query.
     *
     * @return e.g. {@code DownloadedImage[image/png, 1048576 bytes, from https://cdn.example/x.png?…]}
     */
    @Override
    public String toString() {
        return "DownloadedImage[" + contentType + ", " + bytes.length + " bytes"
                + (sourceUrl == null ? "" : ", from " + Redact.url(sourceUrl)) + "]";
    }
}
