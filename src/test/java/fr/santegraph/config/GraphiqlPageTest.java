package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;

/** The GraphiQL page over plain HTTP: served directly, and built only from assets the service itself serves. */
// A page test needs a graph that answers, not the whole reference data.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "santegraph.bundled.location=bundles/small/")
@ActiveProfiles("test")
class GraphiqlPageTest {

    private static final Pattern SRC_OR_HREF = Pattern.compile("\\b(?:src|href)\\s*=\\s*[\"']([^\"']*)[\"']");

    // Never follow redirects: a 3xx must show up as a failure, not be hidden by the client.
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/graphiql", "/graphiql/"})
    void graphiqlIsServedDirectlyWithoutARedirect(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
        assertThat(response.body())
                .contains("<title>santegraph — GraphiQL</title>")
                .contains("data-endpoint=\"/graphql\"")
                .doesNotContain("{{contextPath}}");
    }

    @Test
    void graphiqlPageLoadsOnlySameOriginAssetsThatTheServiceServes() throws Exception {
        String html = get("/graphiql").body();
        List<String> assets = sourcesOf(html);

        assertThat(assets).containsExactlyInAnyOrder(
                "/webjars/graphiql/2.4.7/graphiql.min.css",
                "/webjars/react/18.3.1/umd/react.production.min.js",
                "/webjars/react-dom/18.3.1/umd/react-dom.production.min.js",
                "/webjars/graphiql/2.4.7/graphiql.min.js");
        // No absolute URL anywhere: not in attributes, not in the inline script, not protocol-relative.
        assertThat(html).doesNotContain("http://", "https://", "\"//", "'//");
        // Catches a version bump in the pom that the page's pinned URLs did not follow.
        for (String asset : assets) {
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).hasSizeGreaterThan(1000);
        }
    }

    @Test
    void graphiqlAssetAndEndpointUrlsFollowTheContextPath() throws IOException {
        var controller = new GraphiqlController(new ClassPathResource("web/graphiql.html"));
        var request = new MockHttpServletRequest("GET", "/santegraph/graphiql");
        request.setContextPath("/santegraph");

        ResponseEntity<String> response = controller.graphiql(request);

        assertThat(sourcesOf(response.getBody())).hasSize(4).allMatch(url -> url.startsWith("/santegraph/webjars/"));
        assertThat(response.getBody()).contains("data-endpoint=\"/santegraph/graphql\"");
    }

    private static List<String> sourcesOf(String html) {
        Matcher matcher = SRC_OR_HREF.matcher(html);
        return matcher.results().map(match -> match.group(1)).toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
