package io.github.mjsdk.testkit.internal;

import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * One dialect's API behind the {@link Router}: which endpoint a path is, and its answers, each in that dialect's own
 * error shapes. The router does the images and the credential check; the server adds faults and the journal.
 */
interface ApiRoutes {

    /** The endpoint of a path: {@link Endpoint#IMAGE} for the simulator's images, {@link Endpoint#OTHER} for none. */
    RequestPath parse(String encodedPath);

    /** The answer to a path this server does not serve, given before the credential check; null to go on. */
    MockResponse unserved(RequestPath path, String where, Instant now);

    /**
     * Whether a route takes the key as the {@code key} query parameter instead of a header (CometAPI's quota
     * query).
     */
    default boolean keyInQuery(RequestPath path) {
        return false;
    }

    /** The answer to a request without the right credential. */
    MockResponse unauthorized();

    /** The answer to an authenticated request on one of the dialect's routes. */
    MockResponse answer(RecordedRequest request, RequestPath path, Instant now);

    /** The answer when the simulator itself failed on a request. */
    MockResponse failed(String where, Instant now);
}
