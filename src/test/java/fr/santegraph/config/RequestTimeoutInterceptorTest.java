package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

class RequestTimeoutInterceptorTest {

    @Test
    void aRequestRunningPastTheTimeoutIsAnsweredWithAQueryLimitError() {
        var limits = new QueryLimitsProperties(15, 50_000, Duration.ofMillis(200), DataSize.ofKilobytes(256), 10, 0, 0, 50);
        var request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null,
                Map.of(), Map.of("query", "{ territories { totalCount } }"), "1", null);

        long started = System.nanoTime();
        WebGraphQlResponse response = new RequestTimeoutInterceptor(limits)
                .intercept(request, never -> Mono.never()).block(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(response.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("QUERY_LIMIT");
            assertThat(error.getMessage()).contains("request timeout of 200 ms");
        });
    }
}
