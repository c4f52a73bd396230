package fr.santegraph.indicator;

import static fr.santegraph.catalogue.Props.blankToNull;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.CatalogueFiles;
import fr.santegraph.catalogue.CatalogueWriter;
import fr.santegraph.catalogue.CodeDirectory;
import fr.santegraph.catalogue.GeoLevel;
import fr.santegraph.catalogue.ProducerDirectory;
import fr.santegraph.catalogue.Slugs;
import fr.santegraph.catalogue.UpdateFrequency;
import fr.santegraph.common.TextFolding;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSource;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.RowException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * {@code import drees-indicators --dir <folder>}: the DREES "cartographie des indicateurs de santé" index
 * ({@code index_indicateurs_*.csv}: UTF-8, comma, every field quoted), its theme tags ({@code tags_indicateurs_*.csv},
 * one 0/1 column per theme, named in {@code classif_tags.csv}) and the bases' web pages ({@code producteurs.csv},
 * ISO-8859-1, semicolon). Each indicator links to its reconciled producers, its source datasets, the data service
 * (base) that publishes it, its themes and the geographic levels it is available at.
 */
@Component
@ImportSource(name = "drees-indicators",
        usage = "--dir <folder with index_indicateurs_*.csv, tags_indicateurs_*.csv, classif_tags.csv, producteurs.csv> [--producers <alias file>]")
public class DreesIndicatorImporter implements Importer {

    static final String SOURCE = "drees-2019-11";
    static final int BATCH_SIZE = 2_000;
    static final Set<String> REQUIRED = Set.of("index", "Base", "Indicateur", "Famille", "Source", "Producteur",
            "Type_d_acc_s", "Frequence_d_actualisation", "Producteur_de_la_base");

    private final CatalogueWriter writer;

    public DreesIndicatorImporter(CatalogueWriter writer) {
        this.writer = writer;
    }

    @Override
    public ImportSummary run(ImportRequest request) {
        return importDirectory(request.directory("dir"), ProducerDirectory.bundledOr(request.optionalFile("producers")));
    }

    /** Reconciliation state of one run: the directories and what has been written already. */
    private static final class Context {
        final ProducerDirectory producers;
        final CodeDirectory datasets = CodeDirectory.bundled("datasets.csv");
        final CodeDirectory services = CodeDirectory.bundled("data-services.csv");
        final Map<String, String> serviceUrls = new HashMap<>();
        final Map<String, List<String>> themesByIndex = new HashMap<>();
        final Map<String, Map<String, Object>> pendingDatasets = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> pendingServices = new LinkedHashMap<>();
        final Set<String> writtenDatasets = new HashSet<>();
        final Set<String> writtenServices = new HashSet<>();
        String source = SOURCE;
        final Map<String, Set<String>> servedByService = new HashMap<>();

        Context(ProducerDirectory producers) {
            this.producers = producers;
        }
    }

    public ImportSummary importDirectory(Path dir, ProducerDirectory producers) {
        ImportRun run = new ImportRun("drees-indicators " + dir);
        Context context = new Context(producers);
        writer.writeGeoLevels();
        readThemes(dir, context, run);
        Path producerPages = dir.resolve("producteurs.csv");
        if (Files.isRegularFile(producerPages)) {
            CatalogueFiles.readAll(producerPages, StandardCharsets.ISO_8859_1, ';', 1, Set.of("Base", "href"))
                    .forEach(row -> context.serviceUrls.putIfAbsent(context.services.codeOf(row.get("Base")), row.get("href")));
        }
        Path index = single(dir, "index_indicateurs_");
        // index_indicateurs_2019-11.csv → "drees-2019-11"; the project's own index_indicateurs_santegraph.csv → "santegraph".
        String edition = index.getFileName().toString().replace("index_indicateurs_", "").replace(".csv", "");
        context.source = edition.matches("\\d{4}-\\d{2}") ? "drees-" + edition : edition;
        List<Map<String, Object>> batch = new ArrayList<>(BATCH_SIZE);
        long[] written = {0};
        CatalogueFiles.forEach(index, StandardCharsets.UTF_8, ',', 1, REQUIRED, row -> {
            run.rowRead();
            try {
                batch.add(map(row, context));
            } catch (RowException e) {
                run.reject(row.file(), row.line(), e.getMessage());
            }
            if (batch.size() >= BATCH_SIZE) {
                written[0] += flush(batch, context);
            }
        });
        written[0] += flush(batch, context);
        writeServedDatasets(context);
        run.count("indicators", written[0]);
        run.count("source datasets", context.writtenDatasets.size());
        run.count("data services", context.servedByService.size());
        run.count("producers deleted (orphans)", writer.deleteOrphanDerivedProducers());
        return run.finish();
    }

