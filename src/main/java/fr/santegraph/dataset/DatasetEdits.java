package fr.santegraph.dataset;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.CatalogueEdits.EditRejected;
import fr.santegraph.catalogue.CatalogueEdits;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.UpdateFrequency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Editors create and correct datasets. */
@Service
@PreAuthorize("hasRole('EDITOR')")
public class DatasetEdits {

    public record DatasetInput(String code, String title, String description, String publisher, List<String> keywords,
                               String landingPage, UpdateFrequency updateFrequency, AccessLevel accessAggregated,
                               AccessLevel accessGranular) {
    }

    public record DatasetSaved(Dataset dataset, boolean created) {
    }

    private final CatalogueEdits edits;

    public DatasetEdits(CatalogueEdits edits) {
        this.edits = edits;
    }

    /** {@link DatasetSaved} or {@link EditRejected}. */
    public Object save(DatasetInput input) {
        String problem = CatalogueEdits.problem(input.code(), input.title());
        String publisher = input.publisher() == null ? null
                : "producer:" + CatalogueRepository.code("producer", input.publisher());
        if (problem == null && publisher != null && !edits.exists("Producer", publisher)) {
            problem = "no producer " + input.publisher();
        }
        if (problem != null) {
            return new EditRejected(problem);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("id", "dataset:" + input.code());
        p.put("code", input.code());
        p.put("title", input.title().strip());
        p.put("description", input.description());
        p.put("publisher", publisher);
        p.put("keywords", input.keywords() == null ? List.of() : input.keywords());
        p.put("landingPage", input.landingPage());
        p.put("updateFrequency", input.updateFrequency() == null ? null : input.updateFrequency().name());
        p.put("accessAggregated", input.accessAggregated() == null ? null : input.accessAggregated().name());
        p.put("accessGranular", input.accessGranular() == null ? null : input.accessGranular().name());
        p.put("accessLevel", mostOpen(input.accessAggregated(), input.accessGranular()));
        boolean created = edits.upsert("""
                MERGE (n:Dataset {id: $p.id})
                ON CREATE SET n.created = true, n.sources = ['editor']
                ON MATCH SET n.created = false
                SET n.code = $p.code, n.title = $p.title, n.description = $p.description, n.keywords = $p.keywords,
                    n.keywordsText = reduce(s = '', k IN $p.keywords | s + ' ' + k), n.landingPage = $p.landingPage,
                    n.updateFrequency = $p.updateFrequency, n.accessAggregated = $p.accessAggregated,
                    n.accessGranular = $p.accessGranular, n.accessLevel = $p.accessLevel,
                    n.editedBy = $editor, n.editedAt = datetime()
                WITH n
                CALL (n) {
                  WITH n WHERE $p.publisher IS NOT NULL
                  MATCH (publisher:Producer {id: $p.publisher})
                  OPTIONAL MATCH (n)-[old:PUBLISHED_BY]->() DELETE old
                  MERGE (n)-[:PUBLISHED_BY]->(publisher)
                  SET n.producerCodes = [publisher.code]
                }
                """, p);
        return new DatasetSaved(Dataset.from(edits.node("Dataset", "dataset:" + input.code())), created);
    }

    /** The dataset's access level is the more open of its aggregated and granular data's. */
    private static @Nullable String mostOpen(AccessLevel a, AccessLevel b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? null : b.name()) : a.name();
        }
        return (a.ordinal() <= b.ordinal() ? a : b).name();
    }
}
