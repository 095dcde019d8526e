package io.github.mjsdk.reliability;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzing of Error answers: ErrorMapper turns any status and body into a typed exception, Retry-After included.
 * Without {@code JAZZER_FUZZ} it replays the seeds under {@code ErrorMapperFuzzTestInputs/errorAnswers} (regression mode); see
 * docs/reliability.md for fuzzing runs.
 */
class ErrorMapperFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void errorAnswers(FuzzedDataProvider data) {
        FuzzTargets.errorAnswer(data);
    }
}
