package io.github.mjsdk.reliability;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzing of Callbacks: WebhookReceiver.receive on any body, query and headers, with and without a secret.
 * Without {@code JAZZER_FUZZ} it replays the seeds under {@code WebhookFuzzTestInputs/callbacks} (regression mode); see
 * docs/reliability.md for fuzzing runs.
 */
class WebhookFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void callbacks(FuzzedDataProvider data) {
        FuzzTargets.callback(data);
    }
}
