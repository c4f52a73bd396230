package fr.santegraph.catalogue;

import static fr.santegraph.catalogue.Props.blankToNull;

import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSource;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.RowException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code import catalogue-reference --dir import/catalogue}: the catalogue written by the project — producers
 * (the alias file itself), datasets, data services and distributions — so a fresh start already knows who
 * produces what. Loaded on first start by the bundled-data loader; re-running it restores the project's
 * descriptions.
 */
@Component
@ImportSource(name = "catalogue-reference",
        usage = "--dir <folder with producers.csv, datasets.csv, data-services.csv, distributions.csv>")
public class CatalogueReferenceImporter implements Importer {

    private final CatalogueWriter writer;

    public CatalogueReferenceImporter(CatalogueWriter writer) {
        this.writer = writer;
    }

    @Override
    public ImportSummary run(ImportRequest request) {
        return importDirectory(request.directory("dir"));
    }

    public ImportSummary importDirectory(Path dir) {
        ImportRun run = new ImportRun("catalogue-reference " + dir);
        ProducerDirectory producers = ProducerDirectory.load(dir.resolve("producers.csv"));
        writer.writeProducers(producers.entries());
        run.count("producers", producers.entries().size());

        List<Map<String, Object>> datasets = new ArrayList<>();
        for (CatalogueFiles.Row row : CatalogueFiles.readAll(dir.resolve("datasets.csv"), StandardCharsets.UTF_8, ',', 1,
                Set.of("code", "title", "publishers", "accessAggregated", "accessGranular", "partOf", "aliases"))) {
            run.rowRead();
            try {
                datasets.add(dataset(row, producers));
            } catch (RowException e) {
                run.reject(row.file(), row.line(), e.getMessage());
            }
        }
        // Parts after wholes: PART_OF needs both ends.
        datasets.sort((a, b) -> Boolean.compare(a.get("partOf") != null, b.get("partOf") != null));
        writer.writeDatasets(datasets);
        writer.writeDatasets(datasets);
        run.count("datasets", datasets.size());

        List<Map<String, Object>> services = new ArrayList<>();
        for (CatalogueFiles.Row row : CatalogueFiles.readAll(dir.resolve("data-services.csv"), StandardCharsets.UTF_8, ',', 1,
                Set.of("code", "title", "publishers", "endpointUrl", "serves"))) {
            run.rowRead();
            Map<String, Object> service = new HashMap<>();
            service.put("id", CatalogueWriter.dataServiceId(row.get("code")));
            service.put("code", row.get("code"));
            service.put("title", row.get("title"));
            Map<String, Object> properties = new HashMap<>();
            properties.put("title", row.get("title"));
            properties.put("description", blankToNull(row.get("description")));
            properties.put("endpointUrl", blankToNull(row.get("endpointUrl")));
            properties.put("landingPage", blankToNull(row.get("landingPage")));
            service.put("properties", properties);
            service.put("publishers", CatalogueFiles.list(row.get("publishers")).stream().map(CatalogueWriter::producerId).toList());
            service.put("serves", CatalogueFiles.list(row.get("serves")).stream().map(CatalogueWriter::datasetId).toList());
            services.add(service);
        }
        writer.writeDataServices(services);
        run.count("data services", services.size());

        Path distributionsFile = dir.resolve("distributions.csv");
        if (Files.isRegularFile(distributionsFile)) {
            List<Map<String, Object>> distributions = new ArrayList<>();
            for (CatalogueFiles.Row row : CatalogueFiles.readAll(distributionsFile, StandardCharsets.UTF_8, ',', 1,
                    Set.of("dataset", "format", "url", "licence"))) {
                run.rowRead();
                Map<String, Object> distribution = new HashMap<>();
                distribution.put("id", "distribution:" + row.get("dataset") + ":" + Slugs.of(row.get("format") + " " + row.get("url")));
                distribution.put("dataset", CatalogueWriter.datasetId(row.get("dataset")));
                distribution.put("format", row.get("format"));
                distribution.put("url", row.get("url"));
                distribution.put("licence", row.get("licence"));
                distribution.put("title", blankToNull(row.get("title")));
                // Optional columns: the file itself where the source publishes one, and the service it is read through.
                distribution.put("downloadUrl", blankToNull(row.get("downloadUrl")));
                distribution.put("mediaType", blankToNull(row.get("mediaType")));
                distribution.put("compressFormat", blankToNull(row.get("compressFormat")));
                distribution.put("service", blankToNull(row.get("service")) == null ? null
                        : CatalogueWriter.dataServiceId(row.get("service")));
                distributions.add(distribution);
            }
            writer.writeDistributions(distributions);
            run.count("distributions", distributions.size());
        }
        return run.finish();
    }

    private static Map<String, Object> dataset(CatalogueFiles.Row row, ProducerDirectory producers) {
        String code = row.get("code");
        if (code.isEmpty() || row.get("title").isEmpty()) {
            throw new RowException("a dataset needs a code and a title");
        }
        List<String> publishers = new ArrayList<>();
        for (String publisher : CatalogueFiles.list(row.get("publishers"))) {
            if (producers.known(publisher).isEmpty()) {
                throw new RowException("publisher '" + publisher + "' is not a code of producers.csv");
            }
            publishers.add(CatalogueWriter.producerId(publisher));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("title", row.get("title"));
        p.put("description", blankToNull(row.get("description")));
        List<String> keywords = CatalogueFiles.list(row.get("keywords"));
        p.put("keywords", keywords);
        p.put("keywordsText", String.join(" ", keywords));
        UpdateFrequency frequency = row.get("frequency").isEmpty() ? null : parse(UpdateFrequency.class, row.get("frequency"));
        p.put("updateFrequency", frequency == null ? null : frequency.name());
        AccessLevel aggregated = row.get("accessAggregated").isEmpty() ? null : parse(AccessLevel.class, row.get("accessAggregated"));
        AccessLevel granular = row.get("accessGranular").isEmpty() ? null : parse(AccessLevel.class, row.get("accessGranular"));
        p.put("accessAggregated", aggregated == null ? null : aggregated.name());
        p.put("accessGranular", granular == null ? null : granular.name());
        AccessLevel best = AccessLevel.mostOpen(aggregated, granular);
        p.put("accessLevel", best == null ? null : best.name());
        p.put("landingPage", blankToNull(row.get("landingPage")));
        p.put("aliases", CatalogueFiles.list(row.get("aliases")));
        Map<String, Object> dataset = new HashMap<>();
        dataset.put("id", CatalogueWriter.datasetId(code));
        dataset.put("code", code);
        dataset.put("title", row.get("title"));
        dataset.put("source", "santegraph");
        dataset.put("properties", p);
        dataset.put("publishers", publishers);
        dataset.put("partOf", row.get("partOf").isEmpty() ? null : CatalogueWriter.datasetId(row.get("partOf")));
        return dataset;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new RowException("'" + value + "' is not a " + type.getSimpleName() + " (" + Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

}
