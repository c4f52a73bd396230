package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.NeedsSharedData;
import fr.santegraph.ingest.ImportSummary;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The real 2021 sample over the real COG and La Poste files: counts, commune links, GraphQL by territory and distance. */
@IntegrationTest
@NeedsSharedData // the 22 real lines of ../shared/data/rpps
class PractitionerSampleTest {

    @Autowired
    RppsSample sample;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    HttpGraphQlTester graphQl;

    private ImportSummary summary;

    @BeforeEach
    void load() {
        summary = sample.load();
        // Counts of this 22-line sample are all below the small-count threshold: ask as an institution.
        graphQl = graphQl.mutate().header("X-API-Key", "test-institution-key").build();
    }

    private long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void everySampleLineLoadsAsOnePractitionerAndItsActivity() {
        assertThat(summary.read()).isEqualTo(22);
        assertThat(summary.rejected()).isZero();
        assertThat(count("MATCH (p:Practitioner {active: true}) RETURN count(p)")).isEqualTo(22);
        assertThat(count("MATCH (:Practitioner)-[:HAS_ACTIVITY]->(a:Activity) RETURN count(a)")).isEqualTo(22);
        assertThat(count("MATCH (s:Site) RETURN count(s)")).isEqualTo(13);
        assertThat(count("MATCH (p:Profession) RETURN count(p)")).isEqualTo(13);
        assertThat(neo4j.query("MATCH (:Practitioner {id: '810106476764'})-[:HAS_SPECIALTY]->(s) RETURN s.name")
                .fetchAs(String.class).one()).contains("Gynécologie-obstétrique");
    }

    @Test
    void sitesLinkToTheirCommuneByCodeElseByPostalCodeAndTownAndSitAtItsCentroid() {
        Map<String, Object> links = neo4j.query("""
                MATCH (s:Site)-[:LOCATED_IN]->(t) RETURN s.name AS name, t.id AS territory
                """).fetch().all().stream().collect(java.util.stream.Collectors.toMap(
                row -> (String) row.get("name"), row -> row.get("territory")));
        assertThat(links).hasSize(13)
                .containsEntry("LBM NOVELAB AMBÉRIEU EN BUGEY CABROL", "commune:01004")  // commune code
                .containsEntry("DOUBS OPTIC", "commune:25204")                          // "25300 DOUBS"
                .containsEntry("CABINET MME CHAVANON", "commune:01248")                 // "01390 MIONNAY"
                .containsEntry("SARL POINT DE VUE - OPTIPRI", "commune:02810")          // VILLERS-COTTERETS
                .containsEntry("GRANDVISION FRANCE - GDO", "commune:62624")
                .containsEntry("CENTRE PSYCHOTHERAPIQUE DE L'AIN", "commune:01053");    // cedex 01012, code 01053
        assertThat(count("MATCH (s:Site) WHERE s.unplacedReason IS NOT NULL OR s.location IS NULL RETURN count(s)")).isZero();
        assertThat(count("""
                MATCH (s:Site)-[:LOCATED_IN]->(c:Commune) WHERE s.location = c.centroid
                  AND s.locationSource = 'COMMUNE_CENTROID' RETURN count(s)""")).isEqualTo(13);
    }

    @Test
    void practitionersByTerritoryCodeAndProfession() {
        graphQl.documentName("practitionersPage")
                .variable("filter", Map.of("territory", "department:01", "profession", "94"))
                .execute()
                .path("practitioners.totalCount").entity(Integer.class).isEqualTo(3)
                .path("practitioners.nodes[*].lastName").entityList(String.class)
                .containsExactly("CHEPY", "KRISTIAN", "LEBRUN-CARPENTIER")
                .path("practitioners.nodes[0].activities[0].site.territory.id").entity(String.class).isEqualTo("commune:01034")
                .path("practitioners.nodes[0].professions[0].name").entity(String.class).isEqualTo("Ergothérapeute")
                .path("practitioners.nodes[0].territories[0].name").entity(String.class).isEqualTo("Belley");
        graphQl.documentName("practitionersPage")
                .variable("filter", Map.of("territory", "epci:200071751", "modeOfPractice", "SALARIED"))
                .execute()
                .path("practitioners.totalCount").entity(Integer.class).isEqualTo(5);
    }

    @Test
    void practitionersNearAPointWithinARadius() {
        // Bourg-en-Bresse centre: its own sites and Viriat (~5 km) but not Meillonnas (~7 km) at 6 km.
        graphQl.documentName("practitionersPage")
                .variable("filter", Map.of("near", Map.of("latitude", 46.2052, "longitude", 5.2255, "radiusKm", 6)))
                .execute()
                .path("practitioners.nodes[*].lastName").entityList(String.class)
                .contains("JOBERT", "LEBRUN-CARPENTIER", "DERVIEUX", "STEVANATO").hasSize(4);
    }

    @Test
    void aDepartmentCountsItsPractitionersPerEpciAndProfession() {
        graphQl.documentName("practitionerCounts")
                .variable("code", "01").variable("level", "DEPARTMENT").variable("groupBy", "PROFESSION").variable("per", "EPCI")
                .execute()
                .path("territory.practitionerCounts").entityList(Map.class).satisfies(counts -> {
                    assertThat(counts).anySatisfy(c -> {
                        assertThat(c.get("territory")).isEqualTo(Map.of("id", "epci:200040350", "name", "CC Bugey Sud"));
                        assertThat(c).containsEntry("code", "94").containsEntry("label", "Ergothérapeute").containsEntry("count", 1);
                    });
                    assertThat(counts.stream().mapToInt(c -> (Integer) c.get("count")).sum()).isEqualTo(10);
                });
    }

    @Test
    void theImportRunIsRecordedAndQueryable() {
        graphQl.document("{ practitionerImports(first: 5) { file stamp read created rejected durationMs } }").execute()
                .path("practitionerImports[?(@.file == 'PS_LibreAcces_Personne_activite_sample_2021.txt')].created")
                .entityList(Long.class).contains(22L);
    }

    @Test
    void badArgumentsAreGraphQlErrors() {
        graphQl.documentName("practitionersPage")
                .variable("filter", Map.of("near", Map.of("latitude", 46.2, "longitude", 5.2, "radiusKm", 5000)))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("radiusKm")));
        graphQl.documentName("practitionersPage").variable("filter", Map.of("territory", "84"))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("names several territories")));
    }
}
