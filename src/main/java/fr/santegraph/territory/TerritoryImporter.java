package fr.santegraph.territory;

import com.fasterxml.jackson.databind.JsonNode;
import fr.santegraph.ingest.DataFile;
import fr.santegraph.ingest.DelimitedFormat;
import fr.santegraph.ingest.DelimitedReader;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSource;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.JsonArrayReader;
import fr.santegraph.ingest.RetirementLimit;
import fr.santegraph.ingest.RowException;
import fr.santegraph.ingest.SourceEditions;
import fr.santegraph.ingest.SourceFiles;
import fr.santegraph.ingest.SourceImported;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code import territories --dir <folder>}: the Code officiel géographique as Etalab publishes it
 * ({@code regions.json}, {@code departements.json}, {@code communes.json}, {@code epci.json}; any subset) and
 * La Poste's postal-code files (any {@code .csv} with La Poste's header), in that order, so parents exist
 * before their children.
 */
@Component
@ImportSource(name = "territories",
        usage = "--dir <folder with regions.json, departements.json, communes.json, epci.json, La Poste *.csv; each "
                + "may be .gz> | --file <zip of them> | --url <address of such a zip> [--edition <COG year or yyyy-mm-dd>] [--max-retired-share 0.05] [--allow-mass-retirement]")
public class TerritoryImporter implements Importer {

    private static final Logger log = LoggerFactory.getLogger(TerritoryImporter.class);
    static final int BATCH_SIZE = 2_000;

    private final TerritoryWriter writer;
    private final TerritoryDirectory directory;
    private final SourceEditions editions;
    private final ApplicationEventPublisher events;

    public TerritoryImporter(TerritoryWriter writer, TerritoryDirectory directory, SourceEditions editions,
                             ApplicationEventPublisher events) {
        this.events = events;
        this.writer = writer;
        this.directory = directory;
        this.editions = editions;
    }

    /** The name under which the graph records the COG edition it holds ({@link SourceEditions}). */
    public static final String SOURCE = "territories";

    @Override
    public ImportSummary run(ImportRequest request) throws IOException {
        String edition = request.option("edition").orElse(null);
        ImportSummary summary = importFiles(SourceFiles.of(request), new Options(edition(edition),
                RetirementLimit.of(request)));
        // A user's edition is not overwritten by the copy bundled in the jar when it is the same or newer.
        editions.record(SOURCE, edition, null, SourceEditions.Origin.IMPORT, summary);
        return summary;
    }

    /**
     * How one run applies an edition. {@code edition}: the day the COG edition took effect (territories it no longer
     * lists are retired on that day), null: today.
     */
    public record Options(@Nullable LocalDate edition, RetirementLimit retirementLimit) {
        public static final Options DEFAULT = new Options(null, RetirementLimit.DEFAULT);
    }

