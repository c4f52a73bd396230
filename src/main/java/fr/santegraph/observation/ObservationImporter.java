package fr.santegraph.observation;

import fr.santegraph.common.Rows;
import fr.santegraph.ingest.DataFile;
import fr.santegraph.ingest.DelimitedFormat;
import fr.santegraph.ingest.DelimitedReader;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSource;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.RowException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code import observations --file <csv> [--kind count|ratio]}: indicator values per territory and period, long
 * format (see {@link ObservationRowMapper}). Rows naming an indicator or territory that is not in the graph are
 * rejected. What each indicator's value is — a count, or a ratio with its counts aside — comes from the row's
 * {@code kind} column, else {@code --kind}, else what the indicator was before, else the first row's shape; it is
 * stored on the indicator. Once the file is written, the small-count pattern of every indicator it touched is
 * decided again over all its values ({@link ObservationDisclosure}).
 */
@Component
@ImportSource(name = "observations",
        usage = "--file <UTF-8 CSV: indicator,territory,[level],period,value,[unit],numerator,denominator,[kind]> "
                + "[--kind count|ratio]")
public class ObservationImporter implements Importer {

    static final int BATCH_SIZE = 5_000;

    private final Neo4jClient neo4j;
    private final ObservationDisclosure disclosure;

    public ObservationImporter(Neo4jClient neo4j, ObservationDisclosure disclosure) {
        this.neo4j = neo4j;
        this.disclosure = disclosure;
    }

    @Override
    public ImportSummary run(ImportRequest request) throws IOException {
        return importFile(request.file("file"), request.option("kind").flatMap(ValueKind::parse).orElse(null));
    }

    public ImportSummary importFile(Path path) throws IOException {
        return importFile(path, null);
    }

    /** {@code kind}: what the values of rows without a {@code kind} column are; null: see the class comment. */
    public ImportSummary importFile(Path path, @Nullable ValueKind kind) throws IOException {
        DataFile file = DataFile.of(path);
        ImportRun run = new ImportRun("observations " + file.describe());
        char separator = DelimitedReader.sniffSeparator(file, ',', ';');
        Kinds kinds = new Kinds(kind);
        try (DelimitedReader reader = DelimitedReader.open(file, DelimitedFormat.csv(separator, StandardCharsets.UTF_8))) {
            String name = reader.name();
            ObservationRowMapper mapper = ObservationRowMapper.forHeader(name, reader.requireHeader("a header row"), separator);
            List<Map<String, Object>> batch = new ArrayList<>(BATCH_SIZE);
            for (DelimitedReader.Row row = reader.next(); row != null; row = reader.next()) {
                run.rowRead();
                try {
                    ObservationRow observation = mapper.map(row.fields(), row.line());
                    Map<String, Object> parameters = observation.toParameters(observation.count(kinds.of(observation)));
                    // The indicator as resolved once per file (by id or code), so each row is matched on the key.
                    parameters.put("indicator", kinds.idOf(observation.indicatorId()));
                    batch.add(parameters);
                } catch (RowException e) {
                    run.reject(name, row.line(), e.getMessage());
                }
                if (batch.size() >= BATCH_SIZE) {
                    write(batch, name, run);
                }
            }
            write(batch, name, run);
        } finally {
            // Whatever was written is decided again, even when the file broke off: counts stay masked until then.
            decide(kinds, run);
        }
        return run.finish();
    }

    private void decide(Kinds kinds, ImportRun run) {
        long small = 0;
        long protecting = 0;
        for (String indicatorId : kinds.written) {
            ObservationDisclosure.Outcome outcome = disclosure.decide(indicatorId);
            small += outcome.small();
            protecting += outcome.protecting();
        }
        run.count("indicators whose small counts were decided", kinds.written.size());
        run.count("counts masked as small", small);
        run.count("counts masked to protect them", protecting);
    }

    /** Each indicator's kind, settled on its first row. */
    private final class Kinds {
        private final @Nullable ValueKind declared;
        private final Map<String, ValueKind> byReference = new LinkedHashMap<>();
        private final Map<String, String> ids = new LinkedHashMap<>();
        final Set<String> written = new LinkedHashSet<>();

        Kinds(@Nullable ValueKind declared) {
            this.declared = declared;
        }

        ValueKind of(ObservationRow row) {
            ValueKind rowKind = row.kind() != null ? row.kind() : declared;
            ValueKind known = byReference.get(row.indicatorId());
            if (known == null) {
                Map<String, Object> stored = neo4j.query("""
                                MATCH (i:Indicator) WHERE i.id = $ref OR i.code = $ref
                                RETURN i.id AS id, i.valueKind AS kind, coalesce(i.derived, false) AS derived LIMIT 1""")
                        .bind(row.indicatorId()).to("ref").fetch().one().orElse(null);
                if (stored == null) {
                    throw new RowException("unknown indicator " + row.indicatorId());
                }
                if (Boolean.TRUE.equals(stored.get("derived"))) {
                    // Its values are recomputed from the graph after every import: an imported one would be lost.
                    throw new RowException("indicator " + row.indicatorId()
                            + " is computed by santegraph from the graph; its values cannot be imported");
                }
                known = rowKind != null ? rowKind : stored.get("kind") != null
                        ? ValueKind.valueOf((String) stored.get("kind")) : row.apparentKind();
                String id = (String) stored.get("id");
                neo4j.query("MATCH (i:Indicator {id: $id}) SET i.valueKind = $kind, i.disclosurePending = true")
                        .bind(id).to("id").bind(known.name()).to("kind").run();
                byReference.put(row.indicatorId(), known);
                ids.put(row.indicatorId(), id);
                written.add(id);
            } else if (rowKind != null && rowKind != known) {
                throw new RowException("indicator " + row.indicatorId() + " is a " + known.name().toLowerCase()
                        + " in this file, not a " + rowKind.name().toLowerCase());
            }
            return known;
        }

        /** The id of an indicator already met by {@link #of} (as named in the file: id or code). */
        @Nullable String idOf(String reference) {
            return ids.get(reference);
        }
    }

    private void write(List<Map<String, Object>> batch, String file, ImportRun run) {
        if (batch.isEmpty()) {
            return;
        }
        var rejected = neo4j.query("""
                        UNWIND $rows AS row
                        OPTIONAL MATCH (i:Indicator {id: row.indicator})
                        OPTIONAL MATCH (t:Territory {id: row.territory})
                        CALL (row, i, t) {
                          WITH row, i, t WHERE i IS NOT NULL AND t IS NOT NULL
                          MERGE (o:Observation {id: i.id + '|' + row.territory + '|' + row.period})
                          SET o.indicatorId = i.id, o.territoryId = row.territory, o.period = row.period,
                              o.periodType = row.periodType, o.year = row.year, o.value = row.value, o.unit = row.unit,
                              o.numerator = row.numerator, o.denominator = row.denominator, o.count = row.count
                          MERGE (o)-[:OF_INDICATOR]->(i)
                          MERGE (o)-[:FOR_TERRITORY]->(t)
                        }
                        WITH row, i, t WHERE i IS NULL OR t IS NULL
                        RETURN row.line AS line,
                               CASE WHEN i IS NULL THEN 'unknown indicator ' + row.indicator
                                    ELSE 'unknown territory ' + row.territory END AS reason
                        """)
                .bind(List.copyOf(batch)).to("rows")
                .fetch().all();
        rejected.forEach(row -> run.reject(file, Rows.number(row, "line"), (String) row.get("reason")));
        run.count("observations written", batch.size() - rejected.size());
        batch.clear();
    }
}
