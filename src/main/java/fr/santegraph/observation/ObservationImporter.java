package fr.santegraph.observation;

import fr.santegraph.ingest.DataFile;
import fr.santegraph.ingest.DelimitedFormat;
import fr.santegraph.ingest.DelimitedReader;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.ImportSource;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.RowException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * {@code import observations --file <csv>}: indicator values per territory and period, long format (see
 * {@link ObservationRowMapper}). Rows naming an indicator or territory that is not in the graph are rejected.
 */
@Component
@ImportSource(name = "observations",
        usage = "--file <UTF-8 CSV: indicator,territory,[level],period,value,[unit],numerator,denominator>")
public class ObservationImporter implements Importer {

    static final int BATCH_SIZE = 5_000;

    private final Neo4jClient neo4j;

    public ObservationImporter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public ImportSummary run(ImportRequest request) throws IOException {
        return importFile(request.file("file"));
    }

    public ImportSummary importFile(Path path) throws IOException {
        DataFile file = DataFile.of(path);
        ImportRun run = new ImportRun("observations " + file.describe());
        char separator = DelimitedReader.sniffSeparator(file, ',', ';');
        try (DelimitedReader reader = DelimitedReader.open(file, DelimitedFormat.csv(separator, StandardCharsets.UTF_8))) {
            String name = reader.name();
            ObservationRowMapper mapper = ObservationRowMapper.forHeader(name, reader.requireHeader("a header row"), separator);
            List<ObservationRow> batch = new ArrayList<>(BATCH_SIZE);
            for (DelimitedReader.Row row = reader.next(); row != null; row = reader.next()) {
                run.rowRead();
                try {
                    batch.add(mapper.map(row.fields(), row.line()));
                } catch (RowException e) {
                    run.reject(name, row.line(), e.getMessage());
                }
                if (batch.size() >= BATCH_SIZE) {
                    write(batch, name, run);
                }
            }
            write(batch, name, run);
        }
        return run.finish();
    }

    private void write(List<ObservationRow> batch, String file, ImportRun run) {
        if (batch.isEmpty()) {
            return;
        }
        var rejected = neo4j.query("""
                        UNWIND $rows AS row
                        OPTIONAL MATCH (i:Indicator) WHERE i.id = row.indicator OR i.code = row.indicator
                        OPTIONAL MATCH (t:Territory {id: row.territory})
                        CALL (row, i, t) {
                          WITH row, i, t WHERE i IS NOT NULL AND t IS NOT NULL
                          MERGE (o:Observation {id: i.id + '|' + row.territory + '|' + row.period})
                          SET o.indicatorId = i.id, o.territoryId = row.territory, o.period = row.period,
                              o.periodType = row.periodType, o.year = row.year, o.value = row.value, o.unit = row.unit,
                              o.numerator = row.numerator, o.denominator = row.denominator
                          MERGE (o)-[:OF_INDICATOR]->(i)
                          MERGE (o)-[:FOR_TERRITORY]->(t)
                        }
                        WITH row, i, t WHERE i IS NULL OR t IS NULL
                        RETURN row.line AS line,
                               CASE WHEN i IS NULL THEN 'unknown indicator ' + row.indicator
                                    ELSE 'unknown territory ' + row.territory END AS reason
                        """)
                .bind(batch.stream().map(ObservationRow::toParameters).toList()).to("rows")
                .fetch().all();
        rejected.forEach(row -> run.reject(file, ((Number) row.get("line")).longValue(), (String) row.get("reason")));
        run.count("observations written", batch.size() - rejected.size());
        batch.clear();
    }
}
