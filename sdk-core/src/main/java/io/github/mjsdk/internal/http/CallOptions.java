package io.github.mjsdk.internal.http;

import java.time.Duration;
import java.util.Map;

/**
 * The request options of one call, resolved once over the client's: every field set.
 *
 * @param timeout    the overall deadline of one request, its attempts and the waits between them included
 * @param maxRetries how many times a failed request may be tried again, 0–10
 * @param headers    extra headers for the API's origin, in order; never null
 */
public record CallOptions(Duration timeout, int maxRetries, Map<String, String> headers) {
}
