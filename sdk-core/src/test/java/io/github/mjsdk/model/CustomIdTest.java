package io.github.mjsdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CustomId.parse over the customId grammar table of docs/protocols.md §a.10. */
class CustomIdTest {
    private static final String HASH = "85a4b4c1-8835-46c5-a15c-aea34fad1862";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # customId                                                                    | kind                         | index | hash                                 | solo  | U     | V     | reroll | pan   | always modal
            MJ::JOB::upsample::1::85a4b4c1-8835-46c5-a15c-aea34fad1862                    | upsample                     | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | false | true  | false | false  | false | false
            MJ::JOB::upsample::4::85a4b4c1-8835-46c5-a15c-aea34fad1862                    | upsample                     | 4     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | false | true  | false | false  | false | false
            MJ::JOB::variation::3::85a4b4c1-8835-46c5-a15c-aea34fad1862                   | variation                    | 3     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | false | false | true  | false  | false | false
            MJ::JOB::reroll::0::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO                | reroll                       | 0     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | true   | false | false
            MJ::JOB::low_variation::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO         | low_variation                | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | false | false
            MJ::JOB::high_variation::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO        | high_variation               | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | false | false
            MJ::Inpaint::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO                    | Inpaint                      | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | false | true
            MJ::Outpaint::50::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO               | Outpaint                     | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | false | false
            MJ::Outpaint::75::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO               | Outpaint                     | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | false | false
            MJ::CustomZoom::85a4b4c1-8835-46c5-a15c-aea34fad1862                          | CustomZoom                   | 0     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | false | false | false | false  | false | true
            MJ::CustomZoom::1::85a4b4c1-8835-46c5-a15c-aea34fad1862                       | CustomZoom                   | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | false | false | false | false  | false | true
            MJ::JOB::pan_left::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO              | pan_left                     | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | true  | false
            MJ::JOB::pan_down::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO              | pan_down                     | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | true  | false
            MJ::JOB::upsample_v6_2x_subtle::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO | upsample_v6_2x_subtle        | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | false | false
            MJ::JOB::upsample_v7_2x_creative::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO | upsample_v7_2x_creative    | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | false | false
            MJ::JOB::upsample_v5_4x::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO        | upsample_v5_4x               | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | false | false
            MJ::JOB::animate_high::1::85a4b4c1-8835-46c5-a15c-aea34fad1862::SOLO          | animate_high                 | 1     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | true  | false | false | false  | false | false
            MJ::JOB::animate_high_extend::1::1712345678901123                             | animate_high_extend          | 1     | 1712345678901123                     | false | false | false | false  | false | false
            MJ::JOB::video_virtual_upscale::2::1712345678901123                           | video_virtual_upscale        | 2     | 1712345678901123                     | false | false | false | false  | false | false
            MJ::Job::PicReader::3                                                         | PicReader                    | 3     | -                                    | false | false | false | false  | false | true
            MJ::Job::PicReader::all                                                       | PicReader                    | 0     | -                                    | false | false | false | false  | false | true
            MJ::Picread::Retry                                                            | Picread                      | 0     | -                                    | false | false | false | false  | false | false
            MJ::Job::PromptAnalyzer::1712345678901123::2                                  | PromptAnalyzer               | 2     | -                                    | false | false | false | false  | false | true
            MJ::BOOKMARK::85a4b4c1-8835-46c5-a15c-aea34fad1862                            | BOOKMARK                     | 0     | 85a4b4c1-8835-46c5-a15c-aea34fad1862 | false | false | false | false  | false | false
            """)
    void parsesTheGrammarTable(String raw, String kind, int index, String hash, boolean solo, boolean upscale,
                               boolean variation, boolean reroll, boolean pan, boolean alwaysModal) {
        CustomId id = CustomId.parse(raw);

        assertThat(id.raw()).isEqualTo(raw);
        assertThat(id.kind()).isEqualTo(kind);
        assertThat(id.index()).isEqualTo(index);
        assertThat(id.hash()).isEqualTo(hash);
        assertThat(id.solo()).isEqualTo(solo);
        assertThat(id.isUpscale()).isEqualTo(upscale);
        assertThat(id.isVariation()).isEqualTo(variation);
        assertThat(id.isReroll()).isEqualTo(reroll);
        assertThat(id.isPan()).isEqualTo(pan);
        assertThat(id.alwaysNeedsModal()).isEqualTo(alwaysModal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MJ", "MJ::", "MJ::JOB", "MJ::JOB::", "reroll", "JOB::upsample::1::" + HASH,
            "::reroll::0::" + HASH, "U1"})
    void aStringOutsideTheGrammarHasNoKind(String raw) {
        CustomId id = CustomId.parse(raw);

        assertThat(id.raw()).isEqualTo(raw);
        assertThat(id.kind()).isEmpty();
        assertThat(id.index()).isZero();
        assertThat(id.isUpscale() || id.isVariation() || id.isReroll() || id.isPan() || id.alwaysNeedsModal())
                .isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> CustomId.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customId");
    }
}
