package fr.santegraph.catalogue;

import fr.santegraph.BundledData;
import fr.santegraph.reference.BundledDataLoader;
import fr.santegraph.dataset.EtalabCartographyImporter;
import fr.santegraph.dataset.SndsSchemaImporter;
import fr.santegraph.indicator.DreesIndicatorImporter;
import fr.santegraph.ingest.ImportSummary;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * The real catalogue sources (Etalab 2014, the DREES index, the SNDS schemas, bundled in {@code import/}) in the test
 * database: loaded by the service on start, or here once per context when its bundle loading was restricted.
 */
@Component
public class CatalogueGraph {

    private final EtalabCartographyImporter etalab;
    private final DreesIndicatorImporter drees;
    private final SndsSchemaImporter snds;
    private ImportSummary etalabSummary;
    private ImportSummary dreesSummary;
    private ImportSummary sndsSummary;

    private final BundledDataLoader loader;

    public CatalogueGraph(EtalabCartographyImporter etalab, DreesIndicatorImporter drees, SndsSchemaImporter snds,
                          BundledDataLoader loader) {
        this.etalab = etalab;
        this.drees = drees;
        this.snds = snds;
        this.loader = loader;
    }

    public static Path etalabFolder() {
        return BundledData.unpacked("etalab-2014");
    }

    public static Path dreesFolder() {
        return BundledData.unpacked("drees-indicators");
    }

    public static Path sndsFolder() {
        return BundledData.unpacked("snds-schemas").resolve("schemas");
    }

    /** The three real sources, in the order a user would import them. */
    public synchronized void load() {
        if (etalabSummary == null) {
            etalabSummary = loaded("etalab-2014");
            dreesSummary = loaded("drees-indicators");
            sndsSummary = loaded("snds-schemas");
            if (etalabSummary == null) {
                etalabSummary = etalab.importDirectory(etalabFolder(), ProducerDirectory.bundled());
            }
            if (dreesSummary == null) {
                dreesSummary = drees.importDirectory(dreesFolder(), ProducerDirectory.bundled());
            }
            if (sndsSummary == null) {
                sndsSummary = snds.importDirectory(sndsFolder());
            }
        }
    }

    private ImportSummary loaded(String source) {
        return loader.loaded(source).orElse(null);
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
