package io.github.mjsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.provider.AuthScheme;
import io.github.mjsdk.MidjourneyClient;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.model.ImagineRequest;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthTest {
    private static final String PROMPT = "{\"prompt\":\"a cat\"}";
    private final SimulatedClock clock = new SimulatedClock();

    @ParameterizedTest
    @EnumSource(AuthScheme.class)
    void theConfiguredSchemeAndKeyAreAccepted(AuthScheme scheme) {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).authScheme(scheme)
                .apiKey("k-123").start();
             Wire wire = new Wire(server)) {
            assertThat(wire.post("/mj/submit/imagine", PROMPT).json().path("code").asInt()).isEqualTo(1);
            assertThat(server.journal().get(0).header(scheme == AuthScheme.MJ_API_SECRET ? "mj-api-secret"
                    : "Authorization")).endsWith("k-123");
        }
    }

    @Test
    void aMissingOrWrongKeyOrSchemeIs401WithAnEmptyBody() {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).apiKey("k-123").start();
             Wire wire = new Wire(server)) {
            String url = server.baseUrl() + "/mj/submit/imagine";
            assertUnauthorized(wire, post(url));
            assertUnauthorized(wire, post(url).header("Authorization", "Bearer k-124"));
            assertUnauthorized(wire, post(url).header("Authorization", "k-123"));
            assertUnauthorized(wire, post(url).header("mj-api-secret", "k-123"));
            assertUnauthorized(wire, new Request.Builder().url(server.baseUrl() + "/mj/task/1/fetch"));
            assertThat(wire.send(post(url).header("Authorization", "bearer k-123")).status()).isEqualTo(200);
            assertThat(server.journal(Route.IMAGINE)).extracting(RecordedCall::status)
                    .containsExactly(401, 401, 401, 401, 200);
        }
    }

    @Test
    void withoutAKeyEveryRequestIsAccepted() {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).apiKey(null).start();
             Wire wire = new Wire(server)) {
            assertThat(server.apiKey()).isNull();
            assertThat(wire.send(post(server.baseUrl() + "/mj/submit/imagine")).json().path("code").asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void theDefaultsAreABearerTestKey() {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).start()) {
            assertThat(server.apiKey()).isEqualTo(FakeMidjourneyServer.DEFAULT_API_KEY);
            assertThat(server.authScheme()).isEqualTo(AuthScheme.BEARER);
        }
    }

    @Test
    void imagesNeedNoKey() {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).start();
             Wire wire = new Wire(server)) {
            String id = wire.imagine("/mj", "a cat");
            clock.advance(Duration.ofSeconds(4));
            Wire.Answer image = wire.send(new Request.Builder().url(server.baseUrl() + "/mj/image/" + id));
            assertThat(image.status()).isEqualTo(200);
            assertThat(image.headers().get("Content-Type")).isEqualTo("image/png");
        }
    }

    @Test
    void theSdkSeesAnAuthenticationExceptionForAWrongKey() {
        try (FakeMidjourneyServer server = FakeMidjourneyServer.builder().clock(clock).start();
             MidjourneyClient client = server.newClientBuilder().apiKey("wrong").build()) {
            assertThatThrownBy(() -> client.submitImagine(ImagineRequest.of("a cat")).join())
                    .cause().isInstanceOf(AuthenticationException.class);
        }
    }

    private static Request.Builder post(String url) {
        return new Request.Builder().url(url).post(RequestBody.create(PROMPT, MediaType.get("application/json")));
    }

    private static void assertUnauthorized(Wire wire, Request.Builder request) {
        Wire.Answer answer = wire.send(request);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEmpty();
        assertThat(answer.headers().get("Content-Length")).isEqualTo("0");
    }
}
