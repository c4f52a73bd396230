package fr.santegraph.observation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Rejection;
import fr.santegraph.territory.TerritoryImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The arithmetic an anonymous caller would try on published indicator values, each on the smallest table that
 * shows it: with the pattern decided at import, none of them gives a masked count back.
 */
class ObservationDisclosureTest extends ScratchGraphTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/observations");

    @Autowired
    TerritoryImporter territories;
    @Autowired
    ObservationImporter observations;
    @Autowired
    DisclosureImporter disclosure;
    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void loadTerritories() throws Exception {
        // Département 01 with four communes in two EPCIs (Alpha: 01001, 01002; Beta: 01003, 01004), region 84.
        territories.importDirectory(Path.of("src/test/resources/fixtures/territories/cog-a"));
        for (String code : List.of("ind-stays", "ind-rate")) {
            neo4j.query("CREATE (:Indicator {id: 'indicator:' + $code, code: $code, name: $code})").bind(code).to("code").run();
        }
    }

    private AnonymousAnswers anonymous(String indicator) {
        return new AnonymousAnswers(graphQl, neo4j, indicator);
    }

    @Test
    void anEpciTotalMinusItsPublishedCommunesNoLongerGivesTheMaskedOne() throws Exception {
        observations.importFile(FIXTURES.resolve("epci-subtraction.csv"));
        AnonymousAnswers answers = anonymous("ind-stays");

        assertThat(answers.value("commune:01001", "2022")).isNull();
        // 54 − 50 gave 4: the commune that balances 01001 inside its EPCI is masked with it.
        assertThat(answers.value("commune:01002", "2022")).isNull();
        assertThat(answers.value("epci:200000001", "2022")).isEqualTo(54L);
        assertThat(answers.value("department:01", "2022")).isEqualTo(154L);
        assertThat(answers.narrowestMaskedCell()).as("whole values the caller cannot rule out").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aYearMinusItsPublishedQuartersNoLongerGivesTheMaskedOne() throws Exception {
        observations.importFile(FIXTURES.resolve("year-quarters.csv"));
        AnonymousAnswers answers = anonymous("ind-stays");

        assertThat(answers.value("department:01", "2022-Q4")).isNull();
        assertThat(answers.value("department:01", "2022")).as("the year stays published").isEqualTo(45L);
        assertThat(answers.maskedCells()).hasSize(2);
        assertThat(answers.narrowestMaskedCell()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRateWithItsDenominatorIsMaskedWhenTheCountItGivesAwayIsSmall() throws Exception {
        ImportSummary summary = observations.importFile(FIXTURES.resolve("rate-with-denominator.csv"));

        // 1.5 % × 200 = 3.
        var nodes = graphQl.documentName("indicatorValues").variable("indicator", "ind-rate").execute()
                .path("indicatorValues.nodes").entityList(Map.class).get();
        Map<String, Map> byTerritory = new HashMap<>();
        nodes.forEach(n -> byTerritory.put((String) ((Map) n.get("territory")).get("id"), n));
        assertThat(byTerritory.get("commune:01001")).containsEntry("value", null).containsEntry("valueMasked", true);
        assertThat(byTerritory.get("commune:01002")).containsEntry("value", 12.5);
        assertThat(byTerritory.get("commune:01003")).containsEntry("value", 0.8);
        // A rate whose scale is unknown cannot be checked: refused, not published unmasked.
        assertThat(summary.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.reason()).contains("gives the count away");
        });
    }

    @Test
    void aCountPublishedOnlyAsItsValueIsMasked() throws Exception {
        neo4j.query("CREATE (:Indicator {id: 'indicator:ind-count', code: 'ind-count', name: 'Count'})").run();
        Path file = Files.createTempFile("count", ".csv");
        Files.writeString(file, "indicator,territory,level,period,value,unit,numerator,denominator\n"
                + "ind-count,01001,,2022,4,,,\nind-count,01003,,2022,400,,,\n");
        observations.importFile(file);

        assertThat(anonymous("ind-count").value("commune:01001", "2022")).isNull();
        assertThat(anonymous("ind-count").value("commune:01003", "2022")).isEqualTo(400L);
        assertThat(neo4j.query("MATCH (i:Indicator {id: 'indicator:ind-count'}) RETURN i.valueKind")
                .fetchAs(String.class).one()).contains("COUNT");
    }

    @Test
    void eachIndicatorHasOneKindAndRowsThatContradictItAreRejectedWithTheirLine() throws Exception {
        ImportSummary summary = observations.importFile(FIXTURES.resolve("kinds.csv"));

        assertThat(summary.counter("observations written")).isEqualTo(1);
        assertThat(summary.rejections()).extracting(Rejection::line).containsExactly(3L, 4L, 5L);
        assertThat(summary.rejections()).extracting(Rejection::reason)
                .anySatisfy(r -> assertThat(r).contains("not a count"))
                .anySatisfy(r -> assertThat(r).contains("is a count in this file, not a ratio"))
                .anySatisfy(r -> assertThat(r).contains("neither count nor ratio"));
    }

    @Test
    void everyQueryShapePublishesTheSamePattern() throws Exception {
        observations.importFile(FIXTURES.resolve("epci-subtraction.csv"));

        // AnonymousAnswers asks by level, by territory, one territory at a time, and a territory with its
        // children, and fails when two answers about one cell disagree.
        assertThat(anonymous("ind-stays").maskedCells()).containsExactlyInAnyOrder("commune:01001|2022", "commune:01002|2022");
    }

    @Test
    void institutionsStillSeeEveryExactCount() throws Exception {
        observations.importFile(FIXTURES.resolve("epci-subtraction.csv"));

        graphQl.mutate().header("X-API-Key", "test-institution-key").build()
                .documentName("indicatorValues").variable("indicator", "ind-stays").variable("territories", List.of("01001"))
                .execute().path("indicatorValues.nodes[0].value").entity(Double.class).isEqualTo(4.0);
    }

    @Test
    void aReimportThatChangesOneCountRewritesOnlyTheCellsWhoseDecisionChanged() throws Exception {
        observations.importFile(FIXTURES.resolve("epci-subtraction.csv"));
        Path file = Files.createTempFile("one-change", ".csv");
        Files.writeString(file, "indicator,territory,level,period,value,unit,numerator,denominator\n"
                + "ind-stays,01003,,2022,30,séjours,,\n");

        assertThat(disclosure.run(ImportRequest.of("disclosure")).counter("cells whose decision changed")).isZero();
        observations.importFile(file);
        assertThat(disclosure.run(ImportRequest.of("disclosure", "indicator", "ind-stays"))
                .counter("cells whose decision changed")).isZero();
    }

    @Test
    void valuesWhoseDecisionIsPendingAreMaskedForAnonymousCallers() throws Exception {
        observations.importFile(FIXTURES.resolve("epci-subtraction.csv"));
        neo4j.query("MATCH (i:Indicator {id: 'indicator:ind-stays'}) SET i.disclosurePending = true").run();

        assertThat(anonymous("ind-stays").value("department:01", "2022")).isNull();
    }
}
