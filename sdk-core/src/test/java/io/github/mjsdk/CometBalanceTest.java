package io.github.mjsdk;

import static io.github.mjsdk.testing.Fixtures.json;
import static io.github.mjsdk.testing.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mjsdk.error.ApiException;
import io.github.mjsdk.error.AuthenticationException;
import io.github.mjsdk.error.OperationNotSupportedException;
import io.github.mjsdk.error.ProtocolException;
import io.github.mjsdk.error.ServerException;
import io.github.mjsdk.error.TransportException;
import io.github.mjsdk.model.Balance;
import io.github.mjsdk.observe.ClientObserver;
import io.github.mjsdk.observe.HttpAttempt;
import io.github.mjsdk.provider.Providers;
import io.github.mjsdk.testing.MockServerTest;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CometAPI's balance (docs/protocols.md §h.2.10): {@code GET /user/quota?key=<key>} on its own host, mapped into
 * {@link Balance} in USD; the key, which travels in the URL there, never shows in an exception, a log-bound message
 * or an observer event, whatever goes wrong (the canary key of {@link MockServerTest}).
 */
class CometBalanceTest extends MockServerTest {
    private static final String QUOTA = "{\"username\":\"example_user\",\"total_quota\":2105.234088,"
            + "\"total_used_quota\":21.065912,\"request_count\":1221,\"keys\":[{\"name\":\"mj_test\","
            + "\"remain_quota\":8.55,\"used_quota\":1.45},{\"name\":\"open\",\"remain_quota\":-1,\"used_quota\":0}]}";

    private final MockWebServer account = new MockWebServer();
    private final List<HttpAttempt> attempts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAccountService() throws IOException {
        account.start();
    }

    @AfterEach
    void stopAccountService() {
        account.close();
    }

    private CompletableFuture<Balance> balanceAt(String accountUrl) {
        ClientObserver observer = new ClientObserver() {
            @Override
            public void httpAttempt(HttpAttempt attempt) {
                attempts.add(attempt);
            }
        };
        newClient(b -> b.provider(Providers.cometApi()).baseUrl(server.url("/").toString())
                .accountBaseUrl(accountUrl).observer(observer));
        CompletableFuture<Balance> balance = client.balance();
        drive(balance);
        return balance;
    }

    private CompletableFuture<Balance> balance(MockResponse answer) {
        account.enqueue(answer);
        return balanceAt(account.url("/").toString());
    }

    /** The key is nowhere a person or a metric system would see it. */
    private void assertNoKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(API_KEY);
            assertThat(t.toString()).doesNotContain(API_KEY);
            if (t instanceof ApiException api) {
                assertThat(api.bodyExcerpt()).doesNotContain(API_KEY);
                assertThat(api.description().orElse("")).doesNotContain(API_KEY);
            }
        }
        assertThat(attempts).isNotEmpty().allSatisfy(attempt -> assertThat(attempt.toString())
                .doesNotContain(API_KEY).doesNotContain("key="));
        assertThat(client.toString()).doesNotContain(API_KEY);
    }

    @Test
    void theQuotaIsReadFromTheAccountHostWithTheKeyAsQueryParameterOnly() throws Exception {
        Balance balance = balance(json(200, QUOTA)).join();

        assertThat(balance.remaining()).isEqualByComparingTo("2105.234088");
        assertThat(balance.used()).isEqualByComparingTo("21.065912");
        assertThat(balance.unit()).isEqualTo("USD");
        assertThat(balance.unlimited()).isFalse();
        assertThat(balance.raw()).containsEntry("username", "example_user").containsKey("keys");
        RecordedRequest call = account.takeRequest();
        assertThat(call.getMethod()).isEqualTo("GET");
        assertThat(call.getUrl().encodedPath()).isEqualTo("/user/quota");
        assertThat(call.getUrl().queryParameterNames()).containsExactly("key");
        assertThat(call.getUrl().queryParameter("key")).isEqualTo(API_KEY);
        assertThat(call.getHeaders().get("Authorization")).as("no Bearer header to another host").isNull();
        assertThat(server.getRequestCount()).as("nothing on the API host").isZero();
        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(attempt.route()).isEqualTo("GET /user/quota");
            assertThat(attempt.status()).isEqualTo(200);
        });
    }

    @Test
    void a401IsAnAuthenticationFailureWithoutTheKey() {
        Throwable failure = failureOf(balance(json(401, "{\"message\":\"invalid key " + API_KEY + "\"}")));

        assertThat(failure).isInstanceOf(AuthenticationException.class);
        assertNoKey(failure);
    }

    @Test
    void a500IsAServerFailureWithoutTheKey() {
        Throwable failure = failureOf(balance(new MockResponse.Builder().code(500)
                .body("<html>upstream error for /user/quota?key=" + API_KEY + "</html>").build()));

        assertThat(failure).isInstanceOf(ServerException.class);
        assertNoKey(failure);
    }

    @Test
    void malformedJsonIsAProtocolFailureWithoutTheKey() {
        Throwable failure = failureOf(balance(json(200, "{\"username\":\"" + API_KEY + "\",\"total_quota\":")));

        assertThat(failure).isInstanceOf(ProtocolException.class);
        assertNoKey(failure);
    }

    @Test
    void anAnswerWithoutTotalQuotaIsAProtocolFailure() {
        Throwable failure = failureOf(balance(json(200, "{\"error\":\"no such key " + API_KEY + "\"}")));

        assertThat(failure).isInstanceOf(ProtocolException.class).hasMessageContaining("total_quota");
        assertNoKey(failure);
    }

    @Test
    void aRefusedConnectionIsATransportFailureWithoutTheKey() throws IOException {
        MockWebServer gone = new MockWebServer();
        gone.start();
        String url = gone.url("/").toString();
        gone.close();

        Throwable failure = failureOf(balanceAt(url));

        assertThat(failure).isInstanceOf(TransportException.class);
        assertNoKey(failure);
    }

    @Test
    void aRedirectToAnotherHostNeverCarriesTheKey() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            Throwable failure = failureOf(balance(new MockResponse.Builder().code(302)
                    .setHeader("Location", elsewhere.url("/steal").toString()).build()));

            assertThat(failure).isInstanceOf(ProtocolException.class);
            assertNoKey(failure);
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }

    @Test
    void aSelfHostedProxyHasNoBalanceAndAnInsecureAccountHostIsRefused() {
        newClient(b -> b.provider(Providers.midjourneyProxy(server.url("/").toString())));
        assertThatThrownBy(client::balance).isInstanceOf(OperationNotSupportedException.class)
                .hasMessageContaining("midjourney-proxy");
        assertThatThrownBy(() -> MidjourneyClient.builder().apiKey(API_KEY).accountBaseUrl("http://quota.example.com")
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountBaseUrl");
        assertThatThrownBy(() -> MidjourneyClient.builder().accountBaseUrl("https://q.example.com/?key=x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("accountBaseUrl");
        assertThat(server.getRequestCount()).isZero();
    }
}
