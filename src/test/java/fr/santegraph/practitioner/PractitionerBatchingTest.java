package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.support.CypherCounter;
import java.nio.file.Path;
import java.util.Map;
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
        return statementsFor(pageSize, Map.of("territory", "department:01"));
    }

    private long statementsFor(int pageSize, Map<String, Object> filter) {
        return cypher.count(() -> graphQl.documentName("practitionersNested").variable("first", pageSize)
                .variable("filter", filter).execute()
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

    @Test
    void aPageOfAKeptListIsReadWithItsActivitiesInOneStatement() {
        Map<String, Object> doctorsOfTheAin = Map.of("territory", "department:01", "profession", "10");
        long first = statementsFor(11, doctorsOfTheAin); // not 10: that answer would be the result cache's
        long forTen = statementsFor(10, doctorsOfTheAin);
        long forForty = statementsFor(40, doctorsOfTheAin);

        assertThat(forForty).as("statements for a page of 40").isEqualTo(forTen);
        // The page read with its activities (their sites and the sites' territory ids), then professions.
        assertThat(forTen).as("statements for a page of 10 of a kept list").isEqualTo(2);
        assertThat(first).as("the first page also reads the list and the graph's version").isEqualTo(4);
    }
}
