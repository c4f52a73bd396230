package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The limits over HTTP and with data: concurrent requests, oversized bodies and arguments, a query within the limits
 * answered. The limits of the GraphQL layer itself (depth, cost, page arguments) are {@link GraphQlLimitsSliceTest}.
 */
@IntegrationTest
class QueryLimitsTest {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    ConcurrencyLimitFilter concurrencyLimit;
    @LocalServerPort
    int port;

    @Test
    void concurrentRequestsAllAnswerAndEveryTurnIsGivenBack() throws Exception {
        int permits = concurrencyLimit.available();
        assertThat(permits).isEqualTo(Runtime.getRuntime().availableProcessors() + 1);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ territory(code: \\\"2A\\\") { name children(first: 50) { totalCount } } }\"}"))
                .build();
        var answers = IntStream.range(0, 24).mapToObj(i -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();
        for (var answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Corse-du-Sud").doesNotContain("errors");
        }
        // Turns end with the answers, asynchronous ones included: none is lost. (A turn ends just after its
        // answer is sent, so the last ones may still be ending when the client has read everything.)
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (concurrencyLimit.available() < permits && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(concurrencyLimit.available()).isEqualTo(permits);
    }

    @Test
    void aQueryWithinTheDepthLimitRuns() {
        graphQl.document(GraphQlLimitsSliceTest.nested(3)).execute().errors().verify();
    }

    @Test
    void aHugeStringArgumentIsABadRequest() {
        graphQl.document("query($name: String) { territories(filter: {nameContains: $name}) { totalCount } }")
                .variable("name", "a".repeat(100_000)).execute().errors().satisfy(errors ->
                        assertThat(errors).singleElement().satisfies(error -> {
                            assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                            assertThat(error.getMessage()).contains("100000 characters");
                        }));
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTenMegabyteBodyIsRefusedWith413BeforeParsing() throws Exception {
        String query = "{\"query\":\"{ territories(first: 1) { totalCount } }\",\"pad\":\"" + "x".repeat(10 << 20) + "\"}";

        HttpResponse<String> response = post("application/json", query);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("santegraph.graphql.limits.max-request-size");
    }

    @Test
    void wrongContentTypeAndEmptyBodyAreHttpErrorsNotStackTraces() throws Exception {
        HttpResponse<String> wrongType = post("text/plain", "{ territories(first: 1) { totalCount } }");
        HttpResponse<String> empty = post("application/json", "");
        HttpResponse<String> notJson = post("application/json", "{\"query\": ");

        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Map.of("wrongType", wrongType.body(), "empty", empty.body(), "notJson", notJson.body()))
                .allSatisfy((name, body) -> assertThat(body).doesNotContain("Exception").doesNotContain("\tat "));
    }
}
