package fr.santegraph.reference;

import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportSource;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.StagedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code import all --dir <folder>}: every published file it recognises in a folder (and its subfolders, as
 * downloaded or as {@code ../shared/data} lays them out), each handed to its importer in dependency order: the
 * project's catalogue files, the COG and La Poste, Etalab 2014, the DREES index, the SNDS schemas, then the RPPS
 * extraction (which places practitioners in communes). Files may be gzipped. The first source that fails stops the
 * run; the ones before it stay loaded, each having checked its own files before writing.
 */
@Component
@ImportSource(name = "all",
        usage = "--dir <folder of published files: COG *.json, La Poste *.csv, cartographie_france.csv, "
                + "index_indicateurs_*.csv, schemas/, PS_LibreAcces_*; each may be .gz> [--edition <COG year>] "
                + "[--max-retired-share 0.05] [--allow-mass-retirement]")
public class AllSourcesImporter implements Importer {

    private static final Logger log = LoggerFactory.getLogger(AllSourcesImporter.class);
    private static final int MAX_DEPTH = 6;
    /** The options of {@code import all} each importer takes, passed on to it and to no other. */
    private static final Map<String, List<String>> OPTIONS = Map.of(
            "territories", List.of("edition", "max-retired-share", "allow-mass-retirement"),
            "practitioners", List.of("max-retired-share", "allow-mass-retirement"),
            "etalab-2014", List.of("producers"),
            "drees-indicators", List.of("producers"));

    /** A source this command recognises: the importer it feeds and the file names that belong to it. */
    record Kind(String importer, Predicate<String> names) {
    }

    private static final Pattern LA_POSTE = Pattern.compile("(?i).*(laposte|hexasmal|codes?[_-]postaux).*\\.csv");
    static final List<Kind> KINDS = List.of(
            new Kind("catalogue-reference", Set.of("producers.csv", "datasets.csv", "data-services.csv",
                    "distributions.csv")::contains),
            new Kind("territories", name -> Set.of("regions.json", "departements.json", "communes.json", "epci.json")
                    .contains(name) || LA_POSTE.matcher(name).matches()),
            new Kind("etalab-2014", Set.of("cartographie_france.csv", "typologie.csv",
                    "acronymes_gestionnaires.csv", "criteres_ouverture.csv")::contains),
            // The project's own index_indicateurs_santegraph.csv is part of the bundled catalogue, loaded on start.
            new Kind("drees-indicators", name -> name.matches("(index|tags)_indicateurs_\\d{4}-\\d{2}\\.csv")
                    || name.equals("classif_tags.csv") || name.equals("producteurs.csv")),
            new Kind("snds-schemas", name -> false), // the .json files under a schemas/ folder, see below
            new Kind("practitioners", name -> name.startsWith("PS_LibreAcces_")
                    && (name.endsWith(".zip") || name.endsWith(".txt"))));

    /** Every importer, this one included: looked up by name when a run starts (hence lazy). */
    private final List<Importer> importers;

    public AllSourcesImporter(@Lazy List<Importer> importers) {
        this.importers = importers;
    }

