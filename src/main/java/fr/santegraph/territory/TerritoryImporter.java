package fr.santegraph.territory;

import com.fasterxml.jackson.databind.JsonNode;
import fr.santegraph.ingest.DelimitedFile;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.RowException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code import territories --dir <folder>}: the Code officiel géographique as Etalab publishes it
 * ({@code regions.json}, {@code departements.json}, {@code communes.json}, {@code epci.json}; any subset) and
 * La Poste's postal-code files (any {@code .csv} with La Poste's header), in that order, so parents exist
 * before their children.
 */
@Component
public class TerritoryImporter implements Importer {

    private static final Logger log = LoggerFactory.getLogger(TerritoryImporter.class);
    static final int BATCH_SIZE = 2_000;

    private final TerritoryWriter writer;
    private final TerritoryDirectory directory;

    public TerritoryImporter(TerritoryWriter writer, TerritoryDirectory directory) {
        this.writer = writer;
        this.directory = directory;
    }

    @Override
    public String name() {
        return "territories";
    }

    @Override
    public String usage() {
        return "--dir <folder with regions.json, departements.json, communes.json, epci.json, La Poste *.csv>";
    }

    @Override
    public ImportSummary run(ImportRequest request) throws IOException {
        return importDirectory(request.directory("dir"));
    }

    public ImportSummary importDirectory(Path dir) throws IOException {
        try {
            return importFiles(dir);
        } finally {
            // Even a failed import may have written batches: readers must not keep serving what was there before.
            try {
                writer.newVersion();
                directory.refresh();
            } catch (RuntimeException e) {
                log.warn("could not renew the territory data version: {}", e.getMessage());
                directory.invalidate();
            }
        }
    }

