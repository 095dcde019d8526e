package io.github.mjsdk.examples;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 500ms}, {@code 90s}, {@code 10m}, {@code 1h} or ISO-8601 ({@code PT10M}); positive only. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(text);
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            switch (matcher.group(2)) {
                case "ms":
                    duration = Duration.ofMillis(amount);
                    break;
                case "s":
                    duration = Duration.ofSeconds(amount);
                    break;
                case "m":
                    duration = Duration.ofMinutes(amount);
                    break;
                default:
                    duration = Duration.ofHours(amount);
                    break;
            }
        } else {
            try {
                duration = Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 500ms, 90s, 10m, 1h"
                        + " or PT10M");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("the duration must be positive, got '" + value + "'");
        }
        return duration;
    }
}
