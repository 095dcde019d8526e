package io.github.mjsdk.reliability;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Every fuzz target behind one entry point, the first choice byte (the input's last byte) picking the target: the
 * short fuzzing run of the default build ({@code fuzz-short} surefire execution) fuzzes all parsers in one JVM, since
 * Jazzer fuzzes one test per JVM. Without {@code JAZZER_FUZZ} it replays its seeds like the other fuzz tests.
 */
class AllParsersFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void anyParser(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0:
                FuzzTargets.taskAnswer(data);
                break;
            case 1:
                FuzzTargets.submitAnswer(data);
                break;
            case 2:
                FuzzTargets.errorAnswer(data);
                break;
            default:
                FuzzTargets.callback(data);
        }
    }
}
