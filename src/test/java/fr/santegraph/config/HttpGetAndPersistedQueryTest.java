package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a dashboard behind a CDN does: queries by GET, answered with an ETag and public caching for anonymous callers
 * (304 when unchanged), persisted by hash so that the URL stays short; and what it must not get: a mutation by GET,
 * a hash that does not match its query, an unknown hash taken for another query, private answers cached publicly.
 */
@IntegrationTest
class HttpGetAndPersistedQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = "{ territory(code: \"84\", level: REGION) { name } }";

    @Autowired
    RealGraph realGraph;
    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void load() {
        realGraph.territories();
    }

    private HttpResponse<String> get(String parameters, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql?" + parameters));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String extensions(String hash) {
        return encode("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}");
    }

    @Test
    void aQueryByGetIsAnsweredWithAnEtagPublicCachingAndNotModifiedWhenUnchanged() throws Exception {
        HttpResponse<String> first = get("query=" + encode(QUERY));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).at("/data/territory/name").asText()).isEqualTo("Auvergne-Rhône-Alpes");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).contains("public, max-age=60");

        HttpResponse<String> again = get("query=" + encode(QUERY), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        // An institution's answer may differ (masked counts): never kept by a shared cache.
        HttpResponse<String> institution = get("query=" + encode(QUERY), "X-API-Key", "test-institution-key");
        assertThat(institution.headers().firstValue("Cache-Control")).contains("private, no-cache");

        HttpResponse<String> withVariables = get("query=" + encode("query($c: String!) { territory(code: $c) { name } }")
                + "&variables=" + encode("{\"c\": \"42218\"}"));
        assertThat(JSON.readTree(withVariables.body()).at("/data/territory/name").asText()).isEqualTo("Saint-Étienne");
    }

    @Test
    void aMutationByGetIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> response = get("query=" + encode(
                "mutation { submitSuggestion(input: {kind: MISSING_DATASET, title: \"t\", reason: \"r\"}) { __typename } }"));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        assertThat(get("query=" + encode(QUERY) + "&variables=" + encode("[1]")).statusCode()).isEqualTo(400);
    }

    @Test
    void aPersistedQueryIsFirstUnknownThenRegisteredByItsHashAndServedByHashAlone() throws Exception {
        String query = "{ territory(code: \"42\", level: DEPARTMENT) { name } }";
        String hash = PersistedQueries.sha256(query.getBytes(StandardCharsets.UTF_8));

        JsonNode unknown = JSON.readTree(get("extensions=" + extensions(hash)).body());
        assertThat(unknown.at("/errors/0/message").asText()).isEqualTo("PersistedQueryNotFound");
        assertThat(unknown.at("/errors/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        // A hash that is not the query's is refused, and registers nothing under it.
        HttpResponse<String> forged = post(Map.of("query", "{ __typename }", "extensions",
                Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("does not match");
        assertThat(JSON.readTree(get("extensions=" + extensions(hash)).body()).at("/errors/0/message").asText())
                .isEqualTo("PersistedQueryNotFound");

        HttpResponse<String> registered = post(Map.of("query", query, "extensions",
                Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))));
        assertThat(JSON.readTree(registered.body()).at("/data/territory/name").asText()).isEqualTo("Loire");

        assertThat(JSON.readTree(get("extensions=" + extensions(hash)).body()).at("/data/territory/name").asText())
                .isEqualTo("Loire");
        HttpResponse<String> byHashPost = post(Map.of("extensions", Map.of("persistedQuery",
                Map.of("version", 1, "sha256Hash", hash))));
        assertThat(JSON.readTree(byHashPost.body()).at("/data/territory/name").asText()).isEqualTo("Loire");
    }
}
