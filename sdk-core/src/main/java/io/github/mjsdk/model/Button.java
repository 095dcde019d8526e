package io.github.mjsdk.model;

import java.util.Objects;

/**
 * A button of a finished task (docs/protocols.md §a.9): "clicking" it with {@code /submit/action} and its
 * {@code customId} creates the next task.
 *
 * <p>Construction throws {@link NullPointerException} if {@code customId} is null.
 *
 * @param customId the button's id, e.g. {@code MJ::JOB::upsample::1::<hash>}; never null
 * @param emoji    the emoji, e.g. {@code "🔄"}; empty string when none
 * @param label    the label, e.g. {@code "U1"}; empty string when none
 * @param type     the Discord component type (2 = button); 0 when absent
 * @param style    the Discord style (1 primary, 2 secondary, 3 success); 0 when absent
 */
public record Button(String customId, String emoji, String label, int type, int style) {

    /** The reroll emoji, 🔄. */
    public static final String REROLL_EMOJI = "\uD83D\uDD04";

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param customId see {@link #customId()}
     * @param emoji see {@link #emoji()}
     * @param label see {@link #label()}
     * @param type see {@link #type()}
     * @param style see {@link #style()}
     */
    public Button {
        Objects.requireNonNull(customId, "customId");
        emoji = emoji == null ? "" : emoji;
        label = label == null ? "" : label;
    }

    /**
     * The parsed customId.
     *
     * @return the view of {@link #customId()}
     */
    public CustomId parsedCustomId() {
        return CustomId.parse(customId);
    }

    /**
     * Whether this is the reroll button: a customId containing {@code ::reroll::}, or the 🔄 emoji (the rule the
     * apimart reroll page states, docs/protocols.md §d).
     *
     * @return {@code true} for the reroll button
     */
    public boolean isReroll() {
        return customId.contains("::reroll::") || emoji.equals(REROLL_EMOJI);
    }
}
