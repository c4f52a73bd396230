package fr.santegraph.indicator;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.CatalogueEdits;
import fr.santegraph.catalogue.CatalogueEdits.EditRejected;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.UpdateFrequency;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Editors create and correct indicators. */
@Service
@PreAuthorize("hasRole('EDITOR')")
public class IndicatorEdits {

    public record IndicatorInput(String code, String name, String family, String producer, String sourceDataset,
                                 UpdateFrequency updateFrequency, AccessLevel accessLevel, String link) {
    }

    public record IndicatorSaved(Indicator indicator, boolean created) {
    }

    private final CatalogueEdits edits;

    public IndicatorEdits(CatalogueEdits edits) {
        this.edits = edits;
    }

    /** {@link IndicatorSaved} or {@link EditRejected}. */
    public Object save(IndicatorInput input) {
        String problem = CatalogueEdits.problem(input.code(), input.name());
        String producer = input.producer() == null ? null
                : "producer:" + CatalogueRepository.code("producer", input.producer());
        String dataset = input.sourceDataset() == null ? null
                : "dataset:" + CatalogueRepository.code("dataset", input.sourceDataset());
        if (problem == null && producer != null && !edits.exists("Producer", producer)) {
            problem = "no producer " + input.producer();
        }
        if (problem == null && dataset != null && !edits.exists("Dataset", dataset)) {
            problem = "no dataset " + input.sourceDataset();
        }
        if (problem != null) {
            return new EditRejected(problem);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("id", "indicator:" + input.code());
        p.put("code", input.code());
        p.put("name", input.name().strip());
        p.put("family", input.family());
        p.put("producer", producer);
        p.put("dataset", dataset);
        p.put("updateFrequency", input.updateFrequency() == null ? null : input.updateFrequency().name());
        p.put("accessLevel", input.accessLevel() == null ? null : input.accessLevel().name());
        p.put("link", input.link());
        boolean created = edits.upsert("""
                MERGE (n:Indicator {id: $p.id})
                ON CREATE SET n.created = true, n.source = 'editor'
                ON MATCH SET n.created = false
                SET n.code = $p.code, n.name = $p.name, n.family = $p.family, n.updateFrequency = $p.updateFrequency,
                    n.accessLevel = $p.accessLevel, n.link = $p.link, n.editedBy = $editor, n.editedAt = datetime()
                WITH n
                CALL (n) {
                  WITH n WHERE $p.producer IS NOT NULL
                  MATCH (producer:Producer {id: $p.producer})
                  OPTIONAL MATCH (n)-[old:PRODUCED_BY]->() DELETE old
                  MERGE (n)-[:PRODUCED_BY]->(producer)
                  SET n.producerCodes = [producer.code]
                }
                CALL (n) {
                  WITH n WHERE $p.dataset IS NOT NULL
                  MATCH (dataset:Dataset {id: $p.dataset})
                  OPTIONAL MATCH (n)-[old:DERIVED_FROM]->() DELETE old
                  MERGE (n)-[:DERIVED_FROM]->(dataset)
                  SET n.datasetCodes = [dataset.code]
                }
                """, p);
        return new IndicatorSaved(Indicator.from(edits.node("Indicator", "indicator:" + input.code())), created);
    }
}
