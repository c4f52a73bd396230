package fr.santegraph.practitioner;

import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.territory.TerritoryImporter;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Synthetic practitioners ({@link RppsGenerator}) over the fixture territories, for tests on an emptied graph. */
@Component
class GeneratedPractitioners {

    private final TerritoryImporter territories;
    private final PractitionerImporter importer;

    GeneratedPractitioners(TerritoryImporter territories, PractitionerImporter importer) {
        this.territories = territories;
        this.importer = importer;
    }

    /** Imports the fixture territories, then {@code lines} generated activity lines written in {@code dir}. */
    void importInto(Path dir, int lines, long seed) throws Exception {
        Path territoryDir = PractitionerRefreshTest.FIXTURES.resolve("territories");
        territories.importDirectory(territoryDir);
        Path extraction = dir.resolve("PS_LibreAcces_Personne_activite_202501010000.txt");
        RppsGenerator.generate(territoryDir.resolve("communes.json"), extraction, lines, seed);
        importer.run(ImportRequest.of("practitioners", "file", extraction.toString()));
    }
}
