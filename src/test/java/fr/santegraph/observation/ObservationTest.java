package fr.santegraph.observation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Rejection;
import fr.santegraph.security.TestTokens;
import fr.santegraph.territory.TerritoryImporter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Indicator values per territory: import, and the small-count rule for anonymous and institutional callers. */
@SuppressWarnings({"unchecked", "rawtypes"})
class ObservationTest extends ScratchGraphTest {

    @Autowired
    TerritoryImporter territories;
    @Autowired
    ObservationImporter observations;
    @Autowired
    HttpGraphQlTester graphQl;

    ImportSummary summary;

    @BeforeEach
    void loadFixtures() throws Exception {
        territories.importDirectory(Path.of("src/test/resources/fixtures/territories/cog-a"));
        neo4j.query("CREATE (:Indicator {id: 'indicator:ind-gp', code: 'ind-gp', name: 'Densité de médecins généralistes'})").run();
        summary = observations.importFile(Path.of("src/test/resources/fixtures/observations/values.csv"));
    }

    private HttpGraphQlTester as(String role) {
        return graphQl.mutate().header("Authorization", "Bearer " + TestTokens.token("someone", List.of(role))).build();
    }

    @Test
    void importsGoodRowsAndReportsEachBadOneWithItsLine() {
        assertThat(summary.counter("observations written")).isEqualTo(9);
        assertThat(summary.rejections()).extracting(Rejection::line).containsExactlyInAnyOrder(11L, 12L, 13L, 14L, 15L, 16L);
        assertThat(summary.rejections()).extracting(Rejection::reason).anySatisfy(r -> assertThat(r).contains("unknown indicator ind-unknown"))
                .anySatisfy(r -> assertThat(r).contains("unknown territory commune:99999"))
                .anySatisfy(r -> assertThat(r).contains("ambiguous"))
                .anySatisfy(r -> assertThat(r).contains("not a period"))
                .anySatisfy(r -> assertThat(r).contains("negative"))
                .anySatisfy(r -> assertThat(r).contains("expected 8 fields"));
    }

    @Test
    void reimportingLeavesTheSameObservations() throws Exception {
        long before = count("MATCH (o:Observation) RETURN count(o)");
        observations.importFile(Path.of("src/test/resources/fixtures/observations/values.csv"));
        assertThat(count("MATCH (o:Observation) RETURN count(o)")).isEqualTo(before);
    }

    @Test
    void anonymousCallersSeeCountsFromOneToTenMaskedButZeroAndElevenShown() {
        var response = graphQl.documentName("indicatorValues").variable("indicator", "ind-gp")
                .variable("territories", List.of("region:84")).execute();
        Map<String, Object> byPeriod = new HashMap<>();
        response.path("indicatorValues.nodes").entityList(Map.class).get()
                .forEach(node -> byPeriod.put((String) node.get("period"), node.get("numerator")));

        assertThat((Map<String, Object>) byPeriod.get("2020")).containsEntry("masked", false).containsEntry("value", 0);
        assertThat((Map<String, Object>) byPeriod.get("2021")).containsEntry("masked", true).containsEntry("value", null);
        assertThat((Map<String, Object>) byPeriod.get("2022-Q1")).containsEntry("masked", true).containsEntry("value", null);
        assertThat((Map<String, Object>) byPeriod.get("2019")).containsEntry("masked", false).containsEntry("value", 11);
    }

    @Test
    void aSmallCommuneIsMaskedWithTheSmallestCommuneThatBalancesItSoTheDepartmentTotalRevealsNeither() {
        var response = graphQl.documentName("departmentValues").variable("indicator", "ind-gp").execute();

        response.path("territory.indicatorValues.own[0].numerator.value").entity(Integer.class).isEqualTo(120);
        List<Map> children = response.path("territory.indicatorValues.children").entityList(Map.class).get();
        Map<String, Map> byCode = new HashMap<>();
        children.forEach(child -> byCode.put((String) ((Map) child.get("territory")).get("code"), child));
        assertThat(byCode.get("01001")).containsEntry("valueMasked", true).containsEntry("value", null);
        assertThat((Map<String, Object>) byCode.get("01001").get("numerator")).containsEntry("masked", true);
        // 27 is the next smallest: masked too, or 120 - 40 - 50 - 27 would give 01001's 3.
        assertThat((Map<String, Object>) byCode.get("01004").get("numerator")).containsEntry("masked", true);
        assertThat((Map<String, Object>) byCode.get("01002").get("numerator")).containsEntry("value", 40);
        assertThat((Map<String, Object>) byCode.get("01003").get("numerator")).containsEntry("value", 50);
    }

    @Test
    void isolatingTheSmallCommuneByFilterDoesNotUnmaskIt() {
        graphQl.documentName("indicatorValues").variable("indicator", "ind-gp")
                .variable("territories", List.of("01001")).execute()
                .path("indicatorValues.nodes[0].numerator.masked").entity(Boolean.class).isEqualTo(true)
                .path("indicatorValues.nodes[0].value").valueIsNull();
        graphQl.documentName("indicatorValues").variable("indicator", "ind-gp")
                .variable("territories", List.of("01004")).execute()
                .path("indicatorValues.nodes[0].numerator.masked").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void institutionalCallersSeeExactCountsWithATokenOrAnApiKey() {
        as("INSTITUTION").documentName("departmentValues").variable("indicator", "ind-gp").execute()
                .path("territory.indicatorValues.children[*].numerator.value").entityList(Integer.class)
                .satisfies(values -> assertThat(values).containsExactlyInAnyOrder(3, 40, 50, 27));
        graphQl.mutate().header("X-API-Key", "test-institution-key").build()
                .documentName("indicatorValues").variable("indicator", "ind-gp").variable("territories", List.of("01001"))
                .execute().path("indicatorValues.nodes[0].numerator.value").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void otherRolesStillSeeMaskedCounts() {
        as("EDITOR").documentName("indicatorValues").variable("indicator", "ind-gp")
                .variable("territories", List.of("01001")).execute()
                .path("indicatorValues.nodes[0].numerator.masked").entity(Boolean.class).isEqualTo(true);
    }
}
