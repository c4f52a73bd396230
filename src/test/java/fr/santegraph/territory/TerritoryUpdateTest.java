package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Rejection;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void aLaterCogEditionMergesRenamesAddsAndMovesCommunesWithoutDuplicates() throws Exception {
        importer.importDirectory(FIXTURES.resolve("cog-a"));
        ImportSummary update = importer.importDirectory(FIXTURES.resolve("cog-b"));

        // Merged: 01003 is no longer a current commune; its node stays, retired and linked to its successor.
        assertThat(count("MATCH (c:Commune {code: '01003'}) RETURN count(c)")).isEqualTo(1);
        assertThat(one("MATCH (c:Commune {code: '01003'}) WHERE NOT c.active AND c.retiredOn IS NOT NULL "
                + "MATCH (c)-[:MERGED_INTO]->(s) RETURN s.code")).isEqualTo("01004");
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
    void badRowsAreReportedWithFileLineAndReasonWhileGoodRowsLoad() throws Exception {
        ImportSummary summary = importer.importDirectory(FIXTURES.resolve("bad-rows"));

        assertThat(summary.rejections()).extracting(Rejection::file, Rejection::line).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("communes.json", 3L),
                org.assertj.core.groups.Tuple.tuple("communes.json", 4L),
                org.assertj.core.groups.Tuple.tuple("communes.json", 6L),
                org.assertj.core.groups.Tuple.tuple("communes.json", 5L),
                org.assertj.core.groups.Tuple.tuple("laposte.csv", 3L),
                org.assertj.core.groups.Tuple.tuple("laposte.csv", 4L),
                org.assertj.core.groups.Tuple.tuple("laposte.csv", 5L));
        assertThat(summary.rejections()).extracting(Rejection::reason).anySatisfy(reason ->
                assertThat(reason).contains("department:99"));
        assertThat(neo4j.query("MATCH (c:Commune) RETURN c.code ORDER BY c.code").fetchAs(String.class).all())
                .containsExactly("01001", "2A004");
        assertThat(neo4j.query("MATCH (:Commune {code: '2A004'})-[:HAS_POSTAL_CODE]->(p) RETURN p.code ORDER BY p.code")
                .fetchAs(String.class).all()).containsExactly("20000", "20090");
    }

    @Test
    void aTruncatedJsonFileFailsWithItsNameAndLineAfterLoadingWhatPrecedes(@TempDir Path dir) throws Exception {
        Files.copy(FIXTURES.resolve("cog-a/regions.json"), dir.resolve("regions.json"));
        Files.writeString(dir.resolve("departements.json"),
                "[\n{\"code\":\"01\",\"region\":\"84\",\"nom\":\"Ain\",\"zone\":\"metro\"},\n{\"code\":\"2A\",\"reg");

        assertThatThrownBy(() -> importer.importDirectory(dir))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("departements.json:3");
        assertThat(count("MATCH (d:Department) RETURN count(d)")).isEqualTo(1);
    }

    @Test
    void aFolderWithoutAnySourceFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> importer.importDirectory(dir))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("holds none of regions.json");
    }
}
