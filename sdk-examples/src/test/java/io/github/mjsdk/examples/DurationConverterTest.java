package io.github.mjsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void shortFormsAndIsoAreRead() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("10M")).isEqualTo(Duration.ofMinutes(10));
        assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("PT2M30S")).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void otherTextAndNonPositiveDurationsAreRefused() {
        assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("soon");
        assertThatThrownBy(() -> converter.convert("0s")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> converter.convert("PT-1S")).isInstanceOf(TypeConversionException.class);
    }
}