    private Importer importer(String name) {
        return importers.stream().filter(importer -> importer.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no importer named " + name));
    }

    @Override
    public ImportSummary run(ImportRequest request) throws IOException {
        Path dir = request.directory("dir");
        Map<String, List<Path>> found = recognise(dir);
        if (found.isEmpty()) {
            throw new ImportFailedException(dir.toAbsolutePath() + " holds no published file this service reads "
                    + "(see import --help)");
        }
        List<ImportSummary> summaries = new ArrayList<>();
        for (Kind kind : KINDS) {
            List<Path> files = found.get(kind.importer());
            if (files == null) {
                continue;
            }
            log.info("import all: {} from {} file(s)", kind.importer(), files.size());
            // Each file found is read under the request's rules too: a link in the folder must not lead out of it.
            files = files.stream().map(file -> request.paths().resolve("dir", file.toString())).toList();
            try (StagedFolder staged = StagedFolder.create(kind.importer())) {
                for (Path file : files) {
                    if (kind.importer().equals("practitioners")) {
                        continue; // read in place: the zip is streamed, never unpacked to disk
                    }
                    if (kind.importer().equals("snds-schemas")) {
                        // Table schemas keep their product folder: two products may name a file alike.
                        try (var in = Files.newInputStream(file)) {
                            staged.add(dir.relativize(file).toString(), in);
                        }
                    } else {
                        staged.add(file);
                    }
                }
                ImportSummary summary = importer(kind.importer()).run(requestFor(kind, files, staged.path(), request));
                summaries.add(summary);
            } catch (RuntimeException | IOException e) {
                throw new ImportFailedException("import all stopped at " + kind.importer() + " (the sources before it "
                        + "are loaded): " + e.getMessage(), e);
            }
        }
        summaries.forEach(summary -> log.info("{}", summary.describe().strip()));
        return ImportSummary.combine("all " + dir, summaries.toArray(ImportSummary[]::new));
    }

    private static ImportRequest requestFor(Kind kind, List<Path> files, Path staged, ImportRequest request) {
        Map<String, String> options = new LinkedHashMap<>();
        OPTIONS.getOrDefault(kind.importer(), List.of())
                .forEach(name -> request.option(name).ifPresent(value -> options.put(name, value)));
        if (kind.importer().equals("practitioners")) {
            Path activities = files.stream().filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst()
                    .or(() -> files.stream().filter(f -> f.getFileName().toString().contains("Personne_activite")).findFirst())
                    .orElseThrow(() -> new ImportFailedException("the RPPS files hold no PS_LibreAcces_Personne_activite file"));
            options.put("file", activities.toString());
            if (!activities.getFileName().toString().endsWith(".zip")) {
                companion(files, "SavoirFaire").ifPresent(f -> options.put("savoir-faire", f.toString()));
                companion(files, "Dipl_AutExerc").ifPresent(f -> options.put("diplomas", f.toString()));
            }
        } else {
            options.put("dir", staged.toString());
        }
        return new ImportRequest(kind.importer(), Map.copyOf(options), request.paths().allowing(staged));
    }

    private static Optional<Path> companion(List<Path> files, String marker) {
        return files.stream().filter(f -> f.getFileName().toString().contains(marker)).findFirst();
    }

    /** The recognised files of a folder by importer; two files of one name for one source are refused. */
    static Map<String, List<Path>> recognise(Path dir) {
        Map<String, Map<String, Path>> byImporter = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = plainName(file);
                Optional<String> importer = kindOf(dir, file, name);
                if (importer.isEmpty()) {
                    skipped.add(dir.relativize(file).toString());
                    continue;
                }
                Path other = byImporter.computeIfAbsent(importer.get(), k -> new TreeMap<>())
                        .putIfAbsent(importer.get().equals("snds-schemas") ? dir.relativize(file).toString() : name, file);
                if (other != null) {
                    throw new IllegalArgumentException("two copies of " + name + " for " + importer.get() + ": "
                            + dir.relativize(other) + " and " + dir.relativize(file) + "; give one folder per edition");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
        if (!skipped.isEmpty()) {
            log.info("import all: {} file(s) not recognised, left out: {}", skipped.size(),
                    skipped.size() > 20 ? skipped.subList(0, 20) + " …" : skipped);
        }
        Map<String, List<Path>> found = new LinkedHashMap<>();
        byImporter.forEach((importer, files) -> found.put(importer, List.copyOf(files.values())));
        return found;
    }

    private static Optional<String> kindOf(Path dir, Path file, String name) {
        if (name.endsWith(".json") && isUnderSchemas(dir, file)) {
            return Optional.of("snds-schemas");
        }
        return KINDS.stream().filter(kind -> kind.names().test(name)).map(Kind::importer).findFirst();
    }

    /** An SNDS table schema: a .json file in (a subfolder of) a folder named {@code schemas}. */
    private static boolean isUnderSchemas(Path dir, Path file) {
        for (Path parent = dir.relativize(file).getParent(); parent != null; parent = parent.getParent()) {
            if (parent.getFileName().toString().equals("schemas")) {
                return true;
            }
        }
        return false;
    }

    /** The name without {@code .gz}, as importers look files up. */
    private static String plainName(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