    private static Path single(Path dir, String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".csv"))
                    .sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalArgumentException(dir + " has no " + prefix + "*.csv file"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readThemes(Path dir, Context context, ImportRun run) {
        Map<String, String> names = new HashMap<>();
        Path classification = dir.resolve("classif_tags.csv");
        if (Files.isRegularFile(classification)) {
            CatalogueFiles.readAll(classification, StandardCharsets.UTF_8, ';', 1, Set.of("alias", "valeur"))
                    .forEach(row -> {
                        if (!row.get("valeur").isEmpty()) {
                            names.put(themeCode(row.get("valeur")), row.get("alias"));
                        }
                    });
        }
        Path tags;
        try {
            tags = single(dir, "tags_indicateurs_");
        } catch (IllegalArgumentException e) {
            return;
        }
        Map<String, Map<String, Object>> themes = new LinkedHashMap<>();
        CatalogueFiles.forEach(tags, StandardCharsets.UTF_8, ',', 1, Set.of("index"), row -> {
            List<String> codes = new ArrayList<>();
            row.columns().forEach((column, position) -> {
                if (!column.equals("index") && "1".equals(row.at(position))) {
                    String code = themeCode(column);
                    codes.add(CatalogueWriter.themeId("drees", code));
                    themes.computeIfAbsent(code, c -> {
                        Map<String, Object> theme = new HashMap<>();
                        theme.put("id", CatalogueWriter.themeId("drees", c));
                        theme.put("code", "drees:" + c);
                        theme.put("scheme", "drees");
                        theme.put("name", names.getOrDefault(c, column.replace('_', ' ')));
                        return theme;
                    });
                }
            });
            context.themesByIndex.put(row.get("index"), codes.stream().distinct().toList());
        });
        writer.writeThemes(new ArrayList<>(themes.values()));
        run.count("themes", themes.size());
    }

    /** The tags file spells some themes twice ("offre soins" and "offre_de_soins"): both fold to one code. */
    static String themeCode(String column) {
        String folded = TextFolding.fold(column.replace('_', ' '));
        return Slugs.of(folded.replaceAll("\\b(de|des|du|d|l|et)\\b", " "));
    }

    private int flush(List<Map<String, Object>> batch, Context context) {
        if (batch.isEmpty()) {
            return 0;
        }
        writer.writeProducers(context.producers.entries());
        if (!context.pendingDatasets.isEmpty()) {
            writer.writeDatasets(new ArrayList<>(context.pendingDatasets.values()));
            context.pendingDatasets.clear();
        }
        if (!context.pendingServices.isEmpty()) {
            writer.writeDataServices(new ArrayList<>(context.pendingServices.values()));
            context.pendingServices.clear();
        }
        writer.writeIndicators(batch);
        int size = batch.size();
        batch.clear();
        return size;
    }

    private void writeServedDatasets(Context context) {
        List<Map<String, Object>> rows = new ArrayList<>();
        context.servedByService.forEach((service, datasets) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", service);
            row.put("code", service.substring("dataservice:".length()));
            row.put("properties", Map.of());
            row.put("serves", List.copyOf(datasets));
            rows.add(row);
        });
        writer.writeDataServices(rows);
    }

    /** One index row → an indicator row for the writer; referenced datasets and services are queued. */
    Map<String, Object> map(CatalogueFiles.Row row, Context context) {
        String index = row.get("index");
        String name = row.get("Indicateur").replaceAll("\\s+", " ");
        if (index.isEmpty() || !index.chars().allMatch(Character::isDigit)) {
            throw new RowException("index '" + index + "' is not a number");
        }
        if (name.isEmpty()) {
            throw new RowException("indicator " + index + " has no name");
        }
        String code = "drees-" + index;
        Map<String, Object> p = new HashMap<>();
        p.put("id", "indicator:" + code);
        p.put("code", code);
        p.put("name", name);
        p.put("family", blankToNull(row.get("Famille")));
        p.put("classification", Stream.of(row.get("Classement_producteur_Niveau_1__"), row.get("Classement_producteur_Niveau_2"),
                row.get("Classement_producteur_Niveau_3__")).filter(s -> !s.isEmpty()).toList());
        p.put("base", row.get("Base"));
        p.put("sourceLabel", blankToNull(row.get("Source")));
        p.put("producerLabel", blankToNull(row.get("Producteur")));
        p.put("historicalDepth", blankToNull(row.get("Profondeur_historique")));
        p.put("updateFrequencyLabel", blankToNull(row.get("Frequence_d_actualisation")));
        UpdateFrequency frequency = UpdateFrequency.fromPublished(row.get("Frequence_d_actualisation"));
        p.put("updateFrequency", frequency == null ? null : frequency.name());
        p.put("comments", blankToNull(row.get("Commentaires")));
        p.put("baseVersion", blankToNull(row.get("Date_version_base")));
        p.put("accessTypeLabel", blankToNull(row.get("Type_d_acc_s")));
        p.put("accessLevel", AccessLevel.fromPublished(row.get("Type_d_acc_s")).map(Enum::name).orElse(null));
        // Published upper-cased; hosts are case-insensitive, the paths of these sites too.
        p.put("link", blankToNull(row.get("Acceder_a_la_base").toLowerCase(Locale.ROOT)));
        p.put("source", context.source);

        List<Map<String, Object>> levels = new ArrayList<>();
        Set<String> levelCodes = new LinkedHashSet<>();
        addLevel(levels, levelCodes, GeoLevel.NATIONAL, row.get("Echelle géo. nationale"));
        addLevel(levels, levelCodes, GeoLevel.REGION, row.get("Echelle géo. Rég"));
        addLevel(levels, levelCodes, GeoLevel.DEPARTMENT, row.get("Echelle géo dep"));
        for (GeoLevel other : GeoLevel.otherLevels(row.get("Autre échelle de restitution"))) {
            addLevel(levels, levelCodes, other, row.get("Autre échelle de restitution"));
        }
        p.put("geoLevels", List.copyOf(levelCodes));

        List<String> producerCodes = new ArrayList<>();
        for (var producer : context.producers.resolveAll(row.get("Producteur"))) {
            producerCodes.add(producer.code());
        }
        p.put("producerCodes", producerCodes.stream().distinct().toList());

        String serviceCode = row.get("Base").isEmpty() ? null : context.services.codeOf(row.get("Base"));
        List<String> datasetIds = new ArrayList<>();
        for (String source : splitSources(row.get("Source"))) {
            String datasetCode = context.datasets.codeOf(source);
            String datasetId = CatalogueWriter.datasetId(datasetCode);
            datasetIds.add(datasetId);
            if (context.writtenDatasets.add(datasetId)) {
                Map<String, Object> dataset = new HashMap<>();
                dataset.put("id", datasetId);
                dataset.put("code", datasetCode);
                dataset.put("title", source);
                dataset.put("source", context.source);
                dataset.put("properties", Map.of());
                context.pendingDatasets.put(datasetId, dataset);
            }
            if (serviceCode != null) {
                context.servedByService.computeIfAbsent(CatalogueWriter.dataServiceId(serviceCode), s -> new LinkedHashSet<>())
                        .add(datasetId);
            }
        }
        p.put("datasetCodes", datasetIds.stream().map(id -> id.substring("dataset:".length())).distinct().toList());
        List<String> serviceIds = new ArrayList<>();
        if (serviceCode != null) {
            String serviceId = CatalogueWriter.dataServiceId(serviceCode);
            serviceIds.add(serviceId);
            p.put("dataServiceCode", serviceCode);
            context.servedByService.computeIfAbsent(serviceId, s -> new LinkedHashSet<>());
            if (context.writtenServices.add(serviceId)) {
                Map<String, Object> service = new HashMap<>();
                Map<String, Object> properties = new HashMap<>();
                String url = context.serviceUrls.get(serviceCode);
                if (url != null) {
                    properties.put("landingPage", url);
                }
                service.put("id", serviceId);
                service.put("code", serviceCode);
                service.put("title", row.get("Base"));
                service.put("properties", properties);
                service.put("publishers", context.producers.resolveAll(row.get("Producteur_de_la_base")).stream()
                        .map(e -> CatalogueWriter.producerId(e.code())).toList());
                context.pendingServices.put(serviceId, service);
            }
        }
        List<String> themes = context.themesByIndex.getOrDefault(index, List.of());
        p.put("themeCodes", themes.stream().map(id -> id.substring("theme:".length())).toList());
        p.put("familyCode", row.get("Famille").isEmpty() ? null : Slugs.of(row.get("Base")) + "--" + Slugs.of(row.get("Famille")));

        Map<String, Object> indicator = new HashMap<>();
        indicator.put("properties", p);
        indicator.put("producers", producerCodes.stream().distinct().map(CatalogueWriter::producerId).toList());
        indicator.put("datasets", datasetIds.stream().distinct().toList());
        indicator.put("services", serviceIds);
        indicator.put("themes", themes);
        indicator.put("levels", levels);
        return indicator;
    }

    private static void addLevel(List<Map<String, Object>> levels, Set<String> codes, GeoLevel level, String coverage) {
        if (GeoLevel.available(coverage) && codes.add(level.name())) {
            levels.add(Map.of("id", "geolevel:" + level.name(), "coverage", coverage));
        }
    }

    /** "ASCO, RECENSEMENT DE LA POPULATION" names two sources; commas inside parentheses do not split. */
    static List<String> splitSources(String cell) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(cell.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(cell.substring(start).strip());
        return parts.stream().filter(s -> s.length() > 1).distinct().toList();
    }

}
