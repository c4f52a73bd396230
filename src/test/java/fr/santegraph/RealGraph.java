package fr.santegraph;

import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.territory.TerritoryImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Loads the real shared sources into the test database once per context, for the tests that read them.
 * Imports are idempotent, so a test that imports the same files again leaves the graph as it found it.
 */
@Component
public class RealGraph {

    private final TerritoryImporter territories;
    private ImportSummary territorySummary;

    public RealGraph(TerritoryImporter territories) {
        this.territories = territories;
    }

    /** The 2024 COG and both La Poste files, as {@code import territories} reads them. */
    public synchronized ImportSummary territories() {
        if (territorySummary == null) {
            territorySummary = importTerritories(territories);
        }
        return territorySummary;
    }

    /** A folder holding the shared COG JSON and La Poste CSV files side by side, as a user would download them. */
    public static Path territoryFolder() {
        try {
            Path dir = Files.createTempDirectory("santegraph-territories");
            for (Path file : List.of(SharedData.cog().resolve("regions.json"), SharedData.cog().resolve("departements.json"),
                    SharedData.cog().resolve("communes.json"), SharedData.cog().resolve("epci.json"),
                    SharedData.territories().resolve("laposte_hexasmal_2024.csv"),
                    SharedData.territories().resolve("laposte_hexasmal_with_gps_2020.csv"))) {
                Files.createSymbolicLink(dir.resolve(file.getFileName()), file);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportSummary importTerritories(TerritoryImporter importer) {
        Path dir = territoryFolder();
        try {
            return importer.importDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }
}
