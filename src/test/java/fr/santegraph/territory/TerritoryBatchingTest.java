package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import fr.santegraph.support.CypherCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Nested relationship fields are loaded in one batched query per field, however many parents the page holds. */
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
    void theNumberOfCypherStatementsDoesNotGrowWithThePageSize() {
                long forTen = statementsFor(10);
        long forHundred = statementsFor(100);

        assertThat(forTen).as("statements counted for a page of 10").isGreaterThanOrEqualTo(2);
        assertThat(forHundred).isEqualTo(forTen);
        // page + count + the EPCIs' children; parent, EPCI, département, region and postal codes come from the
        // in-memory territory directory (whose own reads, once per import or check interval, are not counted)
        assertThat(forHundred).isLessThanOrEqualTo(4);
    }
}
