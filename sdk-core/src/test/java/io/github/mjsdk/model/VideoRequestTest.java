package io.github.mjsdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The video requests' checks (each names the parameter and the limit) and {@link Task#videoUrls()}. */
class VideoRequestTest {
    private static final ImageInput URL = ImageInput.ofUrl("https://img.example/a.png");

    @Test
    void aVideoRequestDefaultsToLowMotionAndTheProvidersBatchSize() {
        VideoRequest request = VideoRequest.of(URL);

        assertThat(request.motion()).isEqualTo(VideoMotion.LOW);
        assertThat(request.motion().wire()).isEqualTo("low");
        assertThat(VideoMotion.HIGH.wire()).isEqualTo("high");
        assertThat(request.batchSize()).isNull();
        assertThat(request.index()).isZero();
        assertThat(request.withMotion(null).motion()).isEqualTo(VideoMotion.LOW);
        assertThat(VideoRequest.ofGridImage("task_1", 4).index()).isEqualTo(4);
    }

    @Test
    void badVideoInputsNameTheParameterAndTheLimit() {
        assertThatThrownBy(() -> VideoRequest.of(URL).withBatchSize(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be 1, 2 or 4 clips, got 3");
        assertThatThrownBy(() -> VideoRequest.ofGridImage("task_1", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("index must be 1..4");
        assertThatThrownBy(() -> VideoRequest.ofGridImage("task_1", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("index must be 1..4");
        assertThatThrownBy(() -> VideoRequest.ofGridImage(" ", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parentTaskId");
        assertThatThrownBy(() -> VideoRequest.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image");
        assertThatThrownBy(() -> new VideoRequest(URL, "task_1", 1, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("image, parentTaskId:");
        assertThatThrownBy(() -> new VideoRequest(URL, null, 2, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("index:");
        assertThatThrownBy(() -> VideoRequest.of(URL).withPrompt("x".repeat(VideoRequest.MAX_PROMPT + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("prompt must be at most 8192");
        assertThatThrownBy(() -> VideoRequest.of(URL).withState("s".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("state must be at most 255");
        assertThatThrownBy(() -> VideoRequest.of(URL).withNotifyHook("ftp://x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notifyHook");
    }

    @Test
    void anExtendTakesAOneBasedClipIndex() {
        VideoExtendRequest request = VideoExtendRequest.of("task", 1).withPrompt("on").withMotion(VideoMotion.HIGH);

        assertThat(request.index()).isEqualTo(1);
        assertThat(request.motion()).isEqualTo(VideoMotion.HIGH);
        assertThat(VideoExtendRequest.of("task", 4).motion()).isEqualTo(VideoMotion.LOW);
        assertThatThrownBy(() -> VideoExtendRequest.of("task", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index must be 1..4 (grid position), got: 0");
        assertThatThrownBy(() -> VideoExtendRequest.of("task", 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("index must be 1..4");
        assertThatThrownBy(() -> VideoExtendRequest.of("", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("taskId");
    }

    private static Task task(Map<String, Object> extra) {
        return new Task("t", TaskAction.VIDEO, "VIDEO", TaskStatus.SUCCESS, "SUCCESS", 100, null, null, null, null,
                null, null, null, null, null, null, null, null, extra);
    }

    @Test
    void videoUrlsAreReadFromEachProvidersField() {
        assertThat(task(Map.of("videoUrls", List.of(Map.of("url", "https://v/1.mp4", "thumbnail", "https://t/1"),
                Map.of("url", " "), Map.of("url", "https://v/2.mp4")))).videoUrls())
                .containsExactly("https://v/1.mp4", "https://v/2.mp4");
        assertThat(task(Map.of("video_urls", List.of("https://v/a.mp4", "https://v/b.mp4"))).videoUrls())
                .containsExactly("https://v/a.mp4", "https://v/b.mp4");
        assertThat(task(Map.of("videoUrl", "https://v/only.mp4", "videoUrls", List.of())).videoUrls())
                .containsExactly("https://v/only.mp4");
        assertThat(task(Map.of("video_url", 42)).videoUrls()).isEmpty();
        assertThat(task(Map.of()).videoUrls()).isEmpty();
    }
}
