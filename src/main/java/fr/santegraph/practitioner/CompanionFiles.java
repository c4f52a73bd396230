package fr.santegraph.practitioner;

import fr.santegraph.ingest.DataFile;
import fr.santegraph.ingest.DelimitedFormat;
import fr.santegraph.ingest.DelimitedReader;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.RowException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * {@code PS_LibreAcces_SavoirFaire} and {@code PS_LibreAcces_Dipl_AutExerc}: one link per line, to practitioners
 * already in the graph (written after the activity file).
 */
final class CompanionFiles {

    /** Lines per write. */
    static final int BATCH_LINES = 10_000;

    static final List<String> SAVOIR_FAIRE_COLUMNS = List.of("Identification nationale PP", "Code type savoir-faire",
            "Libellé type savoir-faire", "Code savoir-faire", "Libellé savoir-faire");
    static final List<String> DIPLOMA_COLUMNS = List.of("Identification nationale PP", "Code type diplôme obtenu",
            "Libellé type diplôme obtenu", "Code diplôme obtenu", "Libellé diplôme obtenu", "Code type autorisation",
            "Libellé type autorisation", "Code discipline autorisation", "Libellé discipline autorisation");

    private final PractitionerWriter writer;

    CompanionFiles(PractitionerWriter writer) {
        this.writer = writer;
    }

    /** Pure: the savoir-faire link of one line, by the positions of {@link #SAVOIR_FAIRE_COLUMNS}. */
    static Map<String, Object> savoirFaire(List<String> values) {
        if (values.get(3) == null) {
            throw new RowException("missing savoir-faire code");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("practitionerId", values.get(0));
        row.put("typeCode", values.get(1));
        row.put("typeLabel", values.get(2));
        row.put("code", values.get(3));
        row.put("label", values.get(4));
        return row;
    }

    /** Pure: the diploma and authorisation of one line, by the positions of {@link #DIPLOMA_COLUMNS}. */
    static Map<String, Object> diploma(List<String> values) {
        if (values.get(3) == null && values.get(5) == null) {
            throw new RowException("neither a diploma code nor an authorisation type");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("practitionerId", values.get(0));
        row.put("diplomaTypeCode", values.get(1));
        row.put("diplomaTypeLabel", values.get(2));
        row.put("diplomaCode", values.get(3));
        row.put("diplomaLabel", values.get(4));
        row.put("authorisationTypeCode", values.get(5));
        row.put("authorisationTypeLabel", values.get(6));
        row.put("disciplineCode", values.get(7));
        row.put("disciplineLabel", values.get(8));
        return row;
    }

    long readSavoirFaire(DataFile file, ImportRun run) throws IOException {
        return read(file, run, SAVOIR_FAIRE_COLUMNS, CompanionFiles::savoirFaire, writer::writeSavoirFaire);
    }

    long readDiplomas(DataFile file, ImportRun run) throws IOException {
        return read(file, run, DIPLOMA_COLUMNS, CompanionFiles::diploma, writer::writeDiplomas);
    }

    @FunctionalInterface
    private interface LineMapping {
        Map<String, Object> map(List<String> values);
    }

    /** Streams a 13-column companion file whose header holds {@code columns}; returns the links written. */
    private static long read(DataFile file, ImportRun run, List<String> columns, LineMapping mapping,
                             ToLongFunction<List<Map<String, Object>>> write) throws IOException {
        long linked = 0;
        try (DelimitedReader reader = DelimitedReader.open(file, DelimitedFormat.RPPS)) {
            String name = reader.name();
            reader.requireHeader("the " + file.name() + " header");
            Map<String, Integer> positions = reader.columns();
            List<String> missing = columns.stream().filter(c -> !positions.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new ImportFailedException(name + ": unexpected header, missing columns " + missing);
            }
            List<Map<String, Object>> rows = new ArrayList<>(BATCH_LINES);
            for (DelimitedReader.Row row = reader.next(); row != null; row = reader.next()) {
                run.rowRead();
                try {
                    ActivityRowMapper.checkWidth(row, reader.width());
                    List<String> values = new ArrayList<>(columns.size());
                    for (String column : columns) {
                        String value = row.field(Objects.requireNonNull(positions.get(column), column)).strip();
                        values.add(value.isEmpty() ? null : value);
                    }
                    if (values.get(0) == null) {
                        throw new RowException("missing national identifier (Identification nationale PP)");
                    }
                    rows.add(mapping.map(values));
                } catch (RowException e) {
                    run.reject(name, row.line(), e.getMessage());
                }
                if (rows.size() >= BATCH_LINES) {
                    linked += write.applyAsLong(rows);
                    rows.clear();
                }
            }
            if (!rows.isEmpty()) {
                linked += write.applyAsLong(rows);
            }
        }
        return linked;
    }
}
