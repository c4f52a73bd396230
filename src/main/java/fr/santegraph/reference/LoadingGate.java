package fr.santegraph.reference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * While the bundled reference data is loading, the data endpoints (GraphQL, DCAT, RDF, GeoJSON) answer 503 with
 * {@code Retry-After} instead of answering from a half-loaded graph: a dashboard would show 26 of 127 territories,
 * and a harvester would delete the records it did not see. Health, GraphiQL and static pages stay open.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class LoadingGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "10";
    private static final List<String> GATED = List.of("/graphql", "/catalog", "/id/", "/geo/");

    private final BundledDataLoader loader;

    public LoadingGate(BundledDataLoader loader) {
        this.loader = loader;
    }

    /** Decoded, without {@code ;…} parameters: {@code /%67raphql} and {@code /graphql;x} are {@code /graphql}, as routed. */
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        return !loader.loading() || GATED.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!loader.loading()) {
            chain.doFilter(request, response);
            return;
        }
        String message = "the graph is loading its bundled reference data (" + loader.progress()
                + "); retry in a few seconds";
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (PATHS.getPathWithinApplication(request).startsWith("/graphql")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            // The message is written by this code (source names from bundle.tsv), never taken from the request.
            response.getWriter().write("{\"errors\":[{\"message\":\"" + message
                    + "\",\"extensions\":{\"classification\":\"UNAVAILABLE\"}}]}");
        } else {
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write(message + "\n");
        }
    }
}
