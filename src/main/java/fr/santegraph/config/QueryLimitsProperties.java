package fr.santegraph.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every GraphQL request must stay within; each refusal names the property to change.
 *
 * @param maxDepth        deepest field nesting (introspection queries are exempt)
 * @param maxCost         fields counted once each, a connection's sub-selection multiplied by its {@code first}
 * @param requestTimeout  whole request, answered with an error when exceeded
 * @param maxRequestSize  HTTP body of a GraphQL request
 * @param cypherTimeoutSeconds  every read transaction behind a request; the database stops the query when exceeded
 * @param maxConcurrentRequests GraphQL requests executing at once, the others waiting in arrival order for at most
 *                        {@code requestTimeout}; 0: one more than the processors
 * @param maxConcurrentPerClient of those, how many one client (its account, else its address — an IPv6 address's
 *                        /64) may hold, so that one client cannot take every turn; 0: all but one
 * @param countCost       what a {@code totalCount} weighs in {@code maxCost}: a count reads every match, like a page
 */
@ConfigurationProperties("santegraph.graphql.limits")
public record QueryLimitsProperties(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("50000") long maxCost,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("256KB") DataSize maxRequestSize,
        @DefaultValue("10") int cypherTimeoutSeconds,
        @DefaultValue("0") int maxConcurrentRequests,
        @DefaultValue("0") int maxConcurrentPerClient,
        @DefaultValue("50") long countCost) {
}
