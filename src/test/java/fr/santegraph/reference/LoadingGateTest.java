package fr.santegraph.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** While the bundled data loads, the data endpoints refuse with 503 and Retry-After; the rest stays open. */
class LoadingGateTest {

    /** A loader that has not run yet: it is loading from the moment it exists, as on a start. */
    private static BundledDataLoader loading() {
        return new BundledDataLoader(null, null, null, null, null, null, null, "bundles/small/", true, List.of(), 0.05);
    }

    private static MockHttpServletResponse request(BundledDataLoader loader, String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new LoadingGate(loader).doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(299); // reached the endpoint
        }
        return response;
    }

    @Test
    void graphqlDcatRdfAndGeoJsonAnswer503WithRetryAfterWhileLoading() throws Exception {
        BundledDataLoader loader = loading();
        for (String path : List.of("/graphql", "/catalog", "/catalog.ttl", "/id/territory/region:84", "/geo/sites")) {
            MockHttpServletResponse response = request(loader, "GET", path);
            assertThat(response.getStatus()).as(path).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        }
        MockHttpServletResponse graphql = request(loader, "POST", "/graphql");
        assertThat(graphql.getContentType()).startsWith("application/json");
        assertThat(graphql.getContentAsString()).contains("\"classification\":\"UNAVAILABLE\"")
                .contains("loading its bundled reference data");
    }

    @Test
    void anEncodedOrParameterisedPathToTheEndpointsIsRefusedToo() throws Exception {
        BundledDataLoader loader = loading();
        for (String path : List.of("/%67raphql", "/graphql;jsessionid=1", "/%63atalog.ttl", "/id/territory/region%3A84")) {
            assertThat(request(loader, "POST", path).getStatus()).as(path).isEqualTo(503);
        }
    }

    @Test
    void healthGraphiqlAndPagesStayOpenWhileLoading() throws Exception {
        BundledDataLoader loader = loading();
        for (String path : List.of("/actuator/health", "/graphiql", "/webjars/graphiql/graphiql.min.js")) {
            assertThat(request(loader, "GET", path).getStatus()).as(path).isEqualTo(299);
        }
    }

    @Test
    void everythingIsOpenOnceLoaded() throws Exception {
        BundledDataLoader disabled = new BundledDataLoader(null, null, null, null, null, null, null, "bundles/small/", false,
                List.of(), 0.05);
        assertThat(request(disabled, "POST", "/graphql").getStatus()).isEqualTo(299);
    }
}
