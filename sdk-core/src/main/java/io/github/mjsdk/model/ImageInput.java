package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * An image sent to a provider: the source of a describe, the images of a blend, a Vary (Region) mask. Built from a
 * file ({@link #of(Path)}), bytes with a MIME type ({@link #of(byte[], String)}) or a public http(s) URL
 * ({@link #ofUrl(String)}). Bytes are checked at once: the type must be PNG, JPEG, WebP or GIF (read from the
 * bytes' signature, which must agree with a given MIME type) and the size at most {@link #MAX_BYTES}. Each dialect
 * sends it the way its provider takes it (docs/protocols.md §h.2.1, §h.2.2): the proxy family as a base64 data URL
 * ({@code base64}, {@code base64Array}; a URL goes in describe's {@code link}), apimart as an entry of
 * {@code image_urls} (URL or data URL), JourneyAPI as a public URL only. A form a provider cannot take fails before
 * sending with an {@link IllegalArgumentException} naming the parameter. Immutable.
 */
public final class ImageInput {
    /**
     * The largest image accepted, in bytes: 10 MiB, below apimart's 12 MiB cap (docs/protocols.md §h.2.1) and
     * within what the proxies upload to Discord.
     */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/gif");

    private final byte[] bytes;
    private final String mimeType;
    private final String url;

    private ImageInput(byte[] bytes, String mimeType, String url) {
        this.bytes = bytes;
        this.mimeType = mimeType;
        this.url = url;
    }

    /**
     * An image file, read now.
     *
     * @param file the file; its type is read from its first bytes, not its name
     * @return the input
     * @throws IllegalArgumentException if {@code file} is null, not a regular file, larger than {@link #MAX_BYTES},
     *                                  or not PNG, JPEG, WebP or GIF; the message names the file
     * @throws UncheckedIOException     if reading fails
     */
    public static ImageInput of(Path file) {
        Args.notNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file: " + file + " is not a regular file");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException("file: " + file + " has " + size + " bytes, over the limit of "
                        + MAX_BYTES + " bytes (10 MiB)");
            }
            byte[] bytes = Files.readAllBytes(file);
            String type = sniff(bytes);
            if (type == null) {
                throw new IllegalArgumentException("file: " + file + " is not a PNG, JPEG, WebP or GIF image");
            }
            return new ImageInput(bytes, type, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Image bytes with their MIME type.
     *
     * @param bytes    the encoded image (copied)
     * @param mimeType {@code image/png}, {@code image/jpeg}, {@code image/webp} or {@code image/gif}; it must match
     *                 the bytes' signature
     * @return the input
     * @throws IllegalArgumentException if either is null, the type is not one of those four or does not match the
     *                                  bytes, or the bytes are empty or over {@link #MAX_BYTES}
     */
    public static ImageInput of(byte[] bytes, String mimeType) {
        Args.notNull(bytes, "bytes");
        Args.notBlank(mimeType, "mimeType");
        String type = mimeType.trim().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("mimeType: " + mimeType + " is not supported; use image/png,"
                    + " image/jpeg, image/webp or image/gif");
        }
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("bytes: " + bytes.length + " bytes, must be 1 to " + MAX_BYTES
                    + " (10 MiB)");
        }
        String sniffed = sniff(bytes);
        if (!type.equals(sniffed)) {
            throw new IllegalArgumentException("bytes: the data is " + (sniffed == null ? "not a PNG, JPEG, WebP or"
                    + " GIF image" : sniffed) + ", not " + type);
        }
        return new ImageInput(bytes.clone(), type, null);
    }

    /**
     * A public image URL, sent as is (the provider downloads it).
     *
     * @param url an absolute {@code http} or {@code https} URL with a host
     * @return the input
     * @throws IllegalArgumentException if {@code url} is null, blank, or not an absolute http(s) URL with a host
     */
    public static ImageInput ofUrl(String url) {
        Args.notBlank(url, "url");
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url: not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("url: must be an absolute http(s) URL with a host, got: " + url);
        }
        return new ImageInput(null, null, uri.toString());
    }

    /**
     * Whether this is a URL (rather than bytes).
     *
     * @return true for {@link #ofUrl(String)}
     */
    public boolean isUrl() {
        return url != null;
    }

    /**
     * The URL.
     *
     * @return the URL, or null for bytes
     */
    public String url() {
        return url;
    }

    /**
     * The MIME type of the bytes.
     *
     * @return e.g. {@code image/png}, or null for a URL
     */
    public String mimeType() {
        return mimeType;
    }

    /**
     * The image bytes.
     *
     * @return a copy, or null for a URL
     */
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    /**
     * The size of the bytes.
     *
     * @return the byte count, or 0 for a URL
     */
    public int size() {
        return bytes == null ? 0 : bytes.length;
    }

    /**
     * The bytes as a data URL.
     *
     * @return {@code data:<mime>;base64,<data>}, or null for a URL
     */
    public String dataUrl() {
        return bytes == null ? null : "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The URL, else the data URL: what a provider that takes either receives.
     *
     * @return never null
     */
    public String urlOrDataUrl() {
        return isUrl() ? url : dataUrl();
    }

    /** The type from the signature, or null when none of the four. */
    static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /**
     * A summary without the bytes.
     *
     * @return e.g. {@code ImageInput[image/png, 1234 bytes]} or {@code ImageInput[https://…]}
     */
    @Override
    public String toString() {
        return isUrl() ? "ImageInput[" + url + "]" : "ImageInput[" + mimeType + ", " + bytes.length + " bytes]";
    }
}
