package fr.santegraph;

import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.reference.BundledDataLoader;
import fr.santegraph.territory.TerritoryImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The real territories (COG 2024 and La Poste, bundled in {@code import/territories}) in the test database. The
 * service loads them itself on start; a context that did not (its bundle loading restricted) imports them here.
 */
@Component
public class RealGraph {

    private final TerritoryImporter territories;
    private final BundledDataLoader loader;
    private ImportSummary territorySummary;

    public RealGraph(TerritoryImporter territories, BundledDataLoader loader) {
        this.territories = territories;
        this.loader = loader;
    }

    /** The summary of the run that loaded the 2024 COG and both La Poste files into this context's database. */
    public synchronized ImportSummary territories() {
        if (territorySummary == null) {
            territorySummary = loader.loaded(TerritoryImporter.SOURCE).orElseGet(() -> importTerritories(territories));
        }
        return territorySummary;
    }

    /** Imports the bundled territory files again, as {@code import territories --dir import/territories} does. */
    public static ImportSummary importTerritories(TerritoryImporter importer) {
        try {
            return importer.importDirectory(BundledData.territories());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
