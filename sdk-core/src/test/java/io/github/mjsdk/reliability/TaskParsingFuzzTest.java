package io.github.mjsdk.reliability;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzing of Task answers (fetch, list-by-condition) of every dialect: parseTask, parseTasks and TaskReader.
 * Without {@code JAZZER_FUZZ} it replays the seeds under {@code TaskParsingFuzzTestInputs/taskAnswers} (regression mode); see
 * docs/reliability.md for fuzzing runs.
 */
class TaskParsingFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void taskAnswers(FuzzedDataProvider data) {
        FuzzTargets.taskAnswer(data);
    }
}
