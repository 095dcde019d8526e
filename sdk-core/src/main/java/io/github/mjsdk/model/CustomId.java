package io.github.mjsdk.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed view of a button's {@code customId} (docs/protocols.md §a.10), for choosing buttons. Send the raw string
 * back unchanged: customIds are per task and must never be synthesised.
 *
 * <p>Grammar: {@code MJ::[JOB::]<kind>[::<extra>][::<index>][::<hash>][::SOLO]}, e.g.
 * {@code MJ::JOB::upsample::2::85a4b4c1-8835-46c5-a15c-aea34fad1862} (kind {@code upsample}, index 2) or
 * {@code MJ::JOB::reroll::0::<hash>::SOLO} (kind {@code reroll}, index 0, solo).
 *
 * <p>Construction throws {@link NullPointerException} if {@code raw} or {@code kind} is null.
 *
 * @param raw   the customId exactly as the server sent it
 * @param kind  the verb, e.g. {@code upsample}; empty when unreadable
 * @param index the grid position 1–4 for U/V buttons; 0 when none
 * @param hash  the job's image hash, or {@code null}
 * @param solo  whether the button belongs to a single image
 */
public record CustomId(String raw, String kind, int index, String hash, boolean solo) {

    private static final Set<String> ALWAYS_MODAL = Set.of("inpaint", "customzoom", "picreader", "promptanalyzer");

    /**
     * Validates and normalises the components, as the class description says.
     *
     * @param raw see {@link #raw()}
     * @param kind see {@link #kind()}
     * @param index see {@link #index()}
     * @param hash see {@link #hash()}
     * @param solo see {@link #solo()}
     */
    public CustomId {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * The customId exactly as the server sent it (docs/protocols.md §a.10). Send this string back unchanged with
     * {@code /submit/action}: customIds are per task and not stable, so never build one yourself.
     *
     * @return e.g. {@code "MJ::JOB::upsample::2::85a4b4c1-8835-46c5-a15c-aea34fad1862"}; never null, and kept as
     *         given even when it is outside the grammar
     */
    @Override
    public String raw() {
        return raw;
    }

    /**
     * The verb after {@code MJ::JOB::} (or after {@code MJ::}), in the case the server sent it (docs/protocols.md
     * §a.10).
     *
     * @return e.g. {@code upsample}, {@code variation}, {@code reroll}, {@code low_variation},
     *         {@code high_variation}, {@code pan_left}, {@code Inpaint}, {@code Outpaint}, {@code CustomZoom},
     *         {@code upsample_v6_2x_subtle} …; never null: the empty string when the customId is unreadable (does
     *         not start with {@code MJ::}, or has nothing after it)
     */
    @Override
    public String kind() {
        return kind;
    }

    /**
     * The position number the customId carries: for U1–U4 and V1–V4 the image's place in the 2×2 grid.
     *
     * @return 1–4 for U/V buttons (other buttons carry their own number, usually 1); 0 when the button has none
     *         (reroll's {@code ::0::}) or it is unreadable
     */
    @Override
    public int index() {
        return index;
    }

    /**
     * The job's image hash ({@code messageHash}, docs/protocols.md §a.10): the UUID of the image the button acts on.
     *
     * @return e.g. {@code "85a4b4c1-8835-46c5-a15c-aea34fad1862"}, or {@code null} (never empty) when the customId
     *         carries none
     */
    @Override
    public String hash() {
        return hash;
    }

    /**
     * Whether the button belongs to a single image (the customId ends in {@code ::SOLO}) rather than a 2×2 grid.
     *
     * @return {@code true} for buttons under a single image (reroll, Vary, Pan, Zoom …); {@code false} for the
     *         U1–U4 and V1–V4 buttons of a grid and for unreadable customIds
     */
    @Override
    public boolean solo() {
        return solo;
    }

    /**
     * Parses a customId. Never fails: a string outside the grammar (one that does not start with {@code MJ::}, or has
     * nothing after it) gives an empty {@code kind}, index 0 and no hash.
     *
     * @param customId the raw customId
     * @return the parsed view
     * @throws IllegalArgumentException if {@code customId} is null
     */
    public static CustomId parse(String customId) {
        if (customId == null) {
            throw new IllegalArgumentException("customId must not be null");
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(customId.split("::", -1)));
        if (!tokens.get(0).equalsIgnoreCase("MJ")) {
            return new CustomId(customId, "", 0, null, false);
        }
        tokens.remove(0);
        if (!tokens.isEmpty() && tokens.get(0).equalsIgnoreCase("JOB")) {
            tokens.remove(0);
        }
        if (tokens.isEmpty() || tokens.get(0).isEmpty()) {
            return new CustomId(customId, "", 0, null, false);
        }
        String kind = tokens.remove(0);
        boolean solo = !tokens.isEmpty() && tokens.get(tokens.size() - 1).equals("SOLO");
        if (solo) {
            tokens.remove(tokens.size() - 1);
        }
        String hash = null;
        if (!tokens.isEmpty() && looksLikeHash(tokens.get(tokens.size() - 1))) {
            hash = tokens.remove(tokens.size() - 1);
        }
        int index = 0;
        for (String token : tokens) {
            if (!token.isEmpty() && token.length() <= 3 && token.chars().allMatch(Character::isDigit)) {
                index = Integer.parseInt(token);
            }
        }
        return new CustomId(customId, kind, index, hash, solo);
    }

    /**
     * Whether this is a U1–U4 button of a grid (kind exactly {@code upsample}).
     *
     * @return {@code true} for U buttons
     */
    public boolean isUpscale() {
        return kind.equals("upsample");
    }

    /**
     * Whether this is a V1–V4 button of a grid (kind exactly {@code variation}).
     *
     * @return {@code true} for V buttons
     */
    public boolean isVariation() {
        return kind.equals("variation");
    }

    /**
     * Whether this is the 🔄 reroll button (kind {@code reroll}).
     *
     * @return {@code true} for reroll
     */
    public boolean isReroll() {
        return kind.equals("reroll");
    }

    /**
     * Whether this is one of the four pan buttons (kind {@code pan_left}, {@code pan_right}, {@code pan_up},
     * {@code pan_down}).
     *
     * @return {@code true} for pan
     */
    public boolean isPan() {
        return kind.startsWith("pan_");
    }

    /**
     * Whether the action always stops in status MODAL for input: Vary (Region) ({@code Inpaint}), Custom Zoom,
     * describe's imagine buttons ({@code PicReader}) and shorten's ({@code PromptAnalyzer}) (docs/protocols.md
     * §a.11). Reroll, variation and pan only do so when the account has Remix on.
     *
     * @return {@code true} when the action cannot run without a modal step
     */
    public boolean alwaysNeedsModal() {
        return ALWAYS_MODAL.contains(kind.toLowerCase(Locale.ROOT));
    }

    private static boolean looksLikeHash(String token) {
        return token.length() >= 8 && token.chars().allMatch(c -> c == '-' || Character.isLetterOrDigit(c))
                && !token.chars().allMatch(Character::isLetter);
    }
}
