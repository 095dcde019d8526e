/**
 * Typed requests and results of the Midjourney task API: immutable records, safe to share between threads.
 *
 * <p>Requests ({@link io.github.mjsdk.model.ImagineRequest}, {@link io.github.mjsdk.model.RerollRequest},
 * {@link io.github.mjsdk.model.ActionRequest}, {@link io.github.mjsdk.model.ModalRequest}) validate their arguments
 * when built and throw {@link java.lang.IllegalArgumentException} naming the parameter. Results
 * ({@link io.github.mjsdk.model.Task}, {@link io.github.mjsdk.model.SubmitResult}) are parsed leniently: unknown
 * enum values become {@code UNKNOWN} with the raw string kept, unknown fields are kept.
 */
package io.github.mjsdk.model;
