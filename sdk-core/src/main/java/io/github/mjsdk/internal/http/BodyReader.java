package io.github.mjsdk.internal.http;

import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.internal.util.Redact;
import java.io.IOException;
import java.util.List;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads an answer into an {@link ApiResponse}: at most {@code maxBytes} of body, secrets redacted from the bytes as
 * sent and as JSON decodes them ({@link Redact#jsonBody}).
 */
final class BodyReader {
    private final long maxBytes;
    private final List<String> secrets;
    /** {@link #secrets} in UTF-8, encoded once: every answer's body is searched for them. */
    private final byte[][] secretBytes;

    BodyReader(long maxBytes, List<String> secrets) {
        this.maxBytes = maxBytes;
        this.secrets = secrets;
        this.secretBytes = Redact.utf8(secrets);
    }

    ApiResponse read(ApiRequest request, Response response, List<String> secrets) throws IOException {
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > maxBytes) {
            throw oversize(request, response.code(), declared);
        }
        BufferedSource source = body.source();
        if (source.request(maxBytes + 1)) {
            throw oversize(request, response.code(), -1);
        }
        byte[] bytes = Redact.jsonBody(source.readByteArray(), secrets,
                secrets == this.secrets ? secretBytes : Redact.utf8(secrets));
        String contentType = response.header("Content-Type");
        String requestId = firstHeader(response, "X-Request-Id", "X-Oneapi-Request-Id", "Request-Id");
        return new ApiResponse(request, response.code(), contentType, bytes, requestId,
                response.header("Retry-After"), null);
    }

    private ProtocolException oversize(ApiRequest request, int status, long declared) {
        return new ProtocolException(request.describe() + " answered a body over the " + maxBytes
                + "-byte cap" + (declared > 0 ? " (Content-Length " + declared + ")" : ""), status, null, null);
    }

    static String firstHeader(Response response, String... names) {
        for (String name : names) {
            String value = response.header(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
