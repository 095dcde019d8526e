package io.github.mjsdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The buttons of a finished task, with real customIds (docs/protocols.md §a.9, §a.10): a grid gets U1–U4, 🔄 and
 * V1–V4; a single image gets Upscale (Subtle/Creative), Vary (Subtle/Strong/Region), Zoom Out 2x/1.5x, Custom Zoom
 * and the four pans, and no reroll; an Upscale (Subtle/Creative) result gets the same minus the upscales.
 */
final class Buttons {
    static final String REROLL_EMOJI = "\uD83D\uDD04";

    private Buttons() {
    }

    /**
     * One button: its wire fields and what clicking it does.
     *
     * @param customId the customId
     * @param emoji    the emoji, or {@code ""}
     * @param label    the label, or {@code ""}
     * @param kind     what clicking it does
     * @param index    the grid position for U/V buttons, else 0
     */
    record Spec(String customId, String emoji, String label, ActionKind kind, int index) {
    }

    static List<Spec> of(SimTask task) {
        List<Spec> buttons = new ArrayList<>();
        String hash = task.hash;
        if (task.described != null || task.shape == Shape.VIDEO) {
            return buttons;
        }
        if (task.shape == Shape.GRID) {
            for (int i = 1; i <= 4; i++) {
                buttons.add(new Spec("MJ::JOB::upsample::" + i + "::" + hash, "", "U" + i, ActionKind.UPSCALE, i));
            }
            buttons.add(new Spec("MJ::JOB::reroll::0::" + hash + "::SOLO", REROLL_EMOJI, "", ActionKind.REROLL, 0));
            for (int i = 1; i <= 4; i++) {
                buttons.add(new Spec("MJ::JOB::variation::" + i + "::" + hash, "", "V" + i, ActionKind.VARIATION, i));
            }
            return buttons;
        }
        String solo = "::1::" + hash + "::SOLO";
        if (task.shape == Shape.UPSCALE) {
            buttons.add(new Spec("MJ::JOB::upsample_v6_2x_subtle" + solo, "", "Upscale (Subtle)",
                    ActionKind.UPSCALE_HD, 0));
            buttons.add(new Spec("MJ::JOB::upsample_v6_2x_creative" + solo, "", "Upscale (Creative)",
                    ActionKind.UPSCALE_HD, 0));
        }
        String magic = "\uD83E\uDE84";
        String zoom = "\uD83D\uDD0D";
        buttons.add(new Spec("MJ::JOB::low_variation" + solo, magic, "Vary (Subtle)", ActionKind.VARY, 0));
        buttons.add(new Spec("MJ::JOB::high_variation" + solo, magic, "Vary (Strong)", ActionKind.VARY, 0));
        buttons.add(new Spec("MJ::Inpaint" + solo, "\uD83D\uDD8C\uFE0F", "Vary (Region)", ActionKind.VARY_REGION, 0));
        buttons.add(new Spec("MJ::Outpaint::50" + solo, zoom, "Zoom Out 2x", ActionKind.ZOOM_OUT, 0));
        buttons.add(new Spec("MJ::Outpaint::75" + solo, zoom, "Zoom Out 1.5x", ActionKind.ZOOM_OUT, 0));
        buttons.add(new Spec("MJ::CustomZoom::" + hash, zoom, "Custom Zoom", ActionKind.CUSTOM_ZOOM, 0));
        buttons.add(new Spec("MJ::JOB::pan_left" + solo, "\u2B05\uFE0F", "", ActionKind.PAN, 0));
        buttons.add(new Spec("MJ::JOB::pan_right" + solo, "\u27A1\uFE0F", "", ActionKind.PAN, 0));
        buttons.add(new Spec("MJ::JOB::pan_up" + solo, "\u2B06\uFE0F", "", ActionKind.PAN, 0));
        buttons.add(new Spec("MJ::JOB::pan_down" + solo, "\u2B07\uFE0F", "", ActionKind.PAN, 0));
        return buttons;
    }

    /** The task's button with exactly this customId. */
    static Optional<Spec> find(SimTask task, String customId) {
        return of(task).stream().filter(b -> b.customId().equals(customId)).findFirst();
    }

    /** The short name of a button for task descriptions: {@code U2}, {@code V1}, {@code R}, or the verb. */
    static String shortName(Spec button) {
        switch (button.kind()) {
            case UPSCALE:
                return "U" + button.index();
            case VARIATION:
                return "V" + button.index();
            case REROLL:
                return "R";
            default:
                String[] tokens = button.customId().split("::");
                return tokens.length > 2 && tokens[1].equals("JOB") ? tokens[2] : tokens[1];
        }
    }
}
