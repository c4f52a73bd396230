package fr.santegraph.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses GraphQL request bodies above {@code max-request-size} with 413 before they reach the parser: a query is a
 * few kilobytes. A declared length is checked at once; a chunked body is read up to the limit and no further.
 * Runs before the {@link ConcurrencyLimitFilter}, so an oversized body never waits for a turn.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class RequestSizeLimitFilter extends GraphQlEndpointFilter {

    private final QueryLimitsProperties limits;

    public RequestSizeLimitFilter(QueryLimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maximum = limits.maxRequestSize().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > maximum) {
            refuse(response, "a request body of " + declared + " bytes", maximum);
            return;
        }
        if (declared < 0 && "POST".equals(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes((int) maximum + 1);
            if (body.length > maximum) {
                refuse(response, "a request body of more than " + maximum + " bytes", maximum);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String what, long maximum) throws IOException {
        refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, what + " exceeds the maximum of " + maximum
                + " bytes (santegraph.graphql.limits.max-request-size)");
    }
}
