package fr.santegraph.observation;

import fr.santegraph.ingest.DelimitedFile;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.RowException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
public class ObservationImporter implements Importer {

    static final int BATCH_SIZE = 5_000;

    private final Neo4jClient neo4j;

    public ObservationImporter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public String name() {
        return "observations";
    }

    @Override
    public String usage() {
        return "--file <UTF-8 CSV: indicator,territory,[level],period,value,[unit],numerator,denominator>";
    }

    @Override
    public ImportSummary run(ImportRequest request) throws IOException {
        return importFile(request.file("file"));
    }

    public ImportSummary importFile(Path file) throws IOException {
        String name = file.getFileName().toString();
        ImportRun run = new ImportRun("observations " + file);
        try (BufferedReader reader = DelimitedFile.strictReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new ImportFailedException(name + ": empty file");
            }
            header = header.replace("\uFEFF", "");
            char separator = header.indexOf(';') >= 0 ? ';' : ',';
            ObservationRowMapper mapper = ObservationRowMapper.forHeader(name, DelimitedFile.split(header, separator, false), separator);
            List<ObservationRow> batch = new ArrayList<>(BATCH_SIZE);
            String text;
            long line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                run.rowRead();
                try {
                    batch.add(mapper.map(DelimitedFile.split(text, separator, false), line));
                } catch (RowException e) {
                    run.reject(name, line, e.getMessage());
                }
                if (batch.size() >= BATCH_SIZE) {
                    write(batch, name, run);
                }
            }
            write(batch, name, run);
        } catch (CharacterCodingException e) {
            throw new ImportFailedException(name + ": not UTF-8 text", e);
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
