package fr.santegraph.density;

import fr.santegraph.dcat.DcatExporter;
import fr.santegraph.dcat.DcatMapper;
import fr.santegraph.dcat.DcatProperties;
import fr.santegraph.dcat.DcatRecords;
import fr.santegraph.dcat.DcatSource;
import fr.santegraph.dcat.DcatUris;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.observation.DisclosureImporter;
import fr.santegraph.observation.ObservationImporter;
import fr.santegraph.practitioner.PractitionerImporter;
import fr.santegraph.practitioner.RppsGenerator;
import fr.santegraph.territory.TerritoryImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Densities computed from a generated extraction, checked against what {@code practitionerCounts} says of every
 * territory at every level (the count a density divides), against the territories' populations, and across a later
 * extraction and a territory import: recomputed each time, earlier months kept, never masked, never importable.
 */
class DensityIndicatorsTest extends ScratchGraphTest {

    private static final Path TERRITORIES = Path.of("src/test/resources/fixtures/practitioners/territories");
    private static final List<String> REGIONS = List.of("27", "32", "84");
    private static final List<String> LEVELS = List.of("REGION", "DEPARTMENT", "EPCI", "COMMUNE");

    @Autowired
    PractitionerImporter practitioners;
    @Autowired
    TerritoryImporter territories;
    @Autowired
    ObservationImporter observations;
    @Autowired
    DisclosureImporter disclosures;
    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    DcatSource dcatSource;
    @Autowired
    DcatMapper dcatMapper;
    @Autowired
    DcatProperties dcatProperties;
    @Autowired
    DcatUris uris;
    @TempDir
    Path dir;

    /** What practitionerCounts gives, as {@code indicator code → territory → count}, zero rows left out. */
    private Map<String, Map<String, Long>> expectedCounts() {
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        for (String region : REGIONS) {
            for (String groupBy : List.of("PROFESSION", "SPECIALTY")) {
                for (String per : LEVELS) {
                    var request = graphQl.documentName("countsByGroup").variable("code", region).variable("level", "REGION")
                            .variable("groupBy", groupBy);
                    if (!per.equals("REGION")) {
                        request = request.variable("per", per);
                    }
                    List<Map<String, Object>> rows = request.execute().path("territory.practitionerCounts")
                            .entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
                    for (Map<String, Object> row : rows) {
                        long count = ((Number) row.get("count")).longValue();
                        if (count == 0 || row.get("code") == null) {
                            continue;
                        }
                        String code = groupBy.equals("PROFESSION") ? DensityIndicator.forProfession((String) row.get("code"))
                                : DensityIndicator.forSpecialty((String) row.get("code"));
                        String territory = (String) ((Map<?, ?>) row.get("territory")).get("id");
                        expected.computeIfAbsent(code, k -> new TreeMap<>()).put(territory, count);
                    }
                }
            }
        }
        return expected;
    }

