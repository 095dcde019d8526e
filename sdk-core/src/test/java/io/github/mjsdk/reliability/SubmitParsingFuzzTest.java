package io.github.mjsdk.reliability;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzing of Submit answers of every dialect: parseSubmit with each parent check.
 * Without {@code JAZZER_FUZZ} it replays the seeds under {@code SubmitParsingFuzzTestInputs/submitAnswers} (regression mode); see
 * docs/reliability.md for fuzzing runs.
 */
class SubmitParsingFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void submitAnswers(FuzzedDataProvider data) {
        FuzzTargets.submitAnswer(data);
    }
}
