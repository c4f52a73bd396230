package fr.santegraph.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Refuses GraphQL request bodies above {@code max-request-size} with 413 before they reach the parser: a query is a
 * few kilobytes. A declared length is checked at once; a chunked body is read up to the limit and no further; a body
 * that stops arriving is answered 408 at the read timeout; a body that is not one GraphQL request object (JSON
 * {@code null}, a batch, variables as a string) is answered 400 saying so.
 * Runs before the {@link ConcurrencyLimitFilter}, so an oversized body never waits for a turn.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class RequestSizeLimitFilter extends GraphQlEndpointFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        if ("POST".equals(request.getMethod())) {
            // Read here, whole, before any turn is taken: a client that stops sending (a chunked body that never
            // ends, a Content-Length longer than what it sends) meets the connector's read timeout and gets a 408.
            byte[] body;
            try {
                body = request.getInputStream().readNBytes((int) maximum + 1);
            } catch (IOException e) {
                if (timedOut(e)) {
                    refuse(response, HttpServletResponse.SC_REQUEST_TIMEOUT, "the request body did not arrive within "
                            + "the read timeout (server.tomcat.connection-timeout)");
                    return;
                }
                throw e;
            }
            if (body.length > maximum) {
                refuse(response, "a request body of more than " + maximum + " bytes", maximum);
                return;
            }
            String problem = isJson(request) ? shapeProblem(body) : null;
            if (problem != null) {
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST", problem);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || type.toLowerCase(Locale.ROOT).contains("json");
    }

    /**
     * What is wrong with a GraphQL-over-HTTP body, in the caller's terms (the framework's own answer would name its
     * Java classes, or fail on a {@code null} body); null when it is a JSON object of the expected members.
     */
    static @Nullable String shapeProblem(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return "the request body is not valid JSON";
        }
        if (request == null || !request.isObject()) {
            return "the request body must be one JSON object {\\\"query\\\": …}"
                    + (request != null && request.isArray() ? "; batched requests are not supported" : "");
        }
        JsonNode query = request.get("query");
        boolean persisted = PersistedQueries.isPersisted(request);
        if (query == null && !persisted || query != null && !query.isTextual()) {
            return "query must be a string holding the GraphQL document";
        }
        for (String member : new String[] {"variables", "extensions"}) {
            JsonNode value = request.get(member);
            if (value != null && !value.isNull() && !value.isObject()) {
                return member + " must be a JSON object (or left out)";
            }
        }
        JsonNode operationName = request.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            return "operationName must be a string (or left out)";
        }
        return null;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, String what, long maximum) throws IOException {
        refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, what + " exceeds the maximum of " + maximum
                + " bytes (santegraph.graphql.limits.max-request-size)");
    }
}