    private ImportSummary importFiles(Path dir) throws IOException {
        ImportRun run = new ImportRun("territories " + dir);
        Set<String> knownIds = writer.existingIds();
        EnumSet<TerritoryLevel> complete = EnumSet.noneOf(TerritoryLevel.class);

        Path regions = dir.resolve("regions.json");
        if (Files.isRegularFile(regions)) {
            readTerritories(regions, run, knownIds, CogRowMapper::region);
            complete.addAll(List.of(TerritoryLevel.REGION, TerritoryLevel.OVERSEAS_COLLECTIVITY));
        }
        Path departments = dir.resolve("departements.json");
        if (Files.isRegularFile(departments)) {
            readTerritories(departments, run, knownIds, (json, line) -> CogRowMapper.department(json, line).orElse(null));
            complete.add(TerritoryLevel.DEPARTMENT);
        }
        Path communes = dir.resolve("communes.json");
        if (Files.isRegularFile(communes)) {
            readTerritories(communes, run, knownIds, CogRowMapper::commune);
            complete.addAll(List.of(TerritoryLevel.COMMUNE, TerritoryLevel.MUNICIPAL_ARRONDISSEMENT,
                    TerritoryLevel.DELEGATED_COMMUNE, TerritoryLevel.ASSOCIATED_COMMUNE));
        }
        Path epcis = dir.resolve("epci.json");
        if (Files.isRegularFile(epcis)) {
            readEpcis(epcis, run, knownIds);
            complete.add(TerritoryLevel.EPCI);
        }
        if (!complete.isEmpty()) {
            // Only levels whose whole file was read can tell what disappeared from the COG.
            run.count("territories retired", writer.retireMissing(complete, run.id()));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path csv : files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".csv")).sorted().toList()) {
                readPostalCodes(csv, run);
            }
        }
        if (run.read() == 0) {
            throw new ImportFailedException(dir.toAbsolutePath() + " holds none of regions.json, departements.json, "
                    + "communes.json, epci.json or a La Poste .csv");
        }
        ImportSummary summary = run.finish();
        log.debug("{}", summary.describe());
        return summary;
    }

    @FunctionalInterface
    interface RowMapping {
        TerritoryRow map(JsonNode json, long line);
    }

    /**
     * Reads one COG file. Rows whose parent is not known yet (arrondissements and delegated communes listed
     * before their commune) wait until the end of the file; rows whose parent never appears are rejected.
     */
    private void readTerritories(Path file, ImportRun run, Set<String> knownIds, RowMapping mapping) throws IOException {
        Batch batch = new Batch(run, knownIds);
        List<TerritoryRow> waiting = new ArrayList<>();
        try {
            readJson(file, run, (json, line) -> {
                TerritoryRow row = mapping.map(json, line);
                if (row == null) {
                    return;
                }
                if (row.parentId() == null || knownIds.contains(row.parentId()) || batch.contains(row.parentId())) {
                    batch.add(row);
                } else {
                    waiting.add(row);
                }
            });
        } finally {
            // Rows read before a broken part of the file still load.
            batch.flush();
        }
        for (TerritoryRow row : waiting) {
            if (knownIds.contains(row.parentId())) {
                batch.add(row);
            } else {
                run.reject(file.getFileName().toString(), row.line(), row.level() + " " + row.code()
                        + " names a parent that does not exist: " + row.parentId());
            }
        }
        batch.flush();
    }

    private void readJson(Path file, ImportRun run, BiConsumer<JsonNode, Long> element) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            fr.santegraph.ingest.JsonArrayReader.forEach(name, in, (json, line) -> {
                run.rowRead();
                try {
                    element.accept(json, (long) line);
                } catch (RowException e) {
                    run.reject(name, line, e.getMessage());
                }
            });
        }
    }

    private void readEpcis(Path file, ImportRun run, Set<String> knownIds) throws IOException {
        String name = file.getFileName().toString();
        List<EpciRow> batch = new ArrayList<>(BATCH_SIZE);
        readJson(file, run, (json, line) -> {
            EpciRow row = CogRowMapper.epci(json, line);
            List<String> unknown = row.memberCodes().stream()
                    .filter(code -> !knownIds.contains(TerritoryLevel.COMMUNE.id(code))).toList();
            if (!unknown.isEmpty()) {
                // The EPCI loads with the members that exist; the missing ones are reported.
                run.reject(name, line, "EPCI " + row.code() + " lists communes that do not exist: " + unknown);
            }
            batch.add(row);
            if (batch.size() >= 200) {
                writer.writeEpcis(batch, run.id());
                run.count("EPCI written", batch.size());
                batch.clear();
            }
        });
        writer.writeEpcis(batch, run.id());
        run.count("EPCI written", batch.size());
    }

    /** La Poste's file: aggregated per commune (postal codes with their delivery labels, mean of GPS points). */
    private void readPostalCodes(Path file, ImportRun run) throws IOException {
        String name = file.getFileName().toString();
        Charset charset = sniffCharset(file);
        Map<String, CommunePostalData> byCommune = new TreeMap<>();
        try (BufferedReader reader = DelimitedFile.strictReader(Files.newInputStream(file), charset)) {
            String headerLine = reader.readLine();
            LaPosteRowMapper mapper = headerLine == null ? null
                    : LaPosteRowMapper.forHeader(DelimitedFile.split(headerLine, ';', false)).orElse(null);
            if (mapper == null) {
                log.info("{}: not a La Poste postal-code file (header {}), skipped", name, headerLine);
                return;
            }
            String text;
            long line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                run.rowRead();
                try {
                    PostalCodeRow row = mapper.map(DelimitedFile.split(text, ';', false), line);
                    byCommune.computeIfAbsent(row.communeCode(), code -> new CommunePostalData()).add(row);
                } catch (RowException e) {
                    run.reject(name, line, e.getMessage());
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ImportFailedException(name + ": not valid " + charset + " text", e);
        }
        Set<String> unknown = writer.unknownCommuneCodes(byCommune.keySet());
        for (String code : new TreeSet<>(unknown)) {
            CommunePostalData data = byCommune.remove(code);
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

    /** La Poste publishes the current file in ISO-8859-1 and the GPS variant in UTF-8: the header tells. */
    static Charset sniffCharset(Path file) throws IOException {
        byte[] head = new byte[8192];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = Math.max(in.readNBytes(head, 0, head.length), 0);
        }
        int headerEnd = 0;
        while (headerEnd < length && head[headerEnd] != '\n') {
            headerEnd++;
        }
        return DelimitedFile.isUtf8(head, headerEnd) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
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
            if (row.hasCoordinates()) {
                latitudeSum += row.latitude();
                longitudeSum += row.longitude();
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
        private final Set<String> ids = new java.util.HashSet<>();

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
            knownIds.addAll(ids);
            rows.clear();
            ids.clear();
        }
    }
}