    /** {@code --edition 2025} (a COG year takes effect on 1 January) or {@code --edition 2025-03-01}. */
    public static @Nullable LocalDate edition(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.matches("\\d{4}") ? LocalDate.of(Integer.parseInt(text), 1, 1) : LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--edition " + text + " is not a year (2025) or a date (2025-01-01)");
        }
    }

    public ImportSummary importDirectory(Path dir) throws IOException {
        return importDirectory(dir, Options.DEFAULT);
    }

    public ImportSummary importDirectory(Path dir, Options options) throws IOException {
        return importFiles(SourceFiles.folder(dir), options);
    }

    /** The COG and La Poste files of a folder or a zip. */
    public ImportSummary importFiles(SourceFiles source, Options options) throws IOException {
        ImportSummary summary;
        try {
            summary = importSource(source, options);
        } finally {
            // Readers must not keep serving what was there before a run that wrote anything.
            try {
                writer.newVersion();
                directory.refresh();
            } catch (RuntimeException e) {
                log.warn("could not renew the territory data version: {}", e.getMessage());
                directory.invalidate();
            }
        }
        // What the graph derives from populations and communes (densities) follows the new edition.
        events.publishEvent(new SourceImported(SourceImported.TERRITORIES, true));
        return summary;
    }

    /** One COG file read whole before anything is written, and the levels it lists completely. */
    private record CogFile(DataFile file, List<TerritoryRow> rows, Set<TerritoryLevel> levels) {
    }

    /**
     * Reads every COG file first (a broken file fails before anything is written), checks what the edition would
     * retire against the limit, then writes parents before their children.
     */
    private ImportSummary importSource(SourceFiles source, Options options) throws IOException {
        ImportRun run = new ImportRun("territories " + source.describe());
        Set<String> knownIds = writer.existingIds();
        List<CogFile> cog = new ArrayList<>();
        Optional<DataFile> regions = source.find("regions.json");
        if (regions.isPresent()) {
            cog.add(new CogFile(regions.get(), readTerritories(regions.get(), run, CogRowMapper::region),
                    EnumSet.of(TerritoryLevel.REGION, TerritoryLevel.OVERSEAS_COLLECTIVITY)));
        }
        Optional<DataFile> departments = source.find("departements.json");
        if (departments.isPresent()) {
            cog.add(new CogFile(departments.get(), readTerritories(departments.get(), run,
                    (json, line) -> CogRowMapper.department(json, line).orElse(null)), EnumSet.of(TerritoryLevel.DEPARTMENT)));
        }
        Optional<DataFile> communes = source.find("communes.json");
        if (communes.isPresent()) {
            cog.add(new CogFile(communes.get(), readTerritories(communes.get(), run, CogRowMapper::commune),
                    EnumSet.of(TerritoryLevel.COMMUNE, TerritoryLevel.MUNICIPAL_ARRONDISSEMENT,
                            TerritoryLevel.DELEGATED_COMMUNE, TerritoryLevel.ASSOCIATED_COMMUNE)));
        }
        Optional<DataFile> epciFile = source.find("epci.json");
        List<EpciRow> epcis = epciFile.isPresent() ? readEpcis(epciFile.get(), run) : List.of();
        // Only levels whose whole file was read can tell what disappeared from the COG.
        EnumSet<TerritoryLevel> complete = EnumSet.noneOf(TerritoryLevel.class);
        cog.forEach(file -> complete.addAll(file.levels()));
        if (epciFile.isPresent()) {
            complete.add(TerritoryLevel.EPCI);
        }
        checkRetirements(cog, epcis, complete, options.retirementLimit());

        for (CogFile file : cog) {
            writeTerritories(file, run, knownIds);
        }
        if (epciFile.isPresent()) {
            writeEpcis(epciFile.get().name(), epcis, run, knownIds);
        }
        if (!complete.isEmpty()) {
            LocalDate retiredOn = options.edition() != null ? options.edition() : LocalDate.now(ZoneOffset.UTC);
            run.count("territories retired", writer.retireMissing(complete, run.id(), retiredOn));
            run.count("sites moved to the commune theirs merged into", writer.relinkMerged());
        }
        for (DataFile csv : source.matching(name -> name.toLowerCase(Locale.ROOT).endsWith(".csv"))) {
            readPostalCodes(csv, run);
        }
        if (!cog.isEmpty()) {
            run.count("départements and regions given their communes' population", writer.sumPopulations());
        }
        if (run.read() == 0) {
            throw new ImportFailedException(source.describe() + " holds none of regions.json, departements.json, "
                    + "communes.json, epci.json or a La Poste .csv");
        }
        ImportSummary summary = run.finish();
        log.debug("{}", summary.describe());
        return summary;
    }

    /** Per complete level, the active territories of the graph this edition no longer lists, against the limit. */
    private void checkRetirements(List<CogFile> cog, List<EpciRow> epcis, Set<TerritoryLevel> complete,
                                  RetirementLimit limit) {
        if (limit.allowed() || complete.isEmpty()) {
            return;
        }
        Set<String> listed = new HashSet<>();
        cog.forEach(file -> file.rows().forEach(row -> listed.add(row.id())));
        epcis.forEach(epci -> listed.add(TerritoryLevel.EPCI.id(epci.code())));
        Map<TerritoryLevel, List<String>> active = writer.activeIds(complete);
        for (TerritoryLevel level : complete) {
            List<String> ids = active.getOrDefault(level, List.of());
            long retiring = ids.stream().filter(id -> !listed.contains(id)).count();
            limit.check(level.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " territories", retiring, ids.size());
        }
    }

    @FunctionalInterface
    interface RowMapping {
        /** The row, or null for one the import leaves out (a département the COG lists twice…). */
        @Nullable TerritoryRow map(JsonNode json, long line);
    }

    /** Every row of one COG file; bad rows are rejected with their line, a broken file fails whole. */
    private List<TerritoryRow> readTerritories(DataFile file, ImportRun run, RowMapping mapping) throws IOException {
        List<TerritoryRow> rows = new ArrayList<>();
        readJson(file, run, (json, line) -> {
            TerritoryRow row = mapping.map(json, line);
            if (row != null) {
                rows.add(row);
            }
        });
        return rows;
    }

    /**
     * Writes one COG file's rows. Rows whose parent is not known yet (arrondissements and delegated communes listed
     * before their commune) wait until the end of the file; rows whose parent never appears are rejected.
     */
    private void writeTerritories(CogFile file, ImportRun run, Set<String> knownIds) {
        Batch batch = new Batch(run, knownIds);
        List<TerritoryRow> waiting = new ArrayList<>();
        for (TerritoryRow row : file.rows()) {
            if (row.parentId() == null || knownIds.contains(row.parentId()) || batch.contains(row.parentId())) {
                batch.add(row);
            } else {
                waiting.add(row);
            }
        }
        batch.flush();
        for (TerritoryRow row : waiting) {
            if (knownIds.contains(row.parentId())) {
                batch.add(row);
            } else {
                run.reject(file.file().name(), row.line(), row.level() + " " + row.code()
                        + " names a parent that does not exist: " + row.parentId());
            }
        }
        batch.flush();
    }

    private void readJson(DataFile file, ImportRun run, BiConsumer<JsonNode, Long> element) throws IOException {
        String name = file.name();
        try (InputStream in = file.open()) {
            JsonArrayReader.forEach(name, in, (json, line) -> {
                run.rowRead();
                try {
                    element.accept(json, (long) line);
                } catch (RowException e) {
                    run.reject(name, line, e.getMessage());
                }
            });
        }
    }

    private List<EpciRow> readEpcis(DataFile file, ImportRun run) throws IOException {
        List<EpciRow> rows = new ArrayList<>();
        readJson(file, run, (json, line) -> rows.add(CogRowMapper.epci(json, line)));
        return rows;
    }

    private void writeEpcis(String name, List<EpciRow> epcis, ImportRun run, Set<String> knownIds) {
        List<EpciRow> batch = new ArrayList<>(200);
        for (EpciRow row : epcis) {
            List<String> unknown = row.memberCodes().stream()
                    .filter(code -> !knownIds.contains(TerritoryLevel.COMMUNE.id(code))).toList();
            if (!unknown.isEmpty()) {
                // The EPCI loads with the members that exist; the missing ones are reported.
                run.reject(name, row.line(), "EPCI " + row.code() + " lists communes that do not exist: " + unknown);
            }
            batch.add(row);
            if (batch.size() >= 200) {
                writer.writeEpcis(batch, run.id());
                run.count("EPCI written", batch.size());
                run.rowsWritten(batch.size());
                batch.clear();
            }
        }
        writer.writeEpcis(batch, run.id());
        run.count("EPCI written", batch.size());
    }

    /** La Poste's file: aggregated per commune (postal codes with their delivery labels, mean of GPS points). */
    private void readPostalCodes(DataFile file, ImportRun run) throws IOException {
        Map<String, CommunePostalData> byCommune = new TreeMap<>();
        String name;
        // No quoting: La Poste's labels hold no separator. Its current file is ISO-8859-1, the GPS variant UTF-8.
        try (DelimitedReader reader = DelimitedReader.open(file, DelimitedFormat.unquoted(';', null))) {
            name = reader.name();
            LaPosteRowMapper mapper = reader.header() == null ? null
                    : LaPosteRowMapper.forHeader(reader.header()).orElse(null);
            if (mapper == null) {
                log.info("{}: not a La Poste postal-code file (header {}), skipped", name, reader.header());
                return;
            }
            for (DelimitedReader.Row row = reader.next(); row != null; row = reader.next()) {
                run.rowRead();
                try {
                    PostalCodeRow postal = mapper.map(row.fields(), row.line());
                    byCommune.computeIfAbsent(postal.communeCode(), code -> new CommunePostalData()).add(postal);
                } catch (RowException e) {
                    run.reject(name, row.line(), e.getMessage());
                }
            }
        }
        Set<String> unknown = writer.unknownCommuneCodes(byCommune.keySet());
        for (String code : new TreeSet<>(unknown)) {
            CommunePostalData data = Objects.requireNonNull(byCommune.remove(code), "an unknown code is one of the file's");
            run.reject(name, data.firstLine, "commune code " + code + " is not in the loaded COG");
        }
        List<Map<String, Object>> rows = new ArrayList<>(BATCH_SIZE);
        for (Map.Entry<String, CommunePostalData> entry : byCommune.entrySet()) {
            rows.add(entry.getValue().toParameters(entry.getKey()));
            if (rows.size() >= BATCH_SIZE) {
                writer.writePostalCodes(rows);
                rows.clear();
            }
        }
        writer.writePostalCodes(rows);
        run.count("communes with postal codes from " + name, byCommune.size());
    }

    private static final class CommunePostalData {
        final Map<String, Set<String>> labelsByPostalCode = new LinkedHashMap<>();
        double latitudeSum;
        double longitudeSum;
        int points;
        long firstLine = Long.MAX_VALUE;

        void add(PostalCodeRow row) {
            firstLine = Math.min(firstLine, row.line());
            labelsByPostalCode.computeIfAbsent(row.postalCode(), code -> new TreeSet<>()).add(row.deliveryLabel());
            Double latitude = row.latitude();
            Double longitude = row.longitude();
            if (latitude != null && longitude != null) {
                latitudeSum += latitude;
                longitudeSum += longitude;
                points++;
            }
        }

        Map<String, Object> toParameters(String code) {
            Map<String, Object> row = new HashMap<>();
            row.put("code", code);
            row.put("postalCodes", labelsByPostalCode.entrySet().stream()
                    .map(e -> Map.of("code", e.getKey(), "labels", List.copyOf(e.getValue()))).toList());
            row.put("latitude", points == 0 ? null : latitudeSum / points);
            row.put("longitude", points == 0 ? null : longitudeSum / points);
            return row;
        }
    }

    /** Territory rows on their way to the writer, flushed every {@value #BATCH_SIZE}. */
    private final class Batch {
        private final ImportRun run;
        private final Set<String> knownIds;
        private final List<TerritoryRow> rows = new ArrayList<>(BATCH_SIZE);
        private final Set<String> ids = new HashSet<>();

        Batch(ImportRun run, Set<String> knownIds) {
            this.run = run;
            this.knownIds = knownIds;
        }

        boolean contains(String id) {
            return ids.contains(id);
        }

        void add(TerritoryRow row) {
            rows.add(row);
            ids.add(row.id());
            if (rows.size() >= BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            writer.writeTerritories(rows, run.id());
            rows.forEach(row -> run.count(row.level() + " written", 1));
            run.rowsWritten(rows.size());
            knownIds.addAll(ids);
            rows.clear();
            ids.clear();
        }
    }
}
