package io.github.mjsdk.internal.util;

/** Argument checks that name the parameter, run before any network call. */
public final class Args {
    private Args() {
    }

    /**
     * Returns {@code value} when it has a non-blank character.
     *
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    public static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be null or blank");
        }
        return value;
    }

    /** Returns {@code value} when it is not null; throws {@link IllegalArgumentException} naming it otherwise. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * Returns {@code values} when it is not null and holds no null or blank element.
     *
     * @throws IllegalArgumentException naming {@code name}, or {@code name element}, otherwise
     */
    public static <C extends Iterable<String>> C eachNotBlank(C values, String name) {
        notNull(values, name);
        for (String value : values) {
            notBlank(value, name + " element");
        }
        return values;
    }

    /** Returns null or a non-blank value; a blank string is refused rather than silently sent. */
    public static String optionalNotBlank(String value, String name) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " must be null or non-blank");
        }
        return value;
    }

    /** Returns null or an absolute http(s) URL; anything else is refused naming the parameter. */
    public static String optionalHttpUrl(String value, String name) {
        if (value != null && okhttp3.HttpUrl.parse(value) == null) {
            throw new IllegalArgumentException(name + " must be null or an absolute http(s) URL");
        }
        return value;
    }

    /** Checks a grid index (1 top left … 4 bottom right). */
    public static int gridIndex(int index, String name) {
        if (index < 1 || index > 4) {
            throw new IllegalArgumentException(name + " must be 1..4 (grid position), got: " + index);
        }
        return index;
    }

    /** Checks the length of a free-text field that servers cap. */
    public static String maxLength(String value, int max, String name) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters, got "
                    + value.length());
        }
        return value;
    }
}
