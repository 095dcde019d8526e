package io.github.mjsdk.internal.flow;

import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.internal.dialect.Dialect;
import io.github.mjsdk.internal.dialect.ParentCheck;
import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.Button;
import io.github.mjsdk.model.PanDirection;
import io.github.mjsdk.model.RemixRequest;
import io.github.mjsdk.model.RerollRequest;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.VariantMode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Follow-ups on a finished image by its button (docs/protocols.md §a.10, §a.11), or by the dialect's own route
 * where it has one (§h.2.9): pan, zoom out and custom zoom, Upscale / Vary (Subtle, Strong, Creative, 2x, 4x), and
 * remix (§h.2.11). The parent is fetched first and must be SUCCESS; a parent without the button fails with
 * {@link IllegalTaskStateException} before anything is clicked. Arguments and capabilities are the caller's to
 * check.
 */
public final class FollowUps {
    private final Flows flows;
    private final Dialect dialect;

    /**
     * The follow-ups.
     *
     * @param flows   the verbs they submit through
     * @param dialect the provider's dialect (its own routes, which remixes it takes)
     */
    public FollowUps(Flows flows, Dialect dialect) {
        this.flows = flows;
        this.dialect = dialect;
    }

    /** Pan: the parent's {@code MJ::JOB::pan_<direction>::1::<hash>::SOLO} button, or the dialect's route. */
    public CompletableFuture<Flows.Started> pan(String taskId, PanDirection direction, SpeedTier asked,
                                                Operation operation) {
        return startButton(taskId, "::pan_" + direction.wire() + "::", "Pan " + direction.wire(), null, "pan",
                direction.wire(), asked, operation);
    }

    /**
     * Whether a zoom-out ratio needs Custom Zoom: every ratio but those of the Zoom Out 2x and 1.5x buttons.
     *
     * @param ratio the zoom-out factor, in (1, 2]
     * @return true for Custom Zoom
     */
    public static boolean customZoom(double ratio) {
        return ratio != 2.0 && ratio != 1.5;
    }

    /**
     * Zoom out by {@code ratio} in (1, 2]: Zoom Out 2x / 1.5x ({@code MJ::Outpaint::50|75::}), else Custom Zoom
     * ({@code MJ::CustomZoom::}) whose modal step is answered with the parent's prompt and {@code --zoom <ratio>};
     * or the dialect's route with the ratio as a plain number.
     */
    public CompletableFuture<Flows.Started> zoomOut(String taskId, double ratio, SpeedTier asked,
                                                    Operation operation) {
        String value = BigDecimal.valueOf(ratio).stripTrailingZeros().toPlainString();
        if (!customZoom(ratio)) {
            String token = ratio == 2.0 ? "MJ::Outpaint::50::" : "MJ::Outpaint::75::";
            String label = ratio == 2.0 ? "Zoom Out 2x" : "Zoom Out 1.5x";
            return startButton(taskId, token, label, null, "zoom", value, asked, operation);
        }
        return startButton(taskId, "MJ::CustomZoom::", "Custom Zoom", parent -> withZoom(Flows.promptOf(parent),
                value), "zoom", value, asked, operation);
    }

    /** The prompt with {@code --zoom <ratio>} at its end, in place of any {@code --zoom} it had. */
    static String withZoom(String prompt, String ratio) {
        String base = prompt == null ? "" : prompt.replaceAll("\\s*--zoom\\s+\\S+", "").strip();
        return (base + " --zoom " + ratio).strip();
    }

    /**
     * Upscale (Subtle) / (Creative), Vary (Subtle) / (Strong) ({@code upsample_*_2x_subtle|creative},
     * {@code low_variation}, {@code high_variation}), Upscale 2x / 4x ({@code upsample_2x|4x}); or the dialect's
     * route for {@code upscale} or {@code vary} and the mode's value.
     */
    public CompletableFuture<Flows.Started> variant(String taskId, VariantMode mode, SpeedTier asked,
                                                    Operation operation) {
        Variant variant = switch (mode) {
            case UPSCALE_SUBTLE -> new Variant("subtle", "_2x_subtle::", "Upscale (Subtle)");
            case UPSCALE_CREATIVE -> new Variant("creative", "_2x_creative::", "Upscale (Creative)");
            case VARY_SUBTLE -> new Variant("subtle", "::low_variation::", "Vary (Subtle)");
            case VARY_STRONG -> new Variant("strong", "::high_variation::", "Vary (Strong)");
            case UPSCALE_2X -> new Variant("2x", "::upsample_2x::", "Upscale (2x)");
            case UPSCALE_4X -> new Variant("4x", "::upsample_4x::", "Upscale (4x)");
        };
        return startButton(taskId, variant.token(), variant.label(), null, mode.upscale() ? "upscale" : "vary",
                variant.value(), asked, operation);
    }

