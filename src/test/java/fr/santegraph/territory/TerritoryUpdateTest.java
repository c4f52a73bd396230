package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Rejection;
import fr.santegraph.ingest.RetirementLimit;
import fr.santegraph.support.GraphChecksum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Later COG editions and bad rows, on small fixture files in an empty graph of their own. */
class TerritoryUpdateTest extends ScratchGraphTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/territories");

    @Autowired
    TerritoryImporter importer;

    private String one(String cypher) {
        return neo4j.query(cypher).fetchAs(String.class).one().orElse(null);
    }

    /** The fixture editions are tiny: one merger of five communes retires 20 % of them. */
    private static final TerritoryImporter.Options EDITION_2025 = new TerritoryImporter.Options(
            LocalDate.of(2025, 1, 1), new RetirementLimit(0.2, false));

    @Test
    void aLaterCogEditionMergesRenamesAddsAndMovesCommunesWithoutDuplicates() throws Exception {
        importer.importDirectory(FIXTURES.resolve("cog-a"));
        ImportSummary update = importer.importDirectory(FIXTURES.resolve("cog-b"), EDITION_2025);

        // Merged: 01003 is no longer a current commune; its node stays, retired and linked to its successor.
        assertThat(count("MATCH (c:Commune {code: '01003'}) RETURN count(c)")).isEqualTo(1);
        assertThat(one("MATCH (c:Commune {code: '01003'}) WHERE NOT c.active AND c.retiredOn IS NOT NULL "
                + "MATCH (c)-[:MERGED_INTO]->(s) RETURN s.code")).isEqualTo("01004");
        // Retired on the day the edition took effect, not the day it was imported.
        assertThat(one("MATCH (c:Commune {code: '01003'}) RETURN toString(c.retiredOn)")).isEqualTo("2025-01-01");
        assertThat(one("MATCH (d:DelegatedCommune {code: '01003'})-[:PART_OF]->(c) RETURN c.code")).isEqualTo("01004");
        assertThat(count("MATCH (c:Commune {code: '01003'})-[:MEMBER_OF]->() RETURN count(c)")).isZero();
        // Renamed in place, new commune added.
        assertThat(one("MATCH (c:Commune {code: '01002'}) RETURN c.name")).isEqualTo("Varey-l'Abergement");
        assertThat(one("MATCH (c:Commune {code: '01005'})-[:MEMBER_OF]->(e) RETURN e.code")).isEqualTo("200000001");
        // Moved to another EPCI: exactly one membership.
        assertThat(neo4j.query("MATCH (:Commune {code: '01001'})-[:MEMBER_OF]->(e) RETURN e.code")
                .fetchAs(String.class).all()).containsExactly("200000002");
        assertThat(update.counter("territories retired")).isEqualTo(1);
        // No duplicates: one node per id, six current communes.
        assertThat(count("MATCH (t:Territory) WITH t.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)")).isZero();
        assertThat(count("MATCH (c:Commune {active: true}) RETURN count(c)")).isEqualTo(5);
    }

    @Test
    void departementsAndRegionsHaveTheirCommunesPopulationAndFollowAMerger() throws Exception {
        importer.importDirectory(FIXTURES.resolve("cog-a"));

        // cog-a: Ain's communes add up to 16,786 inhabitants, Corse-du-Sud's to 71,361; one département per region.
        assertThat(count("MATCH (d:Department {code: '01'}) RETURN d.population")).isEqualTo(16_786);
        assertThat(count("MATCH (d:Department {code: '2A'}) RETURN d.population")).isEqualTo(71_361);
        assertThat(count("MATCH (r:Region {code: '84'}) RETURN r.population")).isEqualTo(16_786);
        // After the next edition the sums are those of the communes then current.
        importer.importDirectory(FIXTURES.resolve("cog-b"), EDITION_2025);
        assertThat(count("MATCH (d:Department {code: '01'}) RETURN d.population")).isEqualTo(
                count("MATCH (c:Commune {active: true})-[:PART_OF]->(:Department {code: '01'}) RETURN sum(c.population)"));
    }

    @Test
    void sitesInAMergedCommuneMoveToTheCommuneItMergedIntoInTheSameRun() throws Exception {
        importer.importDirectory(FIXTURES.resolve("cog-a"));
        neo4j.query("""
                MATCH (old:Commune {code: '01003'}), (other:Commune {code: '01001'})
                CREATE (:Site {id: 'S1', locationSource: 'COMMUNE_CENTROID', location: point({latitude: 46.0, longitude: 5.0})})
                         -[:LOCATED_IN]->(old)
                CREATE (:Site {id: 'S2', locationSource: 'GEOCODED', location: point({latitude: 46.1, longitude: 5.1})})
                         -[:LOCATED_IN]->(old)
                CREATE (:Site {id: 'S3'})-[:LOCATED_IN]->(other)
                """).run();
        ImportSummary update = importer.importDirectory(FIXTURES.resolve("cog-b"), EDITION_2025);

        assertThat(update.counter("sites moved to the commune theirs merged into")).isEqualTo(2);
        assertThat(neo4j.query("MATCH (s:Site)-[:LOCATED_IN]->(c) RETURN s.id + '@' + c.code ORDER BY s.id")
                .fetchAs(String.class).all()).containsExactly("S1@01004", "S2@01004", "S3@01001");
        // A geocoded point stays where it was.
        assertThat(one("MATCH (s:Site {id: 'S2'}) RETURN toString(s.location.latitude)")).isEqualTo("46.1");
        // The new commune and its EPCI find them.
        assertThat(count("""
                MATCH (:Epci)<-[:MEMBER_OF]-(:Commune {code: '01004'})<-[:LOCATED_IN]-(s:Site) RETURN count(s)""")).isEqualTo(2);
    }

    @Test
    void aCogFileListingFarFewerCommunesThanTheGraphIsRefusedAndChangesNothing(@TempDir Path dir) throws Exception {
        importer.importDirectory(FIXTURES.resolve("cog-a"));
        var before = GraphChecksum.of(cypher -> List.copyOf(
                neo4j.query(cypher).fetchAs(String.class).all()));
        for (String file : List.of("regions.json", "departements.json")) {
            Files.copy(FIXTURES.resolve("cog-a").resolve(file), dir.resolve(file));
        }
        // A download cut short: the first commune only.
        Files.writeString(dir.resolve("communes.json"), """
                [{"code":"01001","nom":"L'Abergement-Clémenciat","zone":"metro","departement":"01","region":"84",
                  "type":"commune-actuelle","codesPostaux":["01400"],"population":870}]""");

        assertThatThrownBy(() -> importer.importDirectory(dir))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageStartingWith("refusing to retire 4 of 5 active commune territories (80.0 %, above the limit of 5.0 %)");
        assertThat(GraphChecksum.of(cypher -> List.copyOf(
                neo4j.query(cypher).fetchAs(String.class).all()))).isEqualTo(before);

        ImportSummary allowed = importer.importDirectory(dir, new TerritoryImporter.Options(null, RetirementLimit.NONE));
        assertThat(allowed.counter("territories retired")).isEqualTo(4);
    }

    @Test
    void badRowsAreReportedWithFileLineAndReasonWhileGoodRowsLoad() throws Exception {
        ImportSummary summary = importer.importDirectory(FIXTURES.resolve("bad-rows"));

        assertThat(summary.rejections()).extracting(Rejection::file, Rejection::line).containsExactlyInAnyOrder(
                Tuple.tuple("communes.json", 3L),
                Tuple.tuple("communes.json", 4L),
                Tuple.tuple("communes.json", 6L),
                Tuple.tuple("communes.json", 5L),
                Tuple.tuple("laposte.csv", 3L),
                Tuple.tuple("laposte.csv", 4L),
                Tuple.tuple("laposte.csv", 5L));
        assertThat(summary.rejections()).extracting(Rejection::reason).anySatisfy(reason ->
                assertThat(reason).contains("department:99"));
        assertThat(neo4j.query("MATCH (c:Commune) RETURN c.code ORDER BY c.code").fetchAs(String.class).all())
                .containsExactly("01001", "2A004");
        assertThat(neo4j.query("MATCH (:Commune {code: '2A004'})-[:HAS_POSTAL_CODE]->(p) RETURN p.code ORDER BY p.code")
                .fetchAs(String.class).all()).containsExactly("20000", "20090");
    }

    @Test
    void aTruncatedJsonFileFailsWithItsNameAndLineAndChangesNothing(@TempDir Path dir) throws Exception {
        Files.copy(FIXTURES.resolve("cog-a/regions.json"), dir.resolve("regions.json"));
        Files.writeString(dir.resolve("departements.json"),
                "[\n{\"code\":\"01\",\"region\":\"84\",\"nom\":\"Ain\",\"zone\":\"metro\"},\n{\"code\":\"2A\",\"reg");

        assertThatThrownBy(() -> importer.importDirectory(dir))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("departements.json:3");
        // Every file is read before anything is written: the regions before it did not load either.
        assertThat(count("MATCH (t:Territory) RETURN count(t)")).isZero();
    }

    @Test
    void aFolderWithoutAnySourceFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> importer.importDirectory(dir))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("holds none of regions.json");
    }
}
