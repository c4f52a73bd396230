package fr.santegraph.practitioner;

import fr.santegraph.RealGraph;
import fr.santegraph.SharedData;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.RetirementLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** The 22 real lines of the 2021 extraction, imported once per context over the real territories. */
@Component
class RppsSample {

    private final RealGraph realGraph;
    private final PractitionerImporter importer;
    private ImportSummary summary;

    RppsSample(RealGraph realGraph, PractitionerImporter importer) {
        this.realGraph = realGraph;
        this.importer = importer;
    }

    synchronized ImportSummary load() {
        if (summary == null) {
            realGraph.territories();
            try {
                summary = importer.importFiles(new PractitionerImporter.Options(
                        SharedData.path("data/rpps/PS_LibreAcces_Personne_activite_sample_2021.txt"),
                        null, null, null, null, "202112141014", RetirementLimit.DEFAULT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return summary;
    }
}
