package fr.santegraph.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.catalogue.ProducerDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DreesIndicatorImportFixtureTest extends ScratchGraphTest {

    @Autowired
    DreesIndicatorImporter importer;

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/catalogue/drees-bad");

    @Test
    void badRowsAreReportedWithFileAndLineAndGoodRowsLoad() {
        ImportSummary summary = importer.importDirectory(FIXTURE, ProducerDirectory.bundled());
        assertThat(summary.read()).isEqualTo(4);
        assertThat(summary.rejections()).extracting(Object::toString).containsExactly(
                "index_indicateurs_fixture.csv:4: index 'X2' is not a number",
                "index_indicateurs_fixture.csv:5: indicator 3 has no name");
        assertThat(count("MATCH (i:Indicator) RETURN count(i)")).isEqualTo(2);
        // The quoted comment spans two lines and stays one field.
        assertThat(neo4j.query("MATCH (i:Indicator {code: 'drees-1'}) RETURN i.comments").fetchAs(String.class).one())
                .contains("Commentaire\nsur deux lignes");
        assertThat(neo4j.query("MATCH (i:Indicator {code: 'drees-4'}) RETURN i.accessLevel + ' ' + i.updateFrequency")
                .fetchAs(String.class).one()).contains("RESTRICTED MONTHLY");
    }

    @Test
    void importingTwiceGivesTheSameGraph() {
        importer.importDirectory(FIXTURE, ProducerDirectory.bundled());
        String shape = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) * 1000000 + count(r)";
        long once = count(shape);
        importer.importDirectory(FIXTURE, ProducerDirectory.bundled());
        assertThat(count(shape)).isEqualTo(once);
    }
}
