package fr.santegraph.dataset;

import static fr.santegraph.catalogue.Props.blankToNull;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.CatalogueFiles;
import fr.santegraph.catalogue.CatalogueWriter;
import fr.santegraph.catalogue.CodeDirectory;
import fr.santegraph.catalogue.ProducerDirectory;
import fr.santegraph.catalogue.Slugs;
import fr.santegraph.ingest.ImportFailedException;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code import etalab-2014 --dir <folder>}: Etalab's 2014 "Cartographie des données publiques de santé"
 * ({@code cartographie_france.csv}: UTF-8, comma, quoted fields with line breaks, two header rows) with its
 * companion sheets {@code typologie.csv} (themes) and {@code acronymes_gestionnaires.csv} (managers' names).
 * One Dataset per database (a database listed under several typologies is one node with several themes),
 * published by its reconciled manager(s).
 */
@Component
@ImportSource(name = EtalabCartographyImporter.SOURCE,
        usage = "--dir <folder with cartographie_france.csv, typologie.csv, acronymes_gestionnaires.csv> [--producers <alias file>]")
public class EtalabCartographyImporter implements Importer {

    static final String SOURCE = "etalab-2014";
    static final String MAIN_FILE = "cartographie_france.csv";
    private static final List<String> EXPECTED_HEADER = List.of("Typologie 1", "Typologie 2",
            "Bases/enquêtes/publications", "Gestionnaire", "Origine des données");

    private final CatalogueWriter writer;

    public EtalabCartographyImporter(CatalogueWriter writer) {
        this.writer = writer;
    }

    @Override
    public ImportSummary run(ImportRequest request) {
        return importDirectory(request.directory("dir"), ProducerDirectory.bundledOr(request.optionalFile("producers")));
    }

    public ImportSummary importDirectory(Path dir, ProducerDirectory producers) {
        ImportRun run = new ImportRun(SOURCE + " " + dir);
        CodeDirectory datasets = CodeDirectory.bundled("datasets.csv");
        Path acronyms = dir.resolve("acronymes_gestionnaires.csv");
        if (Files.isRegularFile(acronyms)) {
            Map<String, String> names = new LinkedHashMap<>();
            CatalogueFiles.readAll(acronyms, StandardCharsets.UTF_8, ',', 1, Set.of("Acronyme", "Gestionnaire"))
                    .forEach(row -> names.put(row.get("Acronyme"), row.get("Gestionnaire")));
            producers.addAcronymNames(names);
        }
        Map<String, Map<String, Object>> themes = new LinkedHashMap<>();
        Path typology = dir.resolve("typologie.csv");
        if (Files.isRegularFile(typology)) {
            CatalogueFiles.readAll(typology, StandardCharsets.UTF_8, ',', 1, Set.of("Typologie 1", "Typologie 2"))
                    .forEach(row -> addThemes(themes, row.get("Typologie 1"), row.get("Typologie 2")));
        }

        Path main = dir.resolve(MAIN_FILE);
        Map<String, Map<String, Object>> rowsByCode = new LinkedHashMap<>();
        checkHeader(main);
        CatalogueFiles.forEach(main, StandardCharsets.UTF_8, ',', 2, Set.of(), row -> {
            run.rowRead();
            try {
                Map<String, Object> dataset = map(row, producers, datasets, themes);
                rowsByCode.merge((String) dataset.get("id"), dataset, EtalabCartographyImporter::mergeListings);
            } catch (RowException e) {
                run.reject(row.file(), row.line(), e.getMessage());
            }
        });
        writer.writeProducers(producers.entries());
        writer.writeThemes(new ArrayList<>(themes.values()));
        List<Map<String, Object>> rows = new ArrayList<>(rowsByCode.values());
        for (int i = 0; i < rows.size(); i += 500) {
            writer.writeDatasets(rows.subList(i, Math.min(rows.size(), i + 500)));
        }
        run.count("datasets", rows.size());
        run.count("themes", themes.size());
        run.count("producers deleted (orphans)", writer.deleteOrphanDerivedProducers());
        return run.finish();
    }

    private static void checkHeader(Path main) {
        List<CatalogueFiles.Row> header = new ArrayList<>();
        try {
            CatalogueFiles.forEach(main, StandardCharsets.UTF_8, ',', 1, Set.of(), row -> {
                if (header.isEmpty()) {
                    header.add(row);
                }
            });
        } catch (ImportFailedException e) {
            throw e;
        }
        for (int i = 0; i < EXPECTED_HEADER.size(); i++) {
            if (header.isEmpty() || !header.get(0).at(i).equals(EXPECTED_HEADER.get(i))) {
                throw new ImportFailedException(MAIN_FILE + ": the second header row should start with " + EXPECTED_HEADER);
            }
        }
    }

    /** A database listed twice (under two typologies) keeps the first listing's fields and gains the themes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mergeListings(Map<String, Object> first, Map<String, Object> again) {
        Set<String> merged = new LinkedHashSet<>((List<String>) first.get("themes"));
        merged.addAll((List<String>) again.get("themes"));
        first.put("themes", new ArrayList<>(merged));
        return first;
    }

    static void addThemes(Map<String, Map<String, Object>> themes, String level1, String level2) {
        if (level1.isEmpty()) {
            return;
        }
        String parentCode = Slugs.of(level1);
        themes.computeIfAbsent(parentCode, code -> theme(code, level1, null));
        if (!level2.isEmpty()) {
            String code = parentCode + "--" + Slugs.of(level2);
            themes.computeIfAbsent(code, c -> theme(c, level2, CatalogueWriter.themeId("etalab", parentCode)));
        }
    }

    private static Map<String, Object> theme(String code, String name, @Nullable String broader) {
        Map<String, Object> theme = new HashMap<>();
        theme.put("id", CatalogueWriter.themeId("etalab", code));
        theme.put("code", "etalab:" + code);
        theme.put("scheme", "etalab");
        theme.put("name", name);
        theme.put("broader", broader);
        return theme;
    }

    /** Pure mapping of one cartography row to a dataset row for the writer. */
    static Map<String, Object> map(CatalogueFiles.Row row, ProducerDirectory producers, CodeDirectory datasets,
                                   Map<String, Map<String, Object>> themes) {
        String title = row.at(2).replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        if (title.isEmpty()) {
            throw new RowException("no database name (column 3)");
        }
        String code = datasets.codeOf(title);
        Map<String, Object> p = new HashMap<>();
        p.put("title", title);
        p.put("manager", blankToNull(row.at(3)));
        p.put("origin", blankToNull(row.at(4)));
        p.put("typology", List.of(row.at(0), row.at(1)).stream().filter(s -> !s.isEmpty()).toList());
        putAccess(p, "Aggregated", row, 5);
        putAccess(p, "Granular", row, 13);
        p.put("coverage", blankToNull(row.at(21)));
        AccessLevel aggregated = AccessLevel.fromPublished(row.at(6)).orElse(null);
        AccessLevel granular = AccessLevel.fromPublished(row.at(14)).orElse(null);
        AccessLevel best = AccessLevel.mostOpen(aggregated, granular);
        p.put("accessLevel", best == null ? null : best.name());
        String landing = firstUrl(row.at(12)) != null ? firstUrl(row.at(12)) : firstUrl(row.at(20));
        p.put("landingPage", landing);
        addThemes(themes, row.at(0), row.at(1));
        List<String> rowThemes = new ArrayList<>();
        if (!row.at(0).isEmpty()) {
            rowThemes.add(CatalogueWriter.themeId("etalab", Slugs.of(row.at(0))));
            if (!row.at(1).isEmpty()) {
                rowThemes.add(CatalogueWriter.themeId("etalab", Slugs.of(row.at(0)) + "--" + Slugs.of(row.at(1))));
            }
        }
        List<String> publishers = producers.resolveAll(row.at(3)).stream()
                .map(e -> CatalogueWriter.producerId(e.code())).toList();
        Map<String, Object> dataset = new HashMap<>();
        dataset.put("id", CatalogueWriter.datasetId(code));
        dataset.put("code", code);
        dataset.put("title", title);
        dataset.put("source", SOURCE);
        dataset.put("properties", p);
        dataset.put("publishers", publishers);
        dataset.put("themes", rowThemes);
        return dataset;
    }

    /** Main data, access (normalised and as published), comment, cost, format, re-use conditions, portal. */
    private static void putAccess(Map<String, Object> p, String kind, CatalogueFiles.Row row, int first) {
        p.put("data" + kind, blankToNull(row.at(first)));
        p.put("access" + kind + "Label", blankToNull(row.at(first + 1)));
        p.put("access" + kind, AccessLevel.fromPublished(row.at(first + 1)).map(Enum::name).orElse(null));
        p.put("access" + kind + "Comment", blankToNull(row.at(first + 2)));
        p.put("access" + kind + "Cost", blankToNull(row.at(first + 3)));
        p.put("format" + kind, blankToNull(row.at(first + 4)));
        p.put("format" + kind + "Comment", blankToNull(row.at(first + 5)));
        p.put("reuse" + kind, blankToNull(row.at(first + 6)));
        p.put("portal" + kind, blankToNull(row.at(first + 7)));
    }

    static @Nullable String firstUrl(String cell) {
        for (String token : cell.split("\\s+")) {
            if (token.startsWith("http://") || token.startsWith("https://")) {
                return token;
            }
            if (token.startsWith("www.")) {
                return "http://" + token;
            }
        }
        return null;
    }

}
