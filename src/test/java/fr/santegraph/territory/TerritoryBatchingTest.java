package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import fr.santegraph.support.CypherCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Nested territory fields cost no database statement per parent: the territories are held in memory. */
@IntegrationTest
class TerritoryBatchingTest {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    RealGraph realGraph;
    @Autowired
    CypherCounter cypher;

    @BeforeEach
    void loadRealTerritories() {
        realGraph.territories();
    }

    private long statementsFor(int pageSize) {
        return cypher.count(() -> graphQl.documentName("communesNested").variable("first", pageSize).execute()
                .path("territories.nodes").entityList(Object.class).hasSize(pageSize));
    }

    @Test
    void aNestedPageOfTerritoriesSendsNoStatementWhateverItsSize() {
        long forTen = statementsFor(10);
        long forHundred = statementsFor(100);

        // Pages, counts, children, parent, EPCI, département, region and postal codes all come from the in-memory
        // territory directory (whose own reads, once per import or check interval, are not request statements).
        assertThat(forTen).isZero();
        assertThat(forHundred).isZero();
    }
}
