package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Practitioners of a profession in a département or region are found through their activities' département (by
 * index): the same practitioners and counts as the walk down the territory to the sites located there.
 */
class PractitionersByDepartmentTest extends ScratchGraphTest {

    private static final List<String> TERRITORIES = List.of("department:01", "department:02", "department:25",
            "department:62", "region:84", "region:32", "region:27");

    /** The practitioners located inside a territory, walked down PART_OF from it, independently of the service. */
    private static final String WALKED = """
            MATCH (:Territory {id: $territory})<-[:PART_OF*0..3]-(x:Territory)<-[:LOCATED_IN]-(:Site)
                  <-[:AT_SITE]-(a:Activity {active: true, professionCode: $profession})<-[:HAS_ACTIVITY]-(p:Practitioner {active: true})
            RETURN count(DISTINCT p)
            """;

    @Autowired
    GeneratedPractitioners generated;
    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void importGeneratedPractitioners(@TempDir Path dir) throws Exception {
        generated.importInto(dir, 1500, 11);
        graphQl = graphQl.mutate().header("X-API-Key", "test-institution-key").build();
    }

    private long walked(String territory, String profession) {
        return neo4j.query(WALKED).bind(territory).to("territory").bind(profession).to("profession")
                .fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void aProfessionInADepartmentOrRegionListsThePractitionersWhoseSitesLieThere() {
        List<String> professions = neo4j.query("MATCH (a:Activity) RETURN DISTINCT a.professionCode ORDER BY a.professionCode")
                .fetchAs(String.class).all().stream().toList();
        assertThat(professions).hasSizeGreaterThan(3);
        long compared = 0;
        for (String territory : TERRITORIES) {
            for (String profession : professions) {
                long expected = walked(territory, profession);
                long found = graphQl.documentName("practitionersPage")
                        .variable("filter", Map.of("territory", territory, "profession", profession)).variable("first", 5)
                        .execute()
                        .path("practitioners.totalCount").entity(Long.class).get();
                assertThat(found).as(territory + " " + profession).isEqualTo(expected);
                compared += expected;
            }
        }
        assertThat(compared).as("practitioners found over all territories and professions").isGreaterThan(500);
    }

    @Test
    void countsOfAProfessionPerEpciOfADepartmentAddUpToThePractitionersLocatedThere() {
        for (String territory : List.of("department:01", "department:62")) {
            String code = territory.substring("department:".length());
            List<Map<String, Object>> perEpci = graphQl.documentName("practitionerCounts")
                    .variable("code", code).variable("level", "DEPARTMENT").variable("groupBy", "PROFESSION")
                    .variable("per", "EPCI").variable("profession", "10")
                    .execute().path("territory.practitionerCounts").entityList(Map.class).get()
                    .stream().map(m -> (Map<String, Object>) m).toList();
            assertThat(perEpci).isNotEmpty().allSatisfy(count -> assertThat(count).containsEntry("code", "10"));
            for (Map<String, Object> count : perEpci) {
                String epci = (String) ((Map<?, ?>) count.get("territory")).get("id");
                long located = neo4j.query("""
                                MATCH (:Territory {id: $epci})<-[:MEMBER_OF]-(c:Territory)<-[:PART_OF*0..1]-(x:Territory)
                                      <-[:LOCATED_IN]-(s:Site {departmentCode: $department})<-[:AT_SITE]-
                                      (a:Activity {active: true, professionCode: '10'})<-[:HAS_ACTIVITY]-(p:Practitioner {active: true})
                                RETURN count(DISTINCT p)
                                """).bind(epci).to("epci").bind(code).to("department")
                        .fetchAs(Long.class).one().orElseThrow();
                assertThat(((Number) count.get("count")).longValue()).as(epci).isEqualTo(located);
            }
        }
    }
}
