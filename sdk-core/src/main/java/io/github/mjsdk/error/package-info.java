/**
 * The exceptions of mjsdk: all unchecked, all subclasses of {@link io.github.mjsdk.error.MidjourneyException}.
 *
 * <p>Futures returned by the client complete exceptionally with these types directly, so after
 * {@code join()} the {@link java.util.concurrent.CompletionException#getCause() cause} is the typed exception.
 * Invalid arguments are reported with {@link java.lang.IllegalArgumentException} before any network traffic.
 *
 * <ul>
 *   <li>{@link io.github.mjsdk.error.ApiException}: the server answered with an error (HTTP status and/or business
 *       {@code code}); subclasses per meaning.</li>
 *   <li>{@link io.github.mjsdk.error.TransportException}: the exchange failed (I/O, timeout); says whether a submit
 *       may have reached the server.</li>
 *   <li>{@link io.github.mjsdk.error.ProtocolException}: the server answered something that is not the protocol
 *       (HTML error page, empty or truncated body).</li>
 *   <li>Task outcomes: {@link io.github.mjsdk.error.TaskFailedException},
 *       {@link io.github.mjsdk.error.TaskTimeoutException}, {@link io.github.mjsdk.error.ModalRequiredException}.</li>
 *   <li>Client-side refusals: {@link io.github.mjsdk.error.IllegalTaskStateException}.</li>
 * </ul>
 */
package io.github.mjsdk.error;
