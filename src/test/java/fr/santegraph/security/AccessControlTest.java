package fr.santegraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Who may do what: public reading and suggestions, EDITOR reads suggestions, ADMIN imports; bad credentials refused. */
class AccessControlTest extends ScratchGraphTest {

    @Autowired
    HttpGraphQlTester graphQl;
    @LocalServerPort
    int port;

    private HttpGraphQlTester withRoles(String... roles) {
        return graphQl.mutate().header("Authorization",
                "Bearer " + TestTokens.token("user-" + UUID.randomUUID(), List.of(roles))).build();
    }

    private static Map<String, Object> suggestion(String title) {
        return Map.of("kind", "OPEN_DATASET", "title", title, "reason", "Utile aux observatoires régionaux");
    }

    @Test
    void anyoneMaySuggestUntilTheHourlyLimitThenIsToldWhenToRetry() {
        HttpGraphQlTester caller = withRoles();
        for (int i = 0; i < 5; i++) {
            caller.documentName("submitSuggestion").variable("input", suggestion("Ouvrir le PMSI agrégé " + i)).execute()
                    .path("submitSuggestion.__typename").entity(String.class).isEqualTo("SuggestionSubmitted");
        }
        caller.documentName("submitSuggestion").variable("input", suggestion("Une de trop")).execute()
                .path("submitSuggestion.__typename").entity(String.class).isEqualTo("RateLimited")
                .path("submitSuggestion.retryAfterSeconds").entity(Integer.class).satisfies(s -> assertThat(s).isPositive());
        assertThat(count("MATCH (s:Suggestion) RETURN count(s)")).isEqualTo(5);
    }

    @Test
    void anEmptySuggestionIsRejectedAsDataNotStored() {
        withRoles().documentName("submitSuggestion").variable("input", Map.of("kind", "MISSING_DATASET", "title", " ", "reason", "x"))
                .execute().path("submitSuggestion.reason").entity(String.class).isEqualTo("a title is required");
        assertThat(count("MATCH (s:Suggestion) RETURN count(s)")).isZero();
    }

    @Test
    void suggestionsAreListedForEditorsOnly() {
        withRoles().documentName("submitSuggestion").variable("input", suggestion("Données SISE-eaux communales")).execute();

        graphQl.documentName("suggestions").execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("UNAUTHORIZED")))
                .path("suggestions").pathDoesNotExist();
        withRoles("INSTITUTION").documentName("suggestions").execute().errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")))
                .path("suggestions").pathDoesNotExist();
        withRoles("EDITOR").documentName("suggestions").execute()
                .path("suggestions.totalCount").entity(Integer.class).isEqualTo(1)
                .path("suggestions.nodes[0].title").entity(String.class).isEqualTo("Données SISE-eaux communales");
    }

    @Test
    void importsThroughTheApiNeedTheAdminRoleAndAnAllowedFolder() {
        String dir = "src/test/resources/fixtures/territories/cog-a";
        graphQl.documentName("runImport").variable("dir", dir).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        withRoles("EDITOR").documentName("runImport").variable("dir", dir).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        assertThat(count("MATCH (t:Territory) RETURN count(t)")).isZero();

        withRoles("ADMIN").documentName("runImport").variable("dir", "/etc").execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("outside the folders")));
        graphQl.mutate().header("X-API-Key", "test-admin-key").build()
                .documentName("runImport").variable("dir", dir).execute()
                .path("runImport.rowsRead").entity(Long.class).isEqualTo(12L)
                .path("runImport.rejected").entity(Long.class).isEqualTo(0L);
        assertThat(count("MATCH (c:Commune) RETURN count(c)")).isEqualTo(5);
    }

    private HttpResponse<String> postWith(String header, String value) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ territories(first: 1) { totalCount } }\"}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badCredentialsAreRefusedWithAnUnauthorizedGraphQlError() throws Exception {
        String expired = TestTokens.sign(TestTokens.SECRET, TestTokens.ISSUER, "x", List.of("INSTITUTION"),
                Instant.now().minusSeconds(3600));
        String forged = TestTokens.sign("another-secret-of-at-least-thirty-two-bytes", TestTokens.ISSUER, "x",
                List.of("INSTITUTION"), Instant.now().plusSeconds(600));
        String otherIssuer = TestTokens.sign(TestTokens.SECRET, "https://elsewhere", "x", List.of("INSTITUTION"),
                Instant.now().plusSeconds(600));

        for (HttpResponse<String> response : List.of(postWith("Authorization", "Bearer not.a.token"),
                postWith("Authorization", "Bearer " + expired), postWith("Authorization", "Bearer " + forged),
                postWith("Authorization", "Bearer " + otherIssuer), postWith("X-API-Key", "guessed-key"))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"classification\":\"UNAUTHORIZED\"").doesNotContain("totalCount");
        }
        assertThat(postWith("Authorization", "Bearer " + TestTokens.token("x", List.of("INSTITUTION"))).statusCode())
                .isEqualTo(200);
    }
}
