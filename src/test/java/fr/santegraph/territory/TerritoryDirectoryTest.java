package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.support.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

/** The in-memory territories follow the graph: at once after a local import, after the check interval otherwise. */
class TerritoryDirectoryTest extends ScratchGraphTest {

    static final Path FIXTURE_COG = Path.of("src/test/resources/fixtures/practitioners/territories");

    @Autowired
    TerritoryImporter importer;
    @Autowired
    TerritoryWriter writer;
    @Autowired
    TerritoryDirectory applicationDirectory;
    @Autowired
    Driver driver;

    @Test
    void aLocalImportIsSeenAtOnce() throws Exception {
        assertThat(applicationDirectory.get("commune:01053")).isEmpty();
        importer.importDirectory(FIXTURE_COG);
        assertThat(applicationDirectory.get("commune:01053")).get().extracting(Territory::name).isEqualTo("Bourg-en-Bresse");
        assertThat(applicationDirectory.related(List.of("commune:01053"), TerritoryRelation.REGION))
                .extractingByKey("commune:01053").extracting(Territory::id).isEqualTo("region:84");
    }

    @Test
    void anImportByAnotherInstanceIsSeenAfterTheCheckInterval() throws Exception {
        importer.importDirectory(FIXTURE_COG);
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        TerritoryDirectory directory = new TerritoryDirectory(driver, Duration.ofSeconds(10), clock);
        assertThat(directory.get("commune:01053")).get().extracting(Territory::name).isEqualTo("Bourg-en-Bresse");

        // What another service instance's import does to the shared database.
        neo4j.query("MATCH (t:Territory {id: 'commune:01053'}) SET t.name = 'Bourg'").run();
        writer.newVersion();

        clock.advance(Duration.ofSeconds(5));
        assertThat(directory.get("commune:01053")).get().extracting(Territory::name).isEqualTo("Bourg-en-Bresse");
        clock.advance(Duration.ofSeconds(6));
        assertThat(directory.get("commune:01053")).get().extracting(Territory::name).isEqualTo("Bourg");
    }
}
