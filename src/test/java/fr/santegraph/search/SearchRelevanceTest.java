package fr.santegraph.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.catalogue.CatalogueGraph;
import fr.santegraph.catalogue.CatalogueSortKeys;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@IntegrationTest
class SearchRelevanceTest {

    @Autowired
    CatalogueGraph catalogue;
    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void load() {
        catalogue.load();
    }

    private Map<String, Object> search(String query, Map<String, Object> variables) {
        var request = graphQl.documentName("catalogueSearch").variable("query", query);
        for (var entry : variables.entrySet()) {
            request = request.variable(entry.getKey(), entry.getValue());
        }
        return request.execute().path("search").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hits(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("nodes");
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> hit) {
        Map<String, Object> node = (Map<String, Object>) hit.get("node");
        return String.valueOf(node.getOrDefault("name", node.get("title")));
    }

    private static long total(Map<String, Object> result) {
        return ((Number) result.get("totalCount")).longValue();
    }

    @Test
    void aSearchWithoutFacetsFindsTheSameHitsInTheSameOrder() {
        Map<String, Object> withFacets = search("taux de recours", Map.of("first", 30));
        Map<String, Object> hitsOnly = search("taux de recours", Map.of("first", 30, "withFacets", false));
        assertThat(total(hitsOnly)).isEqualTo(total(withFacets)).isPositive();
        assertThat(hits(hitsOnly).stream().map(SearchRelevanceTest::text).toList())
                .isEqualTo(hits(withFacets).stream().map(SearchRelevanceTest::text).toList());
        assertThat(hitsOnly).doesNotContainKey("facets");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        long accented = total(search("dépistage", Map.of()));
        assertThat(accented).isPositive();
        assertThat(total(search("DEPISTAGE", Map.of()))).isEqualTo(accented);
        assertThat(total(search("depistage", Map.of()))).isEqualTo(accented);
    }

    @Test
    void pluralsFindSingularsAndTheWordIsHighlighted() {
        Map<String, Object> result = search("hospitalisations", Map.of("first", 5));
        long plural = total(result);
        assertThat(plural).isEqualTo(total(search("hospitalisation", Map.of())));
        assertThat(hits(result)).isNotEmpty().allSatisfy(hit ->
                assertThat(hit.get("highlights").toString()).containsIgnoringCase("<em>hospitalisation"));
    }

    @Test
    void highlightsAreMarkedWhereverTheQueryAsksForThemAndOnlyThen() {
        String edges = "{ search(query: \"hospitalisations\", first: 3) { edges { node { highlights { fragment } } } } }";
        graphQl.document(edges).execute().path("search.edges[*].node.highlights[*].fragment").entityList(String.class)
                .satisfies(fragments -> assertThat(fragments).isNotEmpty()
                        .anySatisfy(fragment -> assertThat(fragment).containsIgnoringCase("<em>hospitalisation")));
        String none = "{ search(query: \"hospitalisations\", first: 3) { totalCount nodes { score type } } }";
        graphQl.document(none).execute().path("search.totalCount").entity(Long.class)
                .isEqualTo(total(search("hospitalisations", Map.of())));
    }

    @Test
    void everyWordIsRequiredAndBestMatchesComeFirst() {
        List<Map<String, Object>> hits = hits(search("mortalité cancer", Map.of("first", 10)));
        assertThat(hits).hasSize(10).allSatisfy(hit -> assertThat(text(hit).toLowerCase()).contains("cancer"));
        List<Double> scores = hits.stream().map(h -> ((Number) h.get("score")).doubleValue()).toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void acronymsAndOldSpellingsFindTheReconciledProducer() {
        for (String query : List.of("CNAMTS", "Cnam", "assurance maladie")) {
            List<Map<String, Object>> hits = hits(search(query, Map.of("types", List.of("PRODUCER"), "first", 3)));
            assertThat(hits).as(query).isNotEmpty();
            assertThat(hits.get(0).get("node")).as(query).extracting("id").isEqualTo("producer:cnam");
        }
        assertThat(hits(search("InVS", Map.of("types", List.of("PRODUCER")))).get(0).get("node"))
                .extracting("id").isEqualTo("producer:sante-publique-france");
    }

    @Test
    void singleValuedFacetsAddUpToTheTotalAndFiltersNarrowToTheirFacetCount() {
        Map<String, Object> result = search("sante", Map.of("first", 1));
        long total = total(result);
        assertThat(total).isGreaterThan(100);
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> facets = (Map<String, List<Map<String, Object>>>) result.get("facets");
        assertThat(sum(facets.get("types"))).isEqualTo(total);
        assertThat(sum(facets.get("accessLevels"))).isEqualTo(total);
        // Multi-valued dimensions count each hit once per value, and every hit at least once (NONE bucket).
        assertThat(sum(facets.get("producers"))).isGreaterThanOrEqualTo(total);
        assertThat(sum(facets.get("themes"))).isGreaterThanOrEqualTo(total);
        Map<String, Object> firstProducer = facets.get("producers").stream()
                .filter(f -> !"NONE".equals(f.get("value"))).findFirst().orElseThrow();
        assertThat(firstProducer.get("label")).isNotNull();
        long narrowed = total(search("sante", Map.of("filter", Map.of("producer", firstProducer.get("value")))));
        assertThat(narrowed).isEqualTo(((Number) firstProducer.get("count")).longValue());
        long open = total(search("sante", Map.of("filter", Map.of("accessLevel", "OPEN"))));
        assertThat(open).isEqualTo(facets.get("accessLevels").stream().filter(f -> "OPEN".equals(f.get("value")))
                .mapToLong(f -> ((Number) f.get("count")).longValue()).sum());
    }

    @Test
    void anExactCodeOrAcronymRanksItsObjectAboveTextsThatMerelyMentionIt() {
        List<Map<String, Object>> hits = hits(search("PMSI", Map.of("first", 3)));
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).get("node")).extracting("id").isEqualTo("dataset:pmsi");
    }

