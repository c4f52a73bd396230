package fr.santegraph.catalogue;

import fr.santegraph.dataset.Dataset;
import fr.santegraph.indicator.Indicator;
import fr.santegraph.producer.Producer;
import fr.santegraph.producer.ProducerKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/**
 * Editors create and correct catalogue entries. Each edit is keyed on the business code (so a correction updates the
 * same node the importers write), stamped with who and when, and answered with the saved object or the reason it
 * was refused. A later import of a source that publishes the same entry overwrites the fields it publishes.
 */
@Controller
@PreAuthorize("hasRole('EDITOR')")
public class CatalogueEditController {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    private final Neo4jClient neo4j;
    private final CatalogueRepository catalogue;

    public CatalogueEditController(Neo4jClient neo4j, CatalogueRepository catalogue) {
        this.neo4j = neo4j;
        this.catalogue = catalogue;
    }

    public record ProducerInput(String code, String name, String acronym, ProducerKind kind, String description,
                                String homePage) {
    }

    public record DatasetInput(String code, String title, String description, String publisher, List<String> keywords,
                               String landingPage, UpdateFrequency updateFrequency, AccessLevel accessAggregated,
                               AccessLevel accessGranular) {
    }

    public record IndicatorInput(String code, String name, String family, String producer, String sourceDataset,
                                 UpdateFrequency updateFrequency, AccessLevel accessLevel, String link) {
    }

    public record EditRejected(String reason) {
    }

    public record ProducerSaved(Producer producer, boolean created) {
    }

    public record DatasetSaved(Dataset dataset, boolean created) {
    }

    public record IndicatorSaved(Indicator indicator, boolean created) {
    }

    @MutationMapping
    public Object saveProducer(@Argument ProducerInput input) {
        String problem = problem(input.code(), input.name());
        if (problem != null) {
            return new EditRejected(problem);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("id", "producer:" + input.code());
        p.put("code", input.code());
        p.put("name", input.name().strip());
        p.put("acronym", input.acronym());
        p.put("kind", input.kind() == null ? null : input.kind().name());
        p.put("description", input.description());
        p.put("homePage", input.homePage());
        boolean created = upsert("""
                MERGE (n:Producer {id: $p.id})
                ON CREATE SET n.created = true, n.aliases = [], n.inAliasFile = false
                ON MATCH SET n.created = false
                SET n.code = $p.code, n.name = $p.name, n.acronym = $p.acronym, n.kind = coalesce($p.kind, n.kind, 'OTHER'),
                    n.description = $p.description, n.homePage = $p.homePage,
                    n.searchText = reduce(s = coalesce($p.acronym, ''), a IN n.aliases | s + ' ' + a),
                    n.editedBy = $editor, n.editedAt = datetime()
                """, p);
        return new ProducerSaved(producer(input.code()), created);
    }

    @MutationMapping
    public Object addProducerAlias(@Argument String producer, @Argument String alias) {
        String code = CatalogueRepository.code("producer", producer);
        if (alias == null || alias.isBlank() || alias.length() > 300) {
            return new EditRejected("an alias is a name of 1 to 300 characters");
        }
        if (catalogue.findById("Producer", "producer:" + code).isEmpty()) {
            return new EditRejected("no producer " + producer);
        }
        neo4j.query("""
                        MATCH (n:Producer {id: $id})
                        SET n.aliases = CASE WHEN $alias IN n.aliases THEN n.aliases ELSE n.aliases + $alias END,
                            n.editedBy = $editor, n.editedAt = datetime()
                        SET n.searchText = reduce(s = coalesce(n.acronym, ''), a IN n.aliases | s + ' ' + a)
                        """)
                .bind("producer:" + code).to("id").bind(alias.strip()).to("alias").bind(editor()).to("editor").run();
        return new ProducerSaved(producer(code), false);
    }

    @MutationMapping
    public Object saveDataset(@Argument DatasetInput input) {
        String problem = problem(input.code(), input.title());
        String publisher = input.publisher() == null ? null : "producer:" + CatalogueRepository.code("producer", input.publisher());
        if (problem == null && publisher != null && catalogue.findById("Producer", publisher).isEmpty()) {
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
        boolean created = upsert("""
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
        return new DatasetSaved(Dataset.of(catalogue.findById("Dataset", "dataset:" + input.code()).orElseThrow()), created);
    }

    @MutationMapping
    public Object saveIndicator(@Argument IndicatorInput input) {
        String problem = problem(input.code(), input.name());
        String producer = input.producer() == null ? null : "producer:" + CatalogueRepository.code("producer", input.producer());
        String dataset = input.sourceDataset() == null ? null : "dataset:" + CatalogueRepository.code("dataset", input.sourceDataset());
        if (problem == null && producer != null && catalogue.findById("Producer", producer).isEmpty()) {
            problem = "no producer " + input.producer();
        }
        if (problem == null && dataset != null && catalogue.findById("Dataset", dataset).isEmpty()) {
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
        boolean created = upsert("""
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
        return new IndicatorSaved(Indicator.of(catalogue.findById("Indicator", "indicator:" + input.code()).orElseThrow()), created);
    }

    /** Runs an upsert whose node sets {@code n.created}; returns it and removes the marker. */
    private boolean upsert(String cypher, Map<String, Object> properties) {
        return neo4j.query(cypher + """
                        WITH n, n.created AS created
                        REMOVE n.created
                        RETURN created""")
                .bind(properties).to("p").bind(editor()).to("editor")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    private Producer producer(String code) {
        return Producer.of(catalogue.findById("Producer", "producer:" + code).orElseThrow());
    }

    private static String problem(String code, String name) {
        if (code == null || !CODE.matcher(code).matches()) {
            return "code '" + code + "' must be lower-case letters, digits and hyphens (at most 80)";
        }
        if (name == null || name.isBlank() || name.length() > 500) {
            return "a name or title of 1 to 500 characters is required";
        }
        return null;
    }

    private static String mostOpen(AccessLevel a, AccessLevel b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? null : b.name()) : a.name();
        }
        return (a.ordinal() <= b.ordinal() ? a : b).name();
    }

    private static String editor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "unknown" : authentication.getName();
    }
}
