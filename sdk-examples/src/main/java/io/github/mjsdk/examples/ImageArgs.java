package io.github.mjsdk.examples;

import io.github.mjsdk.model.ImageInput;
import java.nio.file.Path;
import java.util.Locale;

/** An image argument of {@code mj}: an http(s) URL, else a file path. */
final class ImageArgs {
    private ImageArgs() {
    }

    /**
     * The image an argument names.
     *
     * @param argument a URL ({@code http://…}, {@code https://…}) or a file path
     * @return the input; a file is read and checked at once (type, size)
     * @throws IllegalArgumentException if the file is missing, too big or not an image
     */
    static ImageInput of(String argument) {
        String lower = argument.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return ImageInput.ofUrl(argument);
        }
        return ImageInput.of(Path.of(argument));
    }
}
