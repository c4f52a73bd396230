package fr.santegraph.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Answers to GraphQL queries kept until the graph changes.
 *
 * @param maxSize          memory the kept answers may take (estimated); 0 turns the cache off
 * @param timeToLive       oldest answer served, even while the graph is unchanged
 * @param externalDatabase cache also with an external database, whose other writers this service cannot see: an
 *                         answer may then be up to {@code timeToLive} old after someone else's write
 * @param warmQuestions    after an import, at most this many of the questions most asked before it are answered
 *                         again in the background; 0 turns the warming off
 * @param warmTime         a warming stops after this long, whatever is left
 */
@ConfigurationProperties("santegraph.graphql.result-cache")
public record ResultCacheProperties(
        @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("10m") Duration timeToLive,
        @DefaultValue("false") boolean externalDatabase,
        @DefaultValue("500") int warmQuestions,
        @DefaultValue("2m") Duration warmTime) {

    public ResultCacheProperties {
        if (warmQuestions < 0) {
            throw new IllegalArgumentException("santegraph.graphql.result-cache.warm-questions must be 0 (no warming) "
                    + "or more, not " + warmQuestions);
        }
    }
}
