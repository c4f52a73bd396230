package fr.santegraph.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no external Neo4j is configured: {@code spring.neo4j.uri} is absent or blank. */
class OnEmbeddedNeo4jCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty("spring.neo4j.uri");
        return StringUtils.hasText(uri)
                ? ConditionOutcome.noMatch("spring.neo4j.uri is set to " + uri)
                : ConditionOutcome.match("spring.neo4j.uri is not set: starting the embedded database");
    }
}
