package io.github.mjsdk.image;

import java.util.Optional;

/**
 * The formats a task's video clips come in (docs/protocols.md §h.2.7): MP4 from the providers' CDNs, WebM or
 * QuickTime from some, and an animated GIF (what the testkit's simulator serves).
 */
enum VideoFormat {
    MP4("video/mp4", "mp4"),
    WEBM("video/webm", "webm"),
    QUICKTIME("video/quicktime", "mov"),
    GIF("image/gif", "gif");

    private final String mimeType;
    private final String extension;

    VideoFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    String mimeType() {
        return mimeType;
    }

    String extension() {
        return extension;
    }

    /** The format a {@code Content-Type} names, parameters and case ignored; empty for any other type or null. */
    static Optional<VideoFormat> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = ImageFormat.mediaType(contentType);
        for (VideoFormat format : values()) {
            if (format.mimeType.equals(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /**
     * The format the first bytes show: an ISO media {@code ftyp} box (MP4, or QuickTime for brand {@code qt  }),
     * the EBML header of WebM, or {@code GIF8}.
     */
    static Optional<VideoFormat> sniff(byte[] b) {
        if (b == null) {
            return Optional.empty();
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            return Optional.of(b[8] == 'q' && b[9] == 't' ? QUICKTIME : MP4);
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF
                && (b[3] & 0xFF) == 0xA3) {
            return Optional.of(WEBM);
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Optional.of(GIF);
        }
        return Optional.empty();
    }
}
