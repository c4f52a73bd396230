package fr.santegraph.catalogue;

import fr.santegraph.SharedData;
import fr.santegraph.dataset.EtalabCartographyImporter;
import fr.santegraph.dataset.SndsSchemaImporter;
import fr.santegraph.indicator.DreesIndicatorImporter;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.producer.ProducerDirectory;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Loads the real shared catalogue sources into the test database once per context, for the tests that read them. */
@Component
public class CatalogueGraph {

    private final EtalabCartographyImporter etalab;
    private final DreesIndicatorImporter drees;
    private final SndsSchemaImporter snds;
    private ImportSummary etalabSummary;
    private ImportSummary dreesSummary;
    private ImportSummary sndsSummary;

    public CatalogueGraph(EtalabCartographyImporter etalab, DreesIndicatorImporter drees, SndsSchemaImporter snds) {
        this.etalab = etalab;
        this.drees = drees;
        this.snds = snds;
    }

    public static Path etalabFolder() {
        return SharedData.path("data/catalogue/etalab-2014");
    }

    public static Path dreesFolder() {
        return SharedData.path("data/catalogue/drees-indicateurs");
    }

    public static Path sndsFolder() {
        return SharedData.path("data/snds/schema-snds/schemas");
    }

    /** The three real sources, in the order a user would import them. */
    public synchronized void load() {
        if (etalabSummary == null) {
            etalabSummary = etalab.importDirectory(etalabFolder(), ProducerDirectory.bundled());
            dreesSummary = drees.importDirectory(dreesFolder(), ProducerDirectory.bundled());
            sndsSummary = snds.importDirectory(sndsFolder());
        }
    }

    public ImportSummary etalab() {
        load();
        return etalabSummary;
    }

    public ImportSummary drees() {
        load();
        return dreesSummary;
    }

    public ImportSummary snds() {
        load();
        return sndsSummary;
    }
}
