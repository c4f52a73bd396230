package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.practitioner.PractitionerImporter;
import fr.santegraph.support.CypherCounter;
import fr.santegraph.territory.TerritoryImporter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Answers kept while the graph is unchanged: never served after a write, never served to another kind of caller. */
class ResultCacheTest extends ScratchGraphTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/practitioners");

    @Autowired
    TerritoryImporter territories;
    @Autowired
    PractitionerImporter practitioners;
    @Autowired
    CypherCounter cypher;
    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    ResultCacheInterceptor interceptor;

    @BeforeEach
    void importPractitioners() throws Exception {
        territories.importDirectory(FIXTURES.resolve("territories"));
        practitioners.run(ImportRequest.of("practitioners", "file",
                FIXTURES.resolve("refresh-b/PS_LibreAcces_Personne_activite_202402150900.txt").toString()));
    }

    private String lastNameOf(String nationalId) {
        return graphQl.documentName("practitionerName").variable("id", nationalId).execute()
                .path("practitioner.lastName").entity(String.class).get();
    }

    @Test
    void aQueryAskedAgainIsAnsweredWithoutTheDatabaseUntilTheGraphChanges() {
        String first = lastNameOf("810000000005");
        long again = cypher.count(() -> assertThat(lastNameOf("810000000005")).isEqualTo(first));
        assertThat(again).as("statements sent for the same query asked again").isZero();

        neo4j.query("MATCH (p:Practitioner {id: '810000000005'}) SET p.lastName = 'RENOMMÉ'").run();

        long afterWrite = cypher.count(() -> assertThat(lastNameOf("810000000005")).isEqualTo("RENOMMÉ"));
        assertThat(afterWrite).as("statements sent after the graph changed").isPositive();
    }

    @Test
    void anAnswerKeptForAnInstitutionIsNotServedToAnAnonymousCaller() {
        // A count of 3, decided masked for anonymous callers.
        neo4j.query("""
                MATCH (t:Territory {id: 'department:01'})
                CREATE (i:Indicator {id: 'indicator:cache', code: 'cache', name: 'Cache', valueKind: 'COUNT'})
                CREATE (o:Observation {id: 'indicator:cache|department:01|2022', indicatorId: 'indicator:cache',
                        territoryId: 'department:01', period: '2022', periodType: 'YEAR', value: 3.0, count: 3,
                        countMasked: true, denominatorMasked: false, valueMasked: true})
                CREATE (o)-[:OF_INDICATOR]->(i), (o)-[:FOR_TERRITORY]->(t)""").run();
        String query = "{ indicatorValues(indicator: \"cache\") { nodes { value valueMasked } } }";
        HttpGraphQlTester institution = graphQl.mutate().header("X-API-Key", "test-institution-key").build();
        institution.document(query).execute()
                .path("indicatorValues.nodes[0].value").entity(Double.class).isEqualTo(3.0);

        graphQl.document(query).execute()
                .path("indicatorValues.nodes[0].value").valueIsNull()
                .path("indicatorValues.nodes[0].valueMasked").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void answersWithErrorsAndMutationsAreNotKept() {
        lastNameOf("810000000005");
        assertThat(interceptor.cache().size()).as("answers kept after a first query on a new graph").isEqualTo(1);

        graphQl.document("{ practitioners(filter: {territory: \"nowhere:1\"}) { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        graphQl.documentName("submitSuggestion").variable("input", Map.of("kind", "OPEN_DATASET",
                "title", "Ouvrir le RPPS géocodé", "reason", "Cartes des cabinets")).execute()
                .path("submitSuggestion.__typename").entity(String.class).isEqualTo("SuggestionSubmitted");
        assertThat(interceptor.cache().size()).as("answers kept after an error and a mutation").isEqualTo(1);
    }
}
