package io.github.mjsdk.model;

import io.github.mjsdk.internal.util.Args;
import io.github.mjsdk.internal.util.Redact;

/**
 * An edit or a retexture: an image and a prompt to a new grid (Midjourney's V7 editor; docs/protocols.md §h.2.8).
 * Proxy family: {@code POST {tier}/mj/submit/edits} (trueai and CometAPI) or {@code /mj/submit/retexture}
 * (trueai) with {@code {prompt, image}}; apimart: {@code POST /v1/midjourney/generations/edits {prompt,
 * image_urls}}, no retexture; JourneyAPI: neither. The result is a grid with buttons whose task action is
 * {@link TaskAction#EDIT} or {@link TaskAction#RETEXTURE}. Build with {@link #edit} or {@link #retexture} and the
 * {@code with…} methods.
 *
 * <p>Construction throws {@link IllegalArgumentException} if {@code kind} or {@code image} is null, {@code prompt}
 * is blank, {@code state} is over 255 characters, or {@code notifyHook} is not an absolute http(s) URL.
 *
 * @param kind       an edit or a retexture; not null
 * @param prompt     what the new image should show, Midjourney flags included; not blank
 * @param image      the image to edit: bytes (sent as a data URL) or a public URL; not null
 * @param speed      the speed tier, or {@code null} for the client's default
 * @param state      an opaque string of yours echoed on the task, or {@code null}
 * @param notifyHook a callback URL, or {@code null} for the client's default
 */
public record EditRequest(Kind kind, String prompt, ImageInput image, SpeedTier speed, String state,
                          String notifyHook) {

    /** Which editor runs. */
    public enum Kind {
        /** The editor: the image reworked after the prompt ({@code /submit/edits}). */
        EDIT,
        /** Retexture: the image's shapes kept, its surfaces redrawn after the prompt ({@code /submit/retexture}). */
        RETEXTURE
    }

    /**
     * Validates the components, as the class description says.
     *
     * @param kind       see {@link #kind()}
     * @param prompt     see {@link #prompt()}
     * @param image      see {@link #image()}
     * @param speed      see {@link #speed()}
     * @param state      see {@link #state()}
     * @param notifyHook see {@link #notifyHook()}
     */
    public EditRequest {
        Args.notNull(kind, "kind");
        Args.notBlank(prompt, "prompt");
        Args.notNull(image, "image");
        Args.maxLength(state, 255, "state");
        Args.optionalHttpUrl(notifyHook, "notifyHook");
    }

    /**
     * An edit at the client's default speed.
     *
     * @param prompt the prompt
     * @param image  the image
     * @return the request
     * @throws IllegalArgumentException if {@code prompt} is blank or {@code image} null
     */
    public static EditRequest edit(String prompt, ImageInput image) {
        return new EditRequest(Kind.EDIT, prompt, image, null, null, null);
    }

    /**
     * A retexture at the client's default speed.
     *
     * @param prompt the prompt
     * @param image  the image
     * @return the request
     * @throws IllegalArgumentException if {@code prompt} is blank or {@code image} null
     */
    public static EditRequest retexture(String prompt, ImageInput image) {
        return new EditRequest(Kind.RETEXTURE, prompt, image, null, null, null);
    }

    /**
     * A copy with a speed tier.
     *
     * @param tier the tier, or {@code null} for the client's default
     * @return the copy
     */
    public EditRequest withSpeed(SpeedTier tier) {
        return new EditRequest(kind, prompt, image, tier, state, notifyHook);
    }

    /**
     * A copy with a state.
     *
     * @param value at most 255 characters, or {@code null}
     * @return the copy
     * @throws IllegalArgumentException if {@code value} is over 255 characters
     */
    public EditRequest withState(String value) {
        return new EditRequest(kind, prompt, image, speed, value, notifyHook);
    }

    /**
     * A copy with a callback URL.
     *
     * @param url an absolute http(s) URL, or {@code null} for the client's default
     * @return the copy
     * @throws IllegalArgumentException if {@code url} is not an absolute http(s) URL
     */
    public EditRequest withNotifyHook(String url) {
        return new EditRequest(kind, prompt, image, speed, state, url);
    }

    /**
     * A summary without the image bytes or the callback URL's query.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "EditRequest[kind=" + kind + ", prompt=" + prompt + ", image=" + image + ", speed="
                + (speed == null ? null : speed.id()) + ", state=" + state + ", notifyHook=" + Redact.url(notifyHook)
                + "]";
    }
}
