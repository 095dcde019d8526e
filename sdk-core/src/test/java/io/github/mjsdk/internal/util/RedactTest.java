package io.github.mjsdk.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets are cut out of server text whether it echoes them as they are or behind JSON escapes. */
class RedactTest {
    private static final String KEY = "sk-live/9f8e7d6c5b4a3210";

    @Test
    void aKeyEchoedAsItIsOrBehindEscapesIsReplaced() {
        for (String echo : List.of(KEY, "\\u0073k-live/9f8e7d6c5b4a3210", "sk-live\\/9f8e7d6c5b4a3210",
                "\\u0073\\u006b\\u002dlive\\/9f8e7d6c5b4a3210", "sk-live\\u002f9f8e7d6c5b4a3210")) {
            String body = "{\"description\":\"Incorrect API key provided: " + echo + ". Check it.\",\"again\":\""
                    + echo + "\"}";

            String redacted = Redact.escaped(body, List.of(KEY));

            assertThat(redacted).as(echo).isEqualTo("{\"description\":\"Incorrect API key provided: ***. Check it.\","
                    + "\"again\":\"***\"}");
        }
    }

    @Test
    void aCleanBodyIsReturnedAsTheSameArray() {
        byte[] body = "{\"imageUrl\":\"https:\\/\\/cdn.example.com\\/a.png\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(Redact.jsonBody(body, List.of(KEY))).isSameAs(body);
    }

    @Test
    void escapesThatHideNoSecretAreLeftAsTheyWere() {
        String body = "{\"a\":\"line\\nbreak \\\"quoted\\\" \\u00e9 \\/ \\\\\"}";

        assertThat(Redact.escaped(body, List.of(KEY))).isEqualTo(body);
    }

    @Test
    void serverTextBecomesOneBoundedLine() {
        String clipped = ServerText.clip("a\r\nb\u0007c\u2028" + "x".repeat(600));

        assertThat(clipped).startsWith("a\\r\\nb\\u0007c\\u2028").doesNotContain("\n").hasSize(ServerText.MAX_CHARS + 1)
                .endsWith("…");
        assertThat(ServerText.clip("short")).isEqualTo("short");
        assertThat(ServerText.clip(null)).isNull();
    }
}
