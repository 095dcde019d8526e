package io.github.mjsdk.internal.flow;

import io.github.mjsdk.error.IllegalTaskStateException;
import io.github.mjsdk.image.DownloadedImage;
import io.github.mjsdk.image.GridSplitter;
import io.github.mjsdk.image.ImageDecodeException;
import io.github.mjsdk.image.Images;
import io.github.mjsdk.internal.dialect.Dialect;
import io.github.mjsdk.internal.dialect.ParentCheck;
import io.github.mjsdk.internal.http.Operation;
import io.github.mjsdk.model.ActionRequest;
import io.github.mjsdk.model.Button;
import io.github.mjsdk.model.ModalRequest;
import io.github.mjsdk.model.RegionMask;
import io.github.mjsdk.model.SpeedTier;
import io.github.mjsdk.model.Task;
import io.github.mjsdk.model.VaryRegionRequest;
import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;

/**
 * Vary (Region) (docs/protocols.md §a.10, §a.11; apimart §d; JourneyAPI §h.2.9): fetches the parent, checks that it
 * can take it, compares the mask's size with the parent image's (downloaded through the client's image helper,
 * unless the request opts out), then clicks its {@code Inpaint} button and answers the modal step with the prompt
 * and the mask, or submits the dialect's own route. Every refusal comes before anything is submitted.
 */
public final class VaryRegion {
    private static final String LABEL = "Vary (Region)";

    private final Flows flows;
    private final Dialect dialect;
    private final Images images;

    /**
     * The Vary (Region) flow.
     *
     * @param flows   the verbs it submits through
     * @param dialect the provider's dialect (its mask background, its own route)
     * @param images  the client's image helper, which downloads the parent's image for the size check
     */
    public VaryRegion(Flows flows, Dialect dialect, Images images) {
        this.flows = flows;
        this.dialect = dialect;
        this.images = images;
    }

    /** Vary (Region) up to the accepted submit, the modal step included when the server asks for it at once. */
    public CompletableFuture<Flows.Started> start(VaryRegionRequest request, Operation operation) {
        String mask = request.mask().dataUrl(dialect.transparentMask());
        return flows.fetchParent(request.taskId(), LABEL, operation).thenCompose(parent -> {
            boolean ownRoute = ownRoute(parent);
            if (!request.checkSize()) {
                return startOn(parent, ownRoute, request.prompt(), mask, request.speed(), operation);
            }
            if (parent.imageUrl() == null) {
                throw new IllegalTaskStateException("task " + parent.id() + " has no image URL, so the Vary (Region)"
                        + " mask's size cannot be checked; use VaryRegionRequest.withoutSizeCheck() to send it"
                        + " unchecked", parent);
            }
            return images.download(parent.imageUrl()).thenCompose(image -> {
                checkMaskSize(parent.id(), image, request.mask());
                return startOn(parent, ownRoute, request.prompt(), mask, request.speed(), operation);
            });
        });
    }

    /**
     * Whether the parent takes the dialect's own route; else it must have an {@code Inpaint} button, or
     * IllegalTaskStateException.
     */
    private boolean ownRoute(Task parent) {
        if (dialect.inpaintsByRoute(parent)) {
            return true;
        }
        if (parent.buttonContaining("Inpaint").isEmpty()) {
            throw new IllegalTaskStateException("task " + parent.id() + " (" + parent.rawAction() + ") has no Vary"
                    + " (Region) button: it is offered under an upscaled image (upscale a grid image first)", parent);
        }
        return false;
    }

    /**
     * The mask's size against the image's: IllegalArgumentException naming {@code mask} when they differ,
     * ImageDecodeException saying how to send it unchecked when the image cannot be decoded here.
     */
    static void checkMaskSize(String taskId, DownloadedImage image, RegionMask mask) {
        BufferedImage decoded;
        try {
            decoded = GridSplitter.decode(image);
        } catch (ImageDecodeException e) {
            throw new ImageDecodeException("the Vary (Region) mask's size cannot be checked against task "
                    + taskId + "'s image, so nothing was sent: " + e.getMessage() + ". Send it unchecked with"
                    + " VaryRegionRequest.withoutSizeCheck() if the mask is " + mask.width() + "×" + mask.height()
                    + " for a reason you know", e);
        }
        if (decoded.getWidth() != mask.width() || decoded.getHeight() != mask.height()) {
            throw new IllegalArgumentException("mask: " + mask.width() + "×" + mask.height() + " does not match the "
                    + decoded.getWidth() + "×" + decoded.getHeight() + " image of task " + taskId);
        }
    }

    /**
     * The dialect's route, or a click on the {@code Inpaint} button whose modal step is answered with the prompt
     * (the parent's when null) and the mask; a MODAL seen later while polling is answered the same way.
     */
    private CompletableFuture<Flows.Started> startOn(Task parent, boolean ownRoute, String prompt,
                                                     String maskDataUrl, SpeedTier asked, Operation operation) {
        SpeedTier tier = flows.tierOf(asked);
        if (ownRoute) {
            return flows.submit(dialect.inpaint(parent, prompt, maskDataUrl, tier, flows.hook(null)),
                    ParentCheck.VERIFIED, operation).thenApply(result -> new Flows.Started(result, tier, prompt, null));
        }
        Button button = parent.buttonContaining("Inpaint").orElseThrow();
        String modalPrompt = prompt != null ? prompt : Flows.promptOf(parent);
        ActionRequest click = new ActionRequest(parent.id(), button.customId(), tier, null, null, null, null,
                modalPrompt, maskDataUrl);
        return flows.submitAction(click, ParentCheck.VERIFIED, operation).thenCompose(result -> {
            if (!result.waitsForModal()) {
                return CompletableFuture.completedFuture(new Flows.Started(result, tier, modalPrompt, click));
            }
            return flows.submitModal(new ModalRequest(result.taskId(), modalPrompt, maskDataUrl, tier), operation)
                    .thenApply(modal -> new Flows.Started(modal, tier, modalPrompt, null));
        });
    }
}
