package fr.santegraph.observation;

import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.ImportSource;
import fr.santegraph.ingest.Importer;
import java.util.List;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * {@code import disclosure [--indicator <id or code>]}: decides again which counts anonymous callers see, for one
 * indicator or all that have values — after changing {@code santegraph.disclosure.*}, or for values imported by a
 * version that did not decide them (those stay masked until then).
 */
@Component
@ImportSource(name = "disclosure", usage = "[--indicator <id or code>]")
public class DisclosureImporter implements Importer {

    private final Neo4jClient neo4j;
    private final ObservationDisclosure disclosure;

    public DisclosureImporter(Neo4jClient neo4j, ObservationDisclosure disclosure) {
        this.neo4j = neo4j;
        this.disclosure = disclosure;
    }

    @Override
    public ImportSummary run(ImportRequest request) {
        String wanted = request.option("indicator").orElse(null);
        List<String> indicators = List.copyOf(neo4j.query("""
                        MATCH (i:Indicator) WHERE ($wanted IS NULL OR i.id = $wanted OR i.code = $wanted)
                          AND EXISTS { (:Observation)-[:OF_INDICATOR]->(i) }
                        RETURN i.id ORDER BY i.id""")
                .bind(wanted).to("wanted").fetchAs(String.class).all());
        if (wanted != null && indicators.isEmpty()) {
            throw new ImportFailedException("no indicator " + wanted + " with values in the graph");
        }
        ImportRun run = new ImportRun("disclosure " + (wanted == null ? "of every indicator" : wanted));
        for (String indicator : indicators) {
            ObservationDisclosure.Outcome outcome = disclosure.decide(indicator);
            run.rowsWritten(outcome.rewritten());
            run.count("cells", outcome.cells());
            run.count("counts masked as small", outcome.small());
            run.count("counts masked to protect them", outcome.protecting());
            run.count("cells whose decision changed", outcome.rewritten());
        }
        run.count("indicators decided", indicators.size());
        return run.finish();
    }
}
