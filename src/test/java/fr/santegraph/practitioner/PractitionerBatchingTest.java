package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.support.CypherCounter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Practitioners → activities → site → commune → EPCI / département → region: one batched query per field and
 * level, however many practitioners the page holds (issue 7, "no N+1").
 */
class PractitionerBatchingTest extends ScratchGraphTest {

    @Autowired
    GeneratedPractitioners generated;
    @Autowired
    CypherCounter cypher;
    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void importGeneratedPractitioners(@TempDir Path dir) throws Exception {
        generated.importInto(dir, 600, 7);
        // Exact counts (all small here) are not the point: ask as an institution so totalCount is computed.
        graphQl = graphQl.mutate().header("X-API-Key", "test-institution-key").build();
    }

    private long statementsFor(int pageSize) {
        return cypher.count(() -> graphQl.documentName("practitionersNested").variable("first", pageSize).execute()
                .path("practitioners.nodes").entityList(Object.class).hasSize(pageSize)
                .path("practitioners.nodes[*].activities[*].site.territory.department.region.name")
                .entityList(String.class).contains("Auvergne-Rhône-Alpes"));
    }

    @Test
    void aNestedPageOfPractitionersCostsTheSameNumberOfStatementsForTenOrAHundred() {
                long forTen = statementsFor(10);
        long forHundred = statementsFor(100);

        assertThat(forHundred).as("statements for a page of 100").isEqualTo(forTen);
        // The page with its total, then professions, then activities read with their sites and the sites'
        // territory ids; the territories, their EPCI, département and region come from the in-memory directory.
        assertThat(forTen).as("statements for a page of 10").isEqualTo(3);
    }
}