    @Test
    void stopWordsAreNotHighlighted() {
        List<Map<String, Object>> hits = hits(search("taux du cancer", Map.of("first", 10)));
        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.get("highlights").toString())
                .doesNotContainIgnoringCase("<em>du</em>").containsIgnoringCase("<em>cancer"));
    }

    @Test
    void severalValuesOfAFacetAddUpAndFacetsNarrowEachOther() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = ((Map<String, List<Map<String, Object>>>) search("sante", Map.of("first", 0))
                .get("facets")).get("accessLevels");
        List<Object> twoLevels = levels.stream().filter(f -> !"UNKNOWN".equals(f.get("value"))).limit(2)
                .map(f -> f.get("value")).toList();
        assertThat(twoLevels).hasSize(2);
        long either = total(search("sante", Map.of("filter", Map.of("accessLevel", twoLevels))));
        long one = total(search("sante", Map.of("filter", Map.of("accessLevel", twoLevels.get(0)))));
        long other = total(search("sante", Map.of("filter", Map.of("accessLevel", twoLevels.get(1)))));
        // Access level is single-valued: OR over two values is the sum of each.
        assertThat(either).isEqualTo(one + other).isGreaterThan(Math.max(one, other));
        long narrowed = total(search("sante", Map.of("types", List.of("INDICATOR"),
                "filter", Map.of("accessLevel", twoLevels, "geoLevel", List.of("DEPARTMENT")))));
        assertThat(narrowed).isLessThanOrEqualTo(either);
    }

    @Test
    void hitsSortByTitleInFrenchOrderEitherWay() {
        List<String> ascending = hits(search("cancer", Map.of("first", 30, "orderBy", Map.of("field", "TITLE"))))
                .stream().map(SearchRelevanceTest::text).toList();
        assertThat(ascending).hasSize(30).isSortedAccordingTo(Comparator.comparing(CatalogueSortKeys::of));
        List<String> descending = hits(search("cancer", Map.of("first", 30,
                "orderBy", Map.of("field", "TITLE", "direction", "DESC")))).stream().map(SearchRelevanceTest::text).toList();
        assertThat(descending).isSortedAccordingTo(Comparator.comparing(CatalogueSortKeys::of, Comparator.reverseOrder()));
    }

    @Test
    void pagesFollowEachOtherWithoutOverlap() {
        Map<String, Object> first = search("cancer", Map.of("first", 5));
        @SuppressWarnings("unchecked")
        String cursor = (String) ((Map<String, Object>) first.get("pageInfo")).get("endCursor");
        Map<String, Object> second = search("cancer", Map.of("first", 5, "after", cursor));
        List<Object> firstIds = hits(first).stream().map(h -> ((Map<?, ?>) h.get("node")).get("id")).map(Object.class::cast).toList();
        List<Object> secondIds = hits(second).stream().map(h -> ((Map<?, ?>) h.get("node")).get("id")).map(Object.class::cast).toList();
        assertThat(secondIds).hasSize(5).doesNotContainAnyElementsOf(firstIds);
    }

    @Test
    void sndsVariablesAreFoundByTheirFrenchDescription() {
        List<Map<String, Object>> hits = hits(search("montant remboursé", Map.of("types", List.of("VARIABLE"), "first", 5)));
        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.get("type")).isEqualTo("VARIABLE"));
    }

    @Test
    void aQueryWithoutWordsIsABadRequest() {
        graphQl.documentName("catalogueSearch").variable("query", " ?! ").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("no word")));
    }

    private static long sum(List<Map<String, Object>> facet) {
        return facet.stream().mapToLong(f -> ((Number) f.get("count")).longValue()).sum();
    }
}
