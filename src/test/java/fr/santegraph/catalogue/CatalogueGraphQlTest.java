package fr.santegraph.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@IntegrationTest
class CatalogueGraphQlTest {

    @Autowired
    CatalogueGraph catalogue;
    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void load() {
        catalogue.load();
    }

    @Test
    void indicatorsAreFilteredCountedAndCarryTheirBatchedLinks() {
        var response = graphQl.documentName("catalogueIndicators")
                .variable("filter", Map.of("producer", "cnam", "geoLevel", "DEPARTMENT", "accessLevel", "OPEN"))
                .variable("first", 50)
                .execute();
        long total = response.path("indicators.totalCount").entity(Long.class).get();
        assertThat(total).isGreaterThan(1_000);
        response.path("indicators.nodes").entityList(Map.class).hasSize(50);
        response.path("indicators.nodes[*].geoLevels").entityList(List.class)
                .satisfies(levels -> assertThat(levels).allSatisfy(l -> assertThat(l).contains("DEPARTMENT")));
        response.path("indicators.nodes[*].producers[*].code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).contains("cnam"));
        response.path("indicators.nodes[0].dataService.code").entity(String.class).satisfies(code -> assertThat(code).isNotBlank());
        response.path("indicators.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void filtersCombineAndSortingIsApplied() {
        var response = graphQl.documentName("catalogueIndicators")
                .variable("filter", Map.of("dataService", "scansante", "frequency", "ANNUAL"))
                .variable("orderBy", Map.of("field", "NAME", "direction", "DESC"))
                .variable("first", 20)
                .execute();
        List<String> names = response.path("indicators.nodes[*].name").entityList(String.class).get();
        assertThat(names).isNotEmpty().isSortedAccordingTo(
                Comparator.comparing(CatalogueSortKeys::of, Comparator.reverseOrder()));
        response.path("indicators.nodes[*].updateFrequency").entityList(String.class)
                .satisfies(f -> assertThat(f).containsOnly("ANNUAL"));
    }

    @Test
    void lineageFromProducerToVariablesAndNodeLookupsWork() {
        var response = graphQl.documentName("catalogueLineage").execute();
        response.path("producer.id").entity(String.class).isEqualTo("producer:cnam");
        response.path("producer.kind").entity(String.class).isEqualTo("HEALTH_INSURANCE");
        response.path("producer.indicatorCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThan(5_000));
        response.path("dataset.partOf.code").entity(String.class).isEqualTo("snds");
        response.path("dataset.tables[*].code").entityList(String.class).satisfies(t -> assertThat(t).contains("EB_PRS_F"));
        response.path("dataset.tables[*].variables[*].name").entityList(String.class).satisfies(v -> assertThat(v).contains("FLX_DIS_DTD"));
        response.path("datasets.totalCount").entity(Long.class).satisfies(n -> assertThat(n).isGreaterThan(30));
        response.path("dataServices.nodes[*].code").entityList(String.class).satisfies(s -> assertThat(s).contains("scansante", "geodes"));
        response.path("themes[*].code").entityList(String.class).satisfies(t -> assertThat(t).contains("drees:cancer"));
        response.path("node.__typename").entity(String.class).isEqualTo("Indicator");
        response.path("node.id").entity(String.class).isEqualTo("indicator:drees-1");
        response.path("table.primaryKey").entityList(String.class).containsExactly("BEN_NIR_PSA", "BEN_RNG_GEM");
    }

    @Test
    void aPageAboveTheMaximumIsABadRequest() {
        graphQl.documentName("catalogueIndicators").variable("first", 100_000).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("maximum page size")));
    }
}
