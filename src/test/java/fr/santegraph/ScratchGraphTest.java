package fr.santegraph;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of tests that need an empty graph of their own (fixture imports that would retire real territories):
 * a second cached context with its own database, emptied before each test.
 */
@IntegrationTest
@TestPropertySource(properties = {"santegraph.bundled.load-on-start=false", "santegraph.test.graph=scratch",
        "santegraph.graphql.limits.cypher-timeout-seconds=5"})
public abstract class ScratchGraphTest {

    @Autowired
    protected Neo4jClient neo4j;

    @BeforeEach
    void emptyGraph() {
        neo4j.query("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").run();
    }

    protected long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }
}
