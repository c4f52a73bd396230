package fr.santegraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.BundledData;
import fr.santegraph.ScratchGraphTest;
import fr.santegraph.config.EmbeddedNeo4jConfiguration;
import fr.santegraph.config.EmbeddedNeo4jProperties;
import fr.santegraph.support.GraphChecksum;
import fr.santegraph.support.ServiceProcess;
import fr.santegraph.territory.TerritoryImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.graphdb.Result;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * An import killed with {@code kill -9} in the middle and run again ends in exactly the graph of an uninterrupted
 * run: same node and relationship counts, same checksum of keys.
 */
class InterruptedImportTest extends ScratchGraphTest {

    @Autowired
    TerritoryImporter territories;

    @TempDir
    Path store;

    @Test
    void anImportKilledMidwayAndRunAgainEndsInTheGraphOfAnUninterruptedRun() throws Exception {
        Path sources = cogOnly();
        try {
            try (ServiceProcess first = ServiceProcess.start(store, "import", "territories", "--dir", sources.toString())) {
                // Killed once it is well into communes.json (progress lines come every 5 s).
                var progress = first.await(line -> line.contains(sources.toString()) && line.contains("rows read"));
                try {
                    progress.get(300, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("no progress line; output:\n" + first.output(), e);
                }
                first.kill();
                assertThat(first.output()).doesNotContain("COMMUNE written");
            }
            try (ServiceProcess again = ServiceProcess.start(store, "import", "territories", "--dir", sources.toString())) {
                assertThat(again.waitFor(300)).as(again.output()).isZero();
            }
            GraphChecksum recovered = checksumOfStore(store);

            // As the command does it, the edition it records included.
            territories.run(ImportRequest.of("territories", "dir", sources.toString()));
            GraphChecksum uninterrupted = GraphChecksum.of(cypher -> List.copyOf(
                    neo4j.query(cypher).fetchAs(String.class).all()));

            assertThat(recovered.nodes()).isGreaterThan(39_000);
            assertThat(recovered).isEqualTo(uninterrupted);
        } finally {
            FileSystemUtils.deleteRecursively(sources);
        }
    }

    /** The real 2024 COG JSON files, gzipped as bundled (the La Poste files would only lengthen the test). */
    private static Path cogOnly() throws IOException {
        Path dir = Files.createTempDirectory("santegraph-cog");
        for (String file : List.of("regions.json", "departements.json", "communes.json", "epci.json")) {
            Files.createSymbolicLink(dir.resolve(file + ".gz"), BundledData.territories().resolve(file + ".gz"));
        }
        return dir;
    }

    private static GraphChecksum checksumOfStore(Path store) throws Exception {
        var database = EmbeddedNeo4jConfiguration.EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(
                store, 0, "256m", false, Duration.ZERO, false, ""));
        try {
            var db = database.service().database("neo4j");
            return GraphChecksum.of(cypher -> db.executeTransactionally(cypher, Map.of(), (Result result) -> {
                List<String> lines = new ArrayList<>();
                result.forEachRemaining(row -> lines.add((String) row.get("line")));
                return lines;
            }));
        } finally {
            database.destroy();
        }
    }
}
