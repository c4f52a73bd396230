package fr.santegraph.dataset;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.CatalogueOrder;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.Conditions;
import fr.santegraph.catalogue.UpdateFrequency;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.ReadTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/**
 * The Cypher of the dataset feature: the relationships its fields read (through {@link CatalogueRepository}), the
 * filters of its lists and the reads beyond what the catalogue repository answers generically.
 */
@Repository
@ReadTransaction
public class DatasetQueries {

    /** What {@code publisher} reads. */
    public static final String PUBLISHER = "(s:Dataset {id: id})-[:PUBLISHED_BY]->(o:Producer)";
    /** What {@code publishers} reads. */
    public static final String PUBLISHERS = "(s:Dataset {id: id})-[:PUBLISHED_BY]->(o:Producer)";
    /** What {@code themes} reads. */
    public static final String THEMES = "(s:Dataset {id: id})-[:HAS_THEME]->(o:Theme)";
    /** What {@code distributions} reads. */
    public static final String DISTRIBUTIONS = "(s:Dataset {id: id})-[:HAS_DISTRIBUTION]->(o:Distribution)";
    /** What {@code dataServices} reads. */
    public static final String DATA_SERVICES = "(s:Dataset {id: id})<-[:SERVES]-(o:DataService)";
    /** What {@code tables} reads. */
    public static final String TABLES = "(s:Dataset {id: id})<-[:PART_OF]-(o:Table)";
    /** What {@code partOf} reads. */
    public static final String PART_OF = "(s:Dataset {id: id})-[:PART_OF]->(o:Dataset)";
    /** What {@code parts} reads. */
    public static final String PARTS = "(s:Dataset {id: id})<-[:PART_OF]-(o:Dataset)";
    /** What {@code indicatorCount} reads. */
    public static final String INDICATOR_COUNT = "(s:Dataset {id: id})<-[:DERIVED_FROM]-(o:Indicator)";
    /** What {@code servicePublishers} reads. */
    public static final String SERVICE_PUBLISHERS = "(s:DataService {id: id})-[:PUBLISHED_BY]->(o:Producer)";
    /** What {@code servedDatasets} reads. */
    public static final String SERVED_DATASETS = "(s:DataService {id: id})-[:SERVES]->(o:Dataset)";
    /** What {@code serviceIndicatorCount} reads. */
    public static final String SERVICE_INDICATOR_COUNT = "(s:DataService {id: id})<-[:PUBLISHED_ON]-(o:Indicator)";
    /** What {@code tableDataset} reads. */
    public static final String TABLE_DATASET = "(s:Table {id: id})-[:PART_OF]->(o:Dataset)";
    /** What {@code variables} reads. */
    public static final String VARIABLES = "(s:Table {id: id})-[:HAS_VARIABLE]->(o:Variable)";
    /** What {@code variableTable} reads. */
    public static final String VARIABLE_TABLE = "(s:Variable {id: id})<-[:HAS_VARIABLE]-(o:Table)";
    /** What {@code references} reads. */
    public static final String REFERENCES = "(s:Variable {id: id})-[:REFERENCES]->(o:Variable)";

    /** What {@code Producer.datasets} reads. */
    public static final String PRODUCER_DATASETS = "(s:Producer {id: id})<-[:PUBLISHED_BY]-(o:Dataset)";
    /** What {@code Producer.dataServices} reads. */
    public static final String PRODUCER_DATA_SERVICES = "(s:Producer {id: id})<-[:PUBLISHED_BY]-(o:DataService)";

    public record DatasetFilter(@Nullable String producer, @Nullable String theme, @Nullable AccessLevel accessLevel,
                                @Nullable UpdateFrequency frequency, @Nullable String dataService,
                                @Nullable String source) {
    }

    private final Neo4jClient neo4j;
    private final CatalogueRepository catalogue;

    public DatasetQueries(Neo4jClient neo4j, CatalogueRepository catalogue) {
        this.neo4j = neo4j;
        this.catalogue = catalogue;
    }

    /** The {@code datasets} list: filters on the denormalised codes, then one page. */
    public CountedConnection<Dataset> datasets(DatasetFilter filter, CatalogueOrder orderBy, PageRequest page,
                                              boolean countTotal) {
        DatasetFilter f = filter == null ? new DatasetFilter(null, null, null, null, null, null) : filter;
        Conditions where = new Conditions()
                .add("$producer IN n.producerCodes", "producer", CatalogueRepository.code("producer", f.producer()))
                .add("$theme IN n.themeCodes", "theme", f.theme())
                .add("$access IN [n.accessLevel, n.accessAggregated, n.accessGranular]", "access", f.accessLevel())
                .add("n.updateFrequency = $frequency", "frequency", f.frequency())
                .add("EXISTS { (:DataService {id: $service})-[:SERVES]->(n) }", "service",
                        f.dataService() == null ? null : CatalogueRepository.globalId("dataservice", f.dataService()))
                .add("$source IN n.sources", "source", f.source());
        CatalogueOrder order = CatalogueOrder.orDefault(orderBy);
        return catalogue.page("Dataset", where.conditions(), where.parameters(), order.sortKey("title"), order.descending(),
                page, countTotal, Dataset::from);
    }

    /** The joins (foreign keys) of each table, by table id, targets in id order. */
    public Map<String, List<Table.Join>> joins(List<String> tableIds) {
        Map<String, List<Table.Join>> byId = new HashMap<>();
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (s:Table {id: id})-[j:JOINS]->(o:Table)
                        RETURN id, o {.*} AS target, j.fields AS fields, j.referencedFields AS referenced
                        ORDER BY id, o.id
                        """).bind(tableIds).to("ids").fetchAs(Record.class).mappedBy((types, row) -> row).all()
                .forEach(row -> byId.computeIfAbsent(row.get("id").asString(), k -> new ArrayList<>()).add(new Table.Join(
                        Table.from(row.get("target")), strings(row.get("fields")), strings(row.get("referenced")))));
        return byId;
    }

    private static List<String> strings(Value value) {
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }
}
