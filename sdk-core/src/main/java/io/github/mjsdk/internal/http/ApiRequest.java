package io.github.mjsdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTP exchange a dialect wants: method, path relative to the base URL (or to another origin), optional JSON
 * body.
 *
 * @param method     GET or POST
 * @param path       e.g. {@code /mj-turbo/mj/submit/imagine}; path segments already encoded; never a secret
 * @param body       the JSON body, or null for none
 * @param idempotent true for queries (retried on transient errors), false for submits (which cost a job)
 * @param origin     the base URL of another host the path is relative to (CometAPI's account service), without a
 *                   trailing slash; null for the client's base URL
 * @param keyInQuery true when the API key travels as the {@code key} query parameter instead of a header: it is
 *                   added by {@link AuthInterceptor} on the network request to {@code origin} only, so it is in no
 *                   path, message, log line or observer event
 */
public record ApiRequest(String method, String path, JsonNode body, boolean idempotent, String origin,
                         boolean keyInQuery) {

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, null, true, null, false);
    }

    public static ApiRequest query(String path, JsonNode body) {
        return new ApiRequest("POST", path, body, true, null, false);
    }

    public static ApiRequest submit(String path, JsonNode body) {
        return new ApiRequest("POST", path, body, false, null, false);
    }

    /** A GET on another host that authenticates with the key as the {@code key} query parameter. */
    public static ApiRequest keyedGet(String origin, String path) {
        return new ApiRequest("GET", path, null, true, origin, true);
    }

    /** "POST /mj/submit/imagine" or "GET https://query.example.com/user/quota", for messages and logs. */
    public String describe() {
        return method + " " + (origin == null ? "" : origin) + path;
    }
}
