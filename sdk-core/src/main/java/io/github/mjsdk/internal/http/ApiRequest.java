package io.github.mjsdk.internal.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTP exchange a dialect wants: method, path relative to the base URL, optional JSON body.
 *
 * @param method     GET or POST
 * @param path       e.g. {@code /mj-turbo/mj/submit/imagine}; path segments already encoded
 * @param body       the JSON body, or null for none
 * @param idempotent true for queries (retried on transient errors), false for submits (which cost a job)
 */
public record ApiRequest(String method, String path, JsonNode body, boolean idempotent) {

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, null, true);
    }

    public static ApiRequest query(String path, JsonNode body) {
        return new ApiRequest("POST", path, body, true);
    }

    public static ApiRequest submit(String path, JsonNode body) {
        return new ApiRequest("POST", path, body, false);
    }

    /** "POST /mj/submit/imagine", for messages and logs. */
    public String describe() {
        return method + " " + path;
    }
}
