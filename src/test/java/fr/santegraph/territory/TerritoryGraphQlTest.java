package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Territory queries over HTTP, against the real COG in the embedded database. */
@IntegrationTest
class TerritoryGraphQlTest {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    RealGraph realGraph;

    @BeforeEach
    void loadRealTerritories() {
        realGraph.territories();
    }

    @Test
    void counts18RegionsAnd101Departments() {
        graphQl.documentName("territoryCounts").execute()
                .path("regions.totalCount").entity(Integer.class).isEqualTo(18)
                .path("departments.totalCount").entity(Integer.class).isEqualTo(101);
    }

    @Test
    void territoriesSortByNameInFrenchOrderAndByPopulation() {
        graphQl.document("{ territories(filter: {level: REGION}, orderBy: {field: NAME}, first: 20) { nodes { name } } }")
                .execute().path("territories.nodes[*].name").entityList(String.class).satisfies(names -> {
                    // Île-de-France between Hauts-de-France and La Réunion, not after every unaccented name.
                    assertThat(names.indexOf("Île-de-France")).isEqualTo(names.indexOf("Hauts-de-France") + 1);
                    assertThat(names.get(0)).isEqualTo("Auvergne-Rhône-Alpes");
                });
        graphQl.document("{ territories(filter: {level: DEPARTMENT}, orderBy: {field: POPULATION, direction: DESC}, first: 2) "
                        + "{ nodes { code population } } }")
                .execute().path("territories.nodes[0].code").entity(String.class).isEqualTo("59")
                .path("territories.nodes[1].code").entity(String.class).isEqualTo("75");
    }

