package io.github.mjsdk.testkit;

import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * One dialect's API behind the {@link Router}: which route a path is, and its answers, each in that dialect's own
 * error shapes. The router does the rest (faults, the journal, the images, the credential check).
 */
interface ApiRoutes {

    /** The route of a path; {@link Route#IMAGE} for the simulator's image paths, {@link Route#OTHER} for none. */
    RequestPath parse(String encodedPath);

    /** The answer to a path this server does not serve, given before the credential check; null to go on. */
    MockResponse unserved(RequestPath path, String where, Instant now);

    /** The answer to a request without the right credential. */
    MockResponse unauthorized();

    /** The answer to an authenticated request on one of the dialect's routes. */
    MockResponse answer(RecordedRequest request, RequestPath path, Instant now);

    /** The answer when the simulator itself failed on a request. */
    MockResponse failed(String where, Instant now);
}
