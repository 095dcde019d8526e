package io.github.mjsdk;

import static io.github.mjsdk.testing.Fixtures.UPSCALE_ID;
import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Fixtures.ok;
import static io.github.mjsdk.testing.Fixtures.text;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.image.ImageDecodeException;
import io.github.mjsdk.model.RegionMask;
import io.github.mjsdk.model.SubmitResult;
import io.github.mjsdk.model.VaryRegionRequest;
import io.github.mjsdk.testing.MockServerTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * Vary (Region)'s mask size check when the parent's image cannot be decoded: a typed failure with nothing
 * submitted, unless the request opts out of the check.
 */
class VaryRegionSizeCheckTest extends MockServerTest {
    private static final String CDN = "https://cdn.discordapp.com/attachments/1118138338562560102/"
            + "1230000000000000002/fox_upscaled.png";
    private static final RegionMask MASK = RegionMask.ofRectangles(64, 64, List.of(new RegionMask.Rect(0, 0, 8, 8)));

    private MockResponse upscaleServedHere() {
        return json(200, text("task/upscale-success.json").replace(CDN, server.url("/img/fox.png").toString()));
    }

    @Test
    void anImageThatCannotBeDecodedFailsTypedBeforeTheClick() {
        byte[] truncatedPng = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        enqueue(upscaleServedHere(), new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                .body(new okio.Buffer().write(truncatedPng)).build());

        CompletableFuture<?> varied = client.submitVaryRegion(VaryRegionRequest.of(UPSCALE_ID, MASK));

        drive(varied);
        assertThat(failureOf(varied)).isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("mask's size cannot be checked").hasMessageContaining("withoutSizeCheck()");
        assertThat(take().getUrl().encodedPath()).endsWith("/fetch");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/img/fox.png");
        assertThat(server.getRequestCount()).as("no click, no modal").isEqualTo(2);
    }

    @Test
    void withoutSizeCheckTheImageIsNotDownloadedAndTheClickGoesOut() {
        enqueue(upscaleServedHere(), ok("submit/reroll-modal.json"), ok("submit/modal-accepted-number.json"));

        CompletableFuture<SubmitResult> varied = client.submitVaryRegion(VaryRegionRequest.of(UPSCALE_ID,
                MASK).withPrompt("a red door").withoutSizeCheck());

        drive(varied);
        assertThat(varied).isCompleted();
        assertThat(take().getUrl().encodedPath()).endsWith("/fetch");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/submit/action");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/mj/submit/modal");
    }
}
