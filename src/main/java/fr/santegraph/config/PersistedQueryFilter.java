package fr.santegraph.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * A POST of a persisted query ({@link PersistedQueries}) becomes the ordinary POST it stands for, after the size
 * limit has read the body and before a turn is taken: its query found by hash, or {@code PersistedQueryNotFound}.
 * Other bodies pass untouched.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 5) // after the size limit, which reads the body whole (or answers 408/413)
public class PersistedQueryFilter extends GraphQlEndpointFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PersistedQueries persisted;
    private final long maxRequestBytes;

    public PersistedQueryFilter(PersistedQueries persisted, QueryLimitsProperties limits) {
        this.persisted = persisted;
        this.maxRequestBytes = limits.maxRequestSize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/graphql".equals(request.getRequestURI()) || !"POST".equals(request.getMethod())
                || !RequestSizeLimitFilter.isJson(request) || request.getContentLengthLong() > maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] raw = request.getInputStream().readNBytes((int) maxRequestBytes + 1);
        JsonNode parsed = raw.length > maxRequestBytes ? null : readOrNull(raw);
        if (!(parsed instanceof ObjectNode body) || !PersistedQueries.isPersisted(body)) {
            chain.doFilter(new CachedBodyRequest(request, raw), response);
            return;
        }
        String problem = persisted.resolve(body);
        if (PersistedQueries.NOT_FOUND.equals(problem)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write(PersistedQueries.NOT_FOUND_BODY);
            return;
        }
        if (problem != null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST", problem);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, JSON.writeValueAsBytes(body)), response);
    }

    private static @Nullable JsonNode readOrNull(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