    @Test
    void firstZeroIsACountQueryTotalAndNoNodes() {
        graphQl.document("{ territories(filter: {level: COMMUNE}, first: 0) { totalCount nodes { id } pageInfo { hasNextPage } } }")
                .execute()
                .path("territories.totalCount").entity(Integer.class).isEqualTo(35_029)
                .path("territories.nodes").entityList(Object.class).hasSize(0)
                .path("territories.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void nameSearchIgnoresCaseAccentsAndHyphensAndRanksTheClosestNameFirst() {
        graphQl.documentName("territoryByName").variable("name", "saint etienne").variable("level", "COMMUNE").execute()
                .path("territories.nodes[0].id").entity(String.class).isEqualTo("commune:42218")
                .path("territories.nodes[0].name").entity(String.class).isEqualTo("Saint-Étienne");
        graphQl.documentName("territoryByName").variable("name", "ILE-DE-france").execute()
                .path("territories.nodes[0].id").entity(String.class).isEqualTo("region:11");
    }

    @Test
    void autocompleteReadsAbbreviationsApostrophesAndPostcodesAndPutsTheLargerTownFirst() {
        for (String typed : List.of("st etienne", "St-Étienne", "42000", "saint-etienne")) {
            graphQl.documentName("territoryByName").variable("name", typed).variable("level", "COMMUNE").execute()
                    .path("territories.nodes[0].name").entity(String.class).satisfies(name ->
                            Assertions.assertThat(name).as(typed).isEqualTo("Saint-Étienne"));
        }
        graphQl.documentName("territoryByName").variable("name", "lhay les roses").execute()
                .path("territories.nodes[0].name").entity(String.class).isEqualTo("L'Haÿ-les-Roses");
        graphQl.documentName("territoryByName").variable("name", "ste maxime").variable("level", "COMMUNE").execute()
                .path("territories.nodes[0].name").entity(String.class).isEqualTo("Sainte-Maxime");
        // Two names starting alike: the town of 66,700 before the village of 398.
        graphQl.documentName("territoryByName").variable("name", "evry").variable("level", "COMMUNE").execute()
                .path("territories.nodes[0].name").entity(String.class).isEqualTo("Évry-Courcouronnes");
    }

    @Test
    void aCommuneShowsItsHierarchyEpciPostalCodesAndCentroid() {
        var response = graphQl.documentName("communeDetail").variable("code", "2A004").execute();
        response.path("territory.name").entity(String.class).isEqualTo("Ajaccio")
                .path("territory.parent.id").entity(String.class).isEqualTo("department:2A")
                .path("territory.department.code").entity(String.class).isEqualTo("2A")
                .path("territory.region.name").entity(String.class).isEqualTo("Corse")
                .path("territory.epci.kind").entity(String.class).isEqualTo("CA")
                .path("territory.postalCodes").entityList(String.class).contains("20000", "20090")
                .path("territory.centroid.latitude").entity(Double.class).satisfies(lat -> assertThat(lat).isBetween(41.8, 42.0));
    }

    @Test
    void anAmbiguousCodeWithoutLevelIsAClearError() {
        graphQl.documentName("communeDetail").variable("code", "84").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getMessage()).contains("region:84").contains("department:84").contains("give its level");
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                }));
    }

    @Test
    void childrenAreAPagedConnectionWhoseCursorsContinueWhereThePageEnded() {
        var first = graphQl.documentName("territoryChildren")
                .variable("code", "2A").variable("level", "DEPARTMENT").variable("first", 2).execute();
        first.path("territory.children.totalCount").entity(Integer.class).isEqualTo(124)
                .path("territory.children.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String endCursor = first.path("territory.children.pageInfo.endCursor").entity(String.class).get();
        List<String> firstCodes = first.path("territory.children.edges[*].node.code").entityList(String.class).get();

        var second = graphQl.documentName("territoryChildren").variable("code", "2A").variable("level", "DEPARTMENT")
                .variable("first", 2).variable("after", endCursor).execute();
        List<String> secondCodes = second.path("territory.children.edges[*].node.code").entityList(String.class).get();

        assertThat(firstCodes).containsExactly("2A001", "2A004");
        assertThat(secondCodes).hasSize(2).doesNotContainAnyElementsOf(firstCodes);
        assertThat(secondCodes.get(0)).isGreaterThan("2A004");
        second.path("territory.children.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void walkingAllPagesVisitsEveryDepartmentOnce() {
        Set<String> seen = new LinkedHashSet<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            var page = graphQl.documentName("territoriesPage")
                    .variable("filter", Map.of("level", "DEPARTMENT")).variable("first", 30).variable("after", after)
                    .execute();
            List<String> ids = page.path("territories.edges[*].node.id").entityList(String.class).get();
            assertThat(seen).doesNotContainAnyElementsOf(ids);
            seen.addAll(ids);
            hasNext = page.path("territories.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("territories.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(seen).hasSize(101).contains("department:2A", "department:2B", "department:976");
    }

    @Test
    void withinARegionListsItsDepartmentsAndEachDepartmentsCommunesAndEpcis() {
        var response = graphQl.documentName("departmentsWithChildren").execute();
        response.path("territories.nodes[*].code").entityList(String.class).containsExactly("2A", "2B")
                .path("territories.nodes[0].communes.totalCount").entity(Integer.class).isEqualTo(124)
                .path("territories.nodes[0].communes.nodes[0].epci.code").entity(String.class).satisfies(code ->
                        assertThat(code).hasSize(9))
                .path("territories.nodes[0].epcis.totalCount").entity(Integer.class).satisfies(count ->
                        assertThat(count).isBetween(5, 15));
    }

    @Test
    void aPageAboveTheMaximumIsRefusedNotCut() {
        graphQl.documentName("territoriesPage").variable("first", 1001).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getMessage()).contains("maximum page size")));
    }

    @Test
    void aForgedCursorIsABadRequestNotAStackTrace() {
        graphQl.documentName("territoriesPage").variable("first", 2).variable("after", "bm90LWEtY3Vyc29y").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(error.getMessage()).doesNotContain("Exception");
                }));
    }

    @Test
    void nodesFetchesManyObjectsOfEveryKindInTheOrderAskedWithNullForUnknownIds() {
        String producer = graphQl.document("{ producers(first: 1) { nodes { id } } }").execute()
                .path("producers.nodes[0].id").entity(String.class).get();
        graphQl.documentName("nodesByIds").variable("ids", List.of("department:01", producer, "region:99", "commune:2A004"))
                .execute()
                .path("nodes[0].name").entity(String.class).isEqualTo("Ain")
                .path("nodes[1].id").entity(String.class).isEqualTo(producer)
                .path("nodes[2]").valueIsNull()
                .path("nodes[3].name").entity(String.class).isEqualTo("Ajaccio");
        graphQl.documentName("nodesByIds").variable("ids", IntStream.range(0, 101)
                        .mapToObj(i -> "region:" + i).toList()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getMessage()).contains("at most 100")));
    }

    @Test
    void nodeFindsATerritoryByGlobalId() {
        graphQl.documentName("nodeById").variable("id", "commune:2A004").execute()
                .path("node.name").entity(String.class).isEqualTo("Ajaccio");
        graphQl.documentName("nodeById").variable("id", "planet:3").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getMessage()).contains("not a santegraph id")));
    }
}
