package io.github.mjsdk.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Custom Zoom: which ratios need it, and the prompt its modal step is answered with. */
class FollowUpsZoomTest {

    @Test
    void onlyTheRatiosOfTheZoomOutButtonsGoWithoutCustomZoom() {
        assertThat(FollowUps.customZoom(2.0)).isFalse();
        assertThat(FollowUps.customZoom(1.5)).isFalse();
        assertThat(FollowUps.customZoom(1.8)).isTrue();
        assertThat(FollowUps.customZoom(1.25)).isTrue();
    }

    @Test
    void theZoomFlagIsAppendedAndReplacesAnyEarlierOne() {
        assertThat(FollowUps.withZoom("a red fox --ar 3:2", "1.8")).isEqualTo("a red fox --ar 3:2 --zoom 1.8");
        assertThat(FollowUps.withZoom("a red fox --zoom 2 --ar 3:2", "1.8"))
                .isEqualTo("a red fox --ar 3:2 --zoom 1.8");
        assertThat(FollowUps.withZoom(null, "1.8")).isEqualTo("--zoom 1.8");
    }
}
