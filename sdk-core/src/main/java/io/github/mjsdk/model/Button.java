package io.github.mjsdk.model;

import java.util.Objects;

/**
 * A button of a finished task (docs/protocols.md §a.9): "clicking" it with {@code /submit/action} and its
 * {@code customId} creates the next task.
 *
 * <p>Construction throws {@link NullPointerException} if {@code customId} is null.
 *
 * @param customId the button's id; never null
 * @param emoji    the emoji; empty string when none
 * @param label    the label; empty string when none
 * @param type     the Discord component type; 0 when absent
 * @param style    the Discord style; 0 when absent
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
     * The button's id, the only field needed to click it: send it with the id of the task that owns the button to
     * {@code /submit/action} (docs/protocols.md §a.9, §a.10). customIds are per task and change, so take them from
     * the latest fetch; {@link #parsedCustomId()} reads it.
     *
     * @return e.g. {@code "MJ::JOB::upsample::1::85a4b4c1-8835-46c5-a15c-aea34fad1862"}; never null
     */
    @Override
    public String customId() {
        return customId;
    }

    /**
     * The button's emoji (docs/protocols.md §a.9).
     *
     * @return a Unicode emoji such as {@code "🔄"} ({@link #REROLL_EMOJI}) or a Discord emoji name; the empty
     *         string, never null, when the button has none
     */
    @Override
    public String emoji() {
        return emoji;
    }

    /**
     * The button's label (docs/protocols.md §a.9).
     *
     * @return e.g. {@code "U1"}, {@code "V3"} or {@code "Make Variations"}; the empty string, never null, when the
     *         button has none (🔄 has none)
     */
    @Override
    public String label() {
        return label;
    }

    /**
     * The Discord component type (docs/protocols.md §a.9).
     *
     * @return 2 for a button; 0 when the server sent none
     */
    @Override
    public int type() {
        return type;
    }

    /**
     * The Discord button style (docs/protocols.md §a.9). Servers document its numbers differently, so do not give it
     * meaning.
     *
     * @return in Discord's numbering 1 primary, 2 secondary, 3 success; 0 when the server sent none
     */
    @Override
    public int style() {
        return style;
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