    /** A variant mode's value on the dialects' own routes, its button's customId part, and its button's name. */
    private record Variant(String value, String token, String label) {
    }

    /**
     * Whether the dialect can remix that target (JourneyAPI: a reroll only).
     *
     * @param target the follow-up to remix
     * @return false when a remix of it is refused before sending
     */
    public boolean remixes(RemixRequest.Target target) {
        return dialect.remixes(target);
    }

    /**
     * Remix (docs/protocols.md §h.2.11): a reroll goes through {@link Flows#startReroll} with the new prompt; any
     * other target fetches the parent, clicks its button with {@code enableRemix: true} and answers the modal step
     * with the new prompt, at once (code 21) or when the task reaches MODAL while polled.
     */
    public CompletableFuture<Flows.Started> remix(RemixRequest request, Operation operation) {
        if (request.target() == RemixRequest.Target.REROLL) {
            return flows.startReroll(RerollRequest.of(request.taskId()).withPrompt(request.prompt())
                    .withSpeed(request.speed()), operation);
        }
        SpeedTier tier = flows.tierOf(request.speed());
        dialect.checkCall(tier, flows.hook(null), null);
        return flows.fetchParent(request.taskId(), request.label(), operation).thenCompose(parent -> {
            Button button = remixButton(parent, request).orElseThrow(() -> new IllegalTaskStateException("task "
                    + parent.id() + " (" + parent.rawAction() + ") has no button for a " + request.label()
                    + (request.target() == RemixRequest.Target.VARIATION ? ": only a grid has V1–V4"
                    : ": it is offered under an upscaled image (upscale a grid image first)"), parent));
            ActionRequest click = new ActionRequest(parent.id(), button.customId(), tier, null, null, Boolean.TRUE,
                    null, request.prompt(), null);
            return flows.clickThenModal(click, ParentCheck.VERIFIED, request.prompt(), operation);
        });
    }

    private static Optional<Button> remixButton(Task parent, RemixRequest request) {
        return switch (request.target()) {
            case VARIATION -> parent.variationButton(request.index());
            case VARY_STRONG -> parent.buttonContaining("::high_variation::");
            case VARY_SUBTLE -> parent.buttonContaining("::low_variation::");
            case PAN -> parent.buttonContaining("::pan_" + request.direction().wire() + "::");
            case REROLL -> parent.rerollButton();
        };
    }

    /**
     * Fetches the parent, then submits the dialect's own route for {@code verb} and {@code value} where it has one
     * ({@link Dialect#singleImage}); else finds the button whose customId contains {@code token}, clicks it and
     * answers the modal step with {@code modalPrompt} applied to the parent (the parent's prompt when null).
     */
    private CompletableFuture<Flows.Started> startButton(String taskId, String token, String label,
                                                         Function<Task, String> modalPrompt, String verb,
                                                         String value, SpeedTier asked, Operation operation) {
        SpeedTier tier = flows.tierOf(asked);
        return flows.fetchParent(taskId, label, operation).thenCompose(parent -> {
            ApiRequest own = dialect.singleImage(parent, verb, value, tier, flows.hook(null));
            if (own != null) {
                return flows.submit(own, ParentCheck.VERIFIED, operation)
                        .thenApply(result -> new Flows.Started(result, tier, Flows.promptOf(parent), null));
            }
            Button button = parent.buttonContaining(token).orElseThrow(() -> new IllegalTaskStateException("task "
                    + parent.id() + " (" + parent.rawAction() + ") has no " + label + " button: it is offered"
                    + " under an upscaled image (upscale a grid image first)", parent));
            String prompt = modalPrompt != null ? modalPrompt.apply(parent) : Flows.promptOf(parent);
            ActionRequest click = ActionRequest.of(parent.id(), button.customId()).withSpeed(tier);
            return flows.clickThenModal(click, ParentCheck.VERIFIED, prompt, operation);
        });
    }
}
