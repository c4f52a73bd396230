package fr.santegraph.ingest;

import fr.santegraph.catalogue.CatalogueReferenceImporter;
import fr.santegraph.indicator.DreesIndicatorImporter;
import fr.santegraph.producer.ProducerDirectory;
import fr.santegraph.territory.TerritoryImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Loads the reference data shipped in the jar (the project's {@code import/} folder: regions and départements,
 * the catalogue's producers, datasets, data services and a few indicators)
 * when the graph has none, so a fresh start answers territory queries at once. Later imports of the full COG
 * update the same nodes.
 */
@Component
@Order(10)
public class BundledDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledDataLoader.class);

    private final Neo4jClient neo4j;
    private final TerritoryImporter territories;
    private final CatalogueReferenceImporter catalogue;
    private final DreesIndicatorImporter indicators;
    private final boolean enabled;

    public BundledDataLoader(Neo4jClient neo4j, TerritoryImporter territories, CatalogueReferenceImporter catalogue,
                             DreesIndicatorImporter indicators,
                             @Value("${santegraph.bundled.load-on-start:true}") boolean enabled) {
        this.neo4j = neo4j;
        this.territories = territories;
        this.catalogue = catalogue;
        this.indicators = indicators;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            return;
        }
        boolean hasRegions = neo4j.query("RETURN EXISTS { MATCH (:Region) } AS present")
                .fetchAs(Boolean.class).one().orElse(false);
        if (!hasRegions) {
            Path dir = extract("territories");
            try {
                ImportSummary summary = territories.importDirectory(dir);
                log.info("Loaded bundled territories: {} rows, {} rejected", summary.read(), summary.rejected());
            } finally {
                FileSystemUtils.deleteRecursively(dir);
            }
        }
        boolean hasProducers = neo4j.query("RETURN EXISTS { MATCH (:Producer) } AS present")
                .fetchAs(Boolean.class).one().orElse(false);
        if (!hasProducers) {
            Path dir = extract("catalogue");
            try {
                ImportSummary reference = catalogue.importDirectory(dir);
                ImportSummary bundledIndicators = indicators.importDirectory(dir, ProducerDirectory.load(dir.resolve("producers.csv")));
                log.info("Loaded the bundled catalogue: {} rows, {} indicators", reference.read(), bundledIndicators.read());
            } finally {
                FileSystemUtils.deleteRecursively(dir);
            }
        }
    }

    /** Copies {@code classpath:bundled/<name>/*} to a temporary folder: importers read files, and the jar is a zip. */
    static Path extract(String name) throws IOException {
        Path dir = Files.createTempDirectory("santegraph-bundled-" + name);
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bundled/" + name + "/*")) {
            if (resource.isReadable() && resource.getFilename() != null) {
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, dir.resolve(resource.getFilename()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return dir;
    }
}
