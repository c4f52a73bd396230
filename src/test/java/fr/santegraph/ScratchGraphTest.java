package fr.santegraph;

import fr.santegraph.practitioner.PractitionerLists;
import fr.santegraph.territory.TerritoryDirectory;
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
        "santegraph.graphql.limits.cypher-timeout-seconds=15",
        // Wipes tell the lists (below) and imports tell them themselves: no check of the version mid-test.
        "santegraph.practitioner.lists-check=1h"})
public abstract class ScratchGraphTest {

    @Autowired
    protected Neo4jClient neo4j;
    @Autowired
    private TerritoryDirectory territoryDirectory;
    @Autowired
    private PractitionerLists practitionerLists;

    @BeforeEach
    void emptyGraph() {
        neo4j.query("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").run();
        // The graph was wiped behind the service's back: its in-memory territories and lists must not
        // outlive it.
        territoryDirectory.invalidate();
        practitionerLists.invalidate();
    }

    protected long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }
}
