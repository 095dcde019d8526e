package io.github.mjsdk.image;

import java.util.Optional;
import java.util.function.Function;

/**
 * What one download accepts and what it makes of the bytes: the images of {@link Images#download(String)}, or the
 * video clips of {@link Images#saveVideos(io.github.mjsdk.model.Task, java.nio.file.Path)}. Both share {@link ImageDownload}'s redirect,
 * host and size rules.
 *
 * @param <T> what a download yields
 */
final class Media<T> {
    /** PNG, JPEG or WebP, as a {@link DownloadedImage}. */
    static final Media<DownloadedImage> IMAGE = new Media<>("image/png, image/jpeg, image/webp;q=0.9",
            "an image (image/png, image/jpeg or image/webp)", "an image",
            type -> ImageFormat.fromContentType(type).map(ImageFormat::mimeType),
            bytes -> ImageFormat.sniff(bytes).map(ImageFormat::mimeType), DownloadedImage::new);
    /** MP4, WebM, QuickTime or an animated GIF, as a {@link Clip}. */
    static final Media<Clip> VIDEO = new Media<>("video/mp4, video/webm;q=0.9, image/gif;q=0.5",
            "a video (video/mp4, video/webm, video/quicktime or image/gif)", "a video",
            type -> VideoFormat.fromContentType(type).map(VideoFormat::mimeType),
            bytes -> VideoFormat.sniff(bytes).map(VideoFormat::mimeType),
            (bytes, type, url) -> new Clip(bytes, VideoFormat.fromContentType(type).orElseThrow()));

    final String accept;
    final String expected;
    final String noun;
    final Function<String, Optional<String>> declared;
    final Function<byte[], Optional<String>> sniff;
    final Maker<T> maker;

    private Media(String accept, String expected, String noun, Function<String, Optional<String>> declared,
                  Function<byte[], Optional<String>> sniff, Maker<T> maker) {
        this.accept = accept;
        this.expected = expected;
        this.noun = noun;
        this.declared = declared;
        this.sniff = sniff;
        this.maker = maker;
    }

    /** Builds the result from the bytes, their media type (one {@link #declared} or {@link #sniff} gave) and URL. */
    @FunctionalInterface
    interface Maker<T> {
        T make(byte[] bytes, String mimeType, String url);
    }

    /** A downloaded video clip: its bytes and format. */
    record Clip(byte[] bytes, VideoFormat format) {
    }
}
