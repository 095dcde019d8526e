package io.github.mjsdk.bench;

import java.util.List;
import java.util.Map;

/**
 * What a hand-written client would bind the task JSON to with Jackson: the fields of docs/protocols.md §a.6 as they
 * come on the wire.
 */
public record RawTask(String id, String action, String status, String prompt, String promptEn, String description,
                      String state, Long submitTime, Long startTime, Long finishTime, String progress,
                      String imageUrl, String failReason, Map<String, Object> properties, List<RawButton> buttons) {

    /**
     * One button (docs/protocols.md §a.9).
     *
     * @param customId the id to click with
     * @param emoji    the emoji, may be empty
     * @param label    the label, may be empty
     * @param type     the Discord component type
     * @param style    the Discord style
     */
    public record RawButton(String customId, String emoji, String label, int type, int style) {
    }
}
