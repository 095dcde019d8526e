package io.github.mjsdk;

import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.model.Speed;
import io.github.mjsdk.model.SpeedTier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SpeedTier.of, Speed.parse and AuthScheme.parse: what users type in configuration. */
class SpeedAndSchemeTest {

    @ParameterizedTest
    @CsvSource({"/mj-turbo, TURBO", "/mj-fast, FAST", "/mj-relax, RELAX"})
    void theKnownPrefixesAreTheSpeeds(String prefix, Speed speed) {
        assertThat(SpeedTier.of(prefix)).isSameAs(speed);
        assertThat(speed.pathPrefix()).isEqualTo(prefix);
    }

    @Test
    void aResellersPrefixIsACustomTier() {
        SpeedTier vip = SpeedTier.of("/mj-vip");

        assertThat(vip.pathPrefix()).isEqualTo("/mj-vip");
        assertThat(vip.id()).isEqualTo("vip");
        assertThat(vip).isEqualTo(SpeedTier.of("/mj-vip")).isNotInstanceOf(Speed.class);
        assertThat(SpeedTier.of("/Turbo_2").id()).isEqualTo("turbo_2");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "/", "mj-vip", "/mj-vip/", "/mj/vip", "/mj vip", "https://x/mj-vip", "/mj-vïp"})
    void aMalformedPrefixIsRefused(String prefix) {
        assertThatThrownBy(() -> SpeedTier.of(prefix)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pathPrefix");
    }

    @ParameterizedTest
    @CsvSource({"turbo, TURBO", "TURBO, TURBO", "' Fast ', FAST", "relax, RELAX", "Relax, RELAX"})
    void speedsParseInAnyCase(String text, Speed speed) {
        assertThat(Speed.parse(text)).isSameAs(speed);
        assertThat(speed.id()).isEqualTo(speed.name().toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "slow", "mj-turbo", "/mj-fast"})
    void anUnknownSpeedIsRefused(String text) {
        assertThatThrownBy(() -> Speed.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("speed");
    }

    @ParameterizedTest
    @CsvSource({"bearer, BEARER", "Bearer, BEARER", "mj-api-secret, MJ_API_SECRET", "MJ_API_SECRET, MJ_API_SECRET",
            "' raw ', RAW"})
    void authSchemesParseInAnyCase(String text, AuthScheme scheme) {
        assertThat(AuthScheme.parse(text)).isSameAs(scheme);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "basic", "token", "x-api-key"})
    void anUnknownAuthSchemeIsRefused(String text) {
        assertThatThrownBy(() -> AuthScheme.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("authScheme");
    }
}