    /** Every value of an indicator, all pages, at every level. */
    private List<Map<String, Object>> values(String indicator, String period) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String level : LEVELS) {
            String after = null;
            do {
                var response = graphQl.documentName("densityValues").variable("indicator", indicator).variable("level", level)
                        .variable("periods", List.of(period)).variable("after", after).execute();
                all.addAll(response.path("indicatorValues.nodes").entityList(Map.class).get().stream()
                        .map(m -> (Map<String, Object>) m).toList());
                after = response.path("indicatorValues.pageInfo.hasNextPage").entity(Boolean.class).get()
                        ? response.path("indicatorValues.pageInfo.endCursor").entity(String.class).get() : null;
            } while (after != null);
        }
        return all;
    }

    private static String territoryOf(Map<String, Object> value) {
        return (String) ((Map<?, ?>) value.get("territory")).get("id");
    }

    private static long numeratorOf(Map<String, Object> value) {
        return ((Number) ((Map<?, ?>) value.get("numerator")).get("value")).longValue();
    }

    /** Each indicator's values of the period checked against the counts and populations; returns them by indicator. */
    private Map<String, Map<String, Long>> assertDensities(String period, String runId) {
        Map<String, Map<String, Long>> expected = expectedCounts();
        assertThat(expected).as("the generated extraction has professions and specialties")
                .containsKey(DensityIndicator.forProfession("10")).containsKey(DensityIndicator.forSpecialty("SM54"));
        Map<String, Map<String, Long>> served = new TreeMap<>();
        boolean smallCountSeen = false;
        for (String indicator : expected.keySet()) {
            List<Map<String, Object>> values = values(indicator, period);
            Map<String, Long> nonZero = new TreeMap<>();
            for (Map<String, Object> value : values) {
                long numerator = numeratorOf(value);
                long population = ((Number) ((Map<?, ?>) value.get("territory")).get("population")).longValue();
                Map<?, ?> denominator = (Map<?, ?>) value.get("denominator");
                assertThat(((Number) denominator.get("value")).longValue()).isEqualTo(population);
                assertThat(((Number) value.get("value")).doubleValue()).as("%s in %s", indicator, territoryOf(value))
                        .isEqualTo(Math.round(numerator * 1_000_000.0 / population) / 10.0);
                assertThat(value.get("unit")).isEqualTo("pour 100 000 habitants");
                // Public entries: a count of 1 to 10 is shown to anyone, as the directory shows each of them.
                assertThat(value.get("valueMasked")).isEqualTo(false);
                assertThat(((Map<?, ?>) value.get("numerator")).get("masked")).isEqualTo(false);
                smallCountSeen |= numerator >= 1 && numerator <= 10;
                Map<?, ?> lineage = (Map<?, ?>) value.get("lineage");
                assertThat(lineage.get("period")).isEqualTo(period);
                assertThat(lineage.get("importRunId")).isEqualTo(runId);
                assertThat(lineage.get("populationEdition")).isEqualTo("COG 2024");
                assertThat(lineage.get("extractionDate")).isEqualTo(period + "-01");
                if (numerator > 0) {
                    nonZero.put(territoryOf(value), numerator);
                } else {
                    assertThat(territoryOf(value)).as("a commune without practitioners has no value").doesNotStartWith("commune:");
                }
            }
            assertThat(nonZero).as(indicator).isEqualTo(expected.get(indicator));
            // Every region, département and EPCI with a population gets a value, 0 included, for a map to colour.
            assertThat(values.stream().filter(v -> !territoryOf(v).startsWith("commune:")).count())
                    .as("%s above the communes", indicator).isEqualTo(count("""
                            MATCH (t:Territory {active: true}) WHERE t.level IN ['REGION', 'DEPARTMENT', 'EPCI']
                              AND t.population > 0 RETURN count(t)"""));
            served.put(indicator, nonZero);
        }
        assertThat(smallCountSeen).as("the fixture has counts the small-count rule would mask").isTrue();
        return served;
    }

    /** The fixture territories, then a generated January extraction. */
    private void importGenerated(int lines, long seed) throws Exception {
        territories.importDirectory(TERRITORIES);
        Path january = dir.resolve("PS_LibreAcces_Personne_activite_202501010000.txt");
        RppsGenerator.generate(TERRITORIES.resolve("communes.json"), january, lines, seed);
        practitioners.run(ImportRequest.of("practitioners", "file", january.toString()));
    }

    private String latestRun() {
        return neo4j.query("MATCH (r:ImportRun {source: 'RPPS PS_LibreAcces'}) RETURN r.id ORDER BY r.startedAt DESC LIMIT 1")
                .fetchAs(String.class).one().orElseThrow();
    }

    @Test
    void densitiesAreTheDirectoryCountsOverThePopulationRecomputedAfterEachImportAndKeptPerMonth() throws Exception {
        territories.run(ImportRequest.of("territories", "dir", TERRITORIES.toString(), "edition", "2024"));
        Path january = dir.resolve("PS_LibreAcces_Personne_activite_202501010000.txt");
        RppsGenerator.generate(TERRITORIES.resolve("communes.json"), january, 900, 11);
        practitioners.run(ImportRequest.of("practitioners", "file", january.toString()));
        Map<String, Map<String, Long>> inJanuary = assertDensities("2025-01", latestRun());
        // The same file again changes nothing: nothing is counted again.
        Object computed = neo4j.query("MATCH (d:Derivation {period: '2025-01'}) RETURN toString(d.computedAt)")
                .fetchAs(String.class).one().orElseThrow();
        practitioners.run(ImportRequest.of("practitioners", "file", january.toString()));
        assertThat(neo4j.query("MATCH (d:Derivation {period: '2025-01'}) RETURN toString(d.computedAt)")
                .fetchAs(String.class).one().orElseThrow()).isEqualTo(computed);

        // A later extraction: a share of the directory changed. Its month is computed; January's values stay.
        Path february = dir.resolve("PS_LibreAcces_Personne_activite_202502010000.txt");
        RppsGenerator.nextExtraction(january, february, 0.2, 12);
        practitioners.run(ImportRequest.of("practitioners", "file", february.toString(), "max-retired-share", "0.5"));
        Map<String, Map<String, Long>> inFebruary = assertDensities("2025-02", latestRun());
        assertThat(inFebruary).isNotEqualTo(inJanuary);
        for (var indicator : inJanuary.entrySet()) {
            Map<String, Long> kept = new TreeMap<>();
            values(indicator.getKey(), "2025-01").stream().filter(v -> numeratorOf(v) > 0)
                    .forEach(v -> kept.put(territoryOf(v), numeratorOf(v)));
            assertThat(kept).as("January's %s after February's import", indicator.getKey()).isEqualTo(indicator.getValue());
        }

        // In the catalogue, as harvesters read it: published by this catalogue's publisher, who can be reached, for
        // France, over the months computed, read through the GraphQL API.
        String code = inFebruary.keySet().iterator().next();
        Model record = new DcatExporter(dcatSource, dcatMapper, dcatProperties).object(DcatUris.INDICATOR, code).orElseThrow();
        Resource indicator = record.getResource(uris.dataset(DcatRecords.DatasetKind.INDICATOR, code));
        assertThat(indicator.getPropertyResourceValue(DCTerms.publisher).getURI()).isEqualTo(uris.agent(dcatProperties.publisherId()));
        assertThat(indicator.getPropertyResourceValue(DCAT.contactPoint)).isNotNull();
        assertThat(indicator.getPropertyResourceValue(DCTerms.spatial).getURI()).endsWith("FRA");
        Resource temporal = indicator.getPropertyResourceValue(DCTerms.temporal);
        assertThat(temporal.getProperty(DCAT.startDate).getString()).isEqualTo("2025-01-01");
        assertThat(temporal.getProperty(DCAT.endDate).getString()).isEqualTo("2025-02-28");
        assertThat(indicator.getPropertyResourceValue(DCAT.distribution).getPropertyResourceValue(DCAT.accessURL).getURI())
                .isEqualTo(uris.base() + "/graphql");
        Model series = new DcatExporter(dcatSource, dcatMapper, dcatProperties).object(DcatUris.SERIES, "rpps-density").orElseThrow();
        Resource family = series.getResource(uris.series("rpps-density"));
        assertThat(family.getPropertyResourceValue(DCTerms.publisher).getURI()).isEqualTo(uris.agent(dcatProperties.publisherId()));
        assertThat(family.getPropertyResourceValue(DCAT.contactPoint)).isNotNull();

        // A territory import computes them again: a value lost behind the service's back comes back.
        long before = count("MATCH (o:Observation {period: '2025-02'}) RETURN count(o)");
        neo4j.query("MATCH (o:Observation {period: '2025-02'}) WITH o LIMIT 5 DETACH DELETE o").run();
        territories.importDirectory(TERRITORIES);
        assertThat(count("MATCH (o:Observation {period: '2025-02'}) RETURN count(o)")).isEqualTo(before);
    }

    @Test
    void aDensityCannotBeImportedOverNorMaskedByADisclosureRun() throws Exception {
        importGenerated(300, 5);
        String indicator = DensityIndicator.forProfession("10");
        Map<String, Object> before = neo4j.query("""
                        MATCH (o:Observation {indicatorId: $id, territoryId: 'department:01'}) RETURN o.value AS value""")
                .bind("indicator:" + indicator).to("id").fetch().one().orElseThrow();

        Path csv = dir.resolve("values.csv");
        Files.writeString(csv, "indicator,territory,period,value,numerator,denominator\n"
                + indicator + ",department:01,2025-01,3,3,652432\n", StandardCharsets.UTF_8);
        ImportSummary summary = observations.importFile(csv);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.rejections().get(0).reason()).contains("computed by santegraph");
        assertThat(neo4j.query("MATCH (o:Observation {indicatorId: $id, territoryId: 'department:01'}) RETURN o.value AS value")
                .bind("indicator:" + indicator).to("id").fetch().one().orElseThrow()).isEqualTo(before);

        // A disclosure run over every indicator leaves the densities' small counts shown.
        disclosures.run(ImportRequest.of("disclosure"));
        assertThat(count("""
                MATCH (o:Observation) WHERE o.indicatorId STARTS WITH 'indicator:rpps-density-'
                  AND 1 <= o.numerator <= 10 RETURN count(o)""")).as("small counts to mask").isPositive();
        assertThat(count("""
                MATCH (o:Observation) WHERE o.indicatorId STARTS WITH 'indicator:rpps-density-'
                  AND (o.countMasked OR o.valueMasked) RETURN count(o)""")).isZero();
    }

    @Test
    void territoriesSortByTheirPractitionersOfAProfessionAndRefuseAnOrderWithoutOne() throws Exception {
        importGenerated(600, 3);
        Map<String, Map<String, Long>> expected = expectedCounts();
        for (String level : List.of("DEPARTMENT", "EPCI", "COMMUNE")) {
            for (String code : List.of("10", "60")) {
                Map<String, Long> counts = expected.get(DensityIndicator.forProfession(code));
                List<String> order = graphQl.documentName("territoriesByCount").variable("level", level)
                        .variable("orderBy", Map.of("field", "PRACTITIONER_COUNT", "profession", code, "direction", "DESC"))
                        .execute().path("territories.nodes[*].id").entityList(String.class).get();
                assertThat(order).as("%s by profession %s", level, code).hasSizeGreaterThan(1);
                for (int i = 1; i < order.size(); i++) {
                    long previous = counts.getOrDefault(order.get(i - 1), 0L);
                    long current = counts.getOrDefault(order.get(i), 0L);
                    assertThat(previous).as("%s before %s", order.get(i - 1), order.get(i)).isGreaterThanOrEqualTo(current);
                }
                assertThat(counts.getOrDefault(order.get(0), 0L)).isEqualTo(order.stream()
                        .mapToLong(t -> counts.getOrDefault(t, 0L)).max().orElseThrow()).isPositive();
            }
        }
        graphQl.documentName("territoriesByCount").variable("level", "EPCI")
                .variable("orderBy", Map.of("field", "PRACTITIONER_COUNT", "specialty", "SM54")).execute()
                .path("territories.nodes").entityList(Map.class).hasSizeGreaterThan(1);

        for (var wrong : List.of(
                Map.of("order", Map.of("field", "PRACTITIONER_COUNT"), "message", "needs a profession or a specialty"),
                Map.of("order", Map.of("field", "PRACTITIONER_COUNT", "profession", "10", "specialty", "SM54"),
                        "message", "needs a profession or a specialty"),
                Map.of("order", Map.of("field", "NAME", "profession", "10"), "message", "with field PRACTITIONER_COUNT only"),
                Map.of("order", Map.of("field", "PRACTITIONER_COUNT", "profession", "99"),
                        "message", "no practitioner of profession 99 was counted"))) {
            graphQl.documentName("territoriesByCount").variable("level", "DEPARTMENT").variable("orderBy", wrong.get("order"))
                    .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getMessage()).contains((String) wrong.get("message"))));
        }
    }
}
