package io.github.mjsdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mjsdk.internal.http.ApiRequest;
import io.github.mjsdk.internal.http.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry rules in their one place: which answers are retried, for which request, after how long. */
class RetryPolicyTest {
    private static final ApiRequest QUERY = ApiRequest.get("/mj/task/1/fetch");
    private static final ApiRequest SUBMIT = ApiRequest.submit("/mj/submit/imagine", null);
    private static final Instant NOW = Instant.parse("2024-04-05T19:34:38Z");

    @ParameterizedTest(name = "HTTP {0}: query retried {1}, submit retried {2}")
    @CsvSource({
            "200, false, false",
            "204, false, false",
            "400, false, false",
            "401, false, false",
            "403, false, false",
            "404, false, false",
            "408, true,  false",
            "409, false, false",
            "425, true,  false",
            "429, true,  true",
            "500, true,  false",
            "501, false, false",
            "502, true,  false",
            "503, true,  true",
            "504, true,  false",
            "520, false, false"})
    void statusesAreRetriedByKindOfRequest(int status, boolean query, boolean submit) {
        RetryPolicy policy = new RetryPolicy(() -> 0.5);

        assertThat(policy.retryStatus(QUERY, status, 0, 2)).isEqualTo(query);
        assertThat(policy.retryStatus(SUBMIT, status, 0, 2)).isEqualTo(submit);
    }

    @Test
    void retriesStopAtTheCallsMaximum() {
        RetryPolicy policy = new RetryPolicy(() -> 0.5);

        assertThat(policy.retryStatus(QUERY, 503, 1, 2)).isTrue();
        assertThat(policy.retryStatus(QUERY, 503, 2, 2)).isFalse();
        assertThat(policy.retryStatus(QUERY, 503, 0, 0)).isFalse();
        assertThat(policy.retryFailure(QUERY, true, 2, 2)).isFalse();
        assertThat(policy.retryFailure(SUBMIT, false, 0, 0)).isFalse();
    }

    @Test
    void aSubmitIsRetriedAfterAnIoFailureOnlyWhenItNeverReachedTheNetwork() {
        RetryPolicy policy = new RetryPolicy(() -> 0.5);

        assertThat(policy.retryFailure(SUBMIT, false, 0, 2)).isTrue();
        assertThat(policy.retryFailure(SUBMIT, true, 0, 2)).isFalse();
        assertThat(policy.retryFailure(QUERY, true, 0, 2)).isTrue();
        assertThat(policy.retryFailure(QUERY, false, 0, 2)).isTrue();
    }

    @Test
    void failuresThatProveNothingWasSentAreKnownByType() {
        List<IOException> unsent = List.of(new ConnectException("refused"), new UnknownHostException("nx"),
                new NoRouteToHostException("no route"), new SSLHandshakeException("bad cert"));
        List<IOException> unknown = List.of(new SocketTimeoutException("timeout"), new IOException("reset"),
                new java.io.EOFException("unexpected end of stream"));

        assertThat(unsent).allMatch(RetryPolicy::provablyNotSent);
        assertThat(unknown).noneMatch(RetryPolicy::provablyNotSent);
    }

    @ParameterizedTest(name = "retry {0}: below {1} ms")
    @CsvSource({"0, 500", "1, 1000", "2, 2000", "3, 4000", "4, 8000", "5, 8000", "30, 8000"})
    void backoffIsFullJitterBelowAnExponentialCeilingCappedAt8Seconds(int attempt, long ceilingMillis) {
        assertThat(new RetryPolicy(() -> 0.0).delay(attempt, null)).isEqualTo(Duration.ZERO);
        assertThat(new RetryPolicy(() -> 0.5).delay(attempt, null)).isEqualTo(Duration.ofMillis(ceilingMillis / 2));
        assertThat(new RetryPolicy(() -> 0.999_999).delay(attempt, null))
                .isLessThan(Duration.ofMillis(ceilingMillis))
                .isGreaterThanOrEqualTo(Duration.ofMillis(ceilingMillis - 1));
    }

    @Test
    void jitterIsSpreadOverTheWholeRange() {
        double[] draws = IntStream.range(0, 10).mapToDouble(i -> i / 10.0).toArray();
        int[] next = {0};
        RetryPolicy policy = new RetryPolicy(() -> draws[next[0]++]);

        List<Duration> delays = IntStream.range(0, 10).mapToObj(i -> policy.delay(2, null)).toList();

        assertThat(delays).doesNotHaveDuplicates().first().isEqualTo(Duration.ZERO);
        assertThat(delays).last().isEqualTo(Duration.ofMillis(1800));
    }

    @Test
    void aBrokenRandomSourceCannotMakeANegativeOrHugeDelay() {
        assertThat(new RetryPolicy(() -> -3).delay(3, null)).isEqualTo(Duration.ZERO);
        assertThat(new RetryPolicy(() -> 7).delay(3, null)).isEqualTo(Duration.ZERO);
        assertThat(new RetryPolicy(() -> Double.NaN).delay(3, null)).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest(name = "Retry-After {0} s → wait {1} s")
    @CsvSource({"0, 0", "1, 1", "59, 59", "60, 60", "61, 60", "3600, 60"})
    void retryAfterReplacesTheBackoffClampedTo60Seconds(long asked, long waited) {
        RetryPolicy policy = new RetryPolicy(() -> 0.99);

        assertThat(policy.delay(0, Duration.ofSeconds(asked))).isEqualTo(Duration.ofSeconds(waited));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(RetryPolicy.parseRetryAfter("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter(" 12 ", NOW)).isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryPolicy.parseRetryAfter("Fri, 05 Apr 2024 19:35:08 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.parseRetryAfter("Fri, 05 Apr 2024 19:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("-5", NOW)).isNull();
        assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isNull();
        assertThat(RetryPolicy.parseRetryAfter("", NOW)).isNull();
        assertThat(RetryPolicy.parseRetryAfter(null, NOW)).isNull();
        assertThat(RetryPolicy.parseRetryAfter("99999999999999999999999", NOW)).isNull();
    }
}
