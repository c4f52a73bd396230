package fr.santegraph.dataset;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.CatalogueOrder;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.Conditions;
import fr.santegraph.catalogue.Theme;
import fr.santegraph.catalogue.UpdateFrequency;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.Pagination;
import fr.santegraph.producer.Producer;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
public class DatasetController {

    private final CatalogueRepository catalogue;
    private final Pagination pagination;

    public DatasetController(CatalogueRepository catalogue, Pagination pagination) {
        this.catalogue = catalogue;
        this.pagination = pagination;
    }

    public record DatasetFilter(String producer, String theme, AccessLevel accessLevel, UpdateFrequency frequency,
                                String dataService, String source) {
    }

    @QueryMapping
    public Dataset dataset(@Argument String id) {
        return catalogue.findById("Dataset", CatalogueRepository.globalId("dataset", id)).map(Dataset::of).orElse(null);
    }

    @QueryMapping
    public DataService dataService(@Argument String id) {
        return catalogue.findById("DataService", CatalogueRepository.globalId("dataservice", id)).map(DataService::of).orElse(null);
    }

    @QueryMapping
    public Table table(@Argument String id) {
        return catalogue.findById("Table", CatalogueRepository.globalId("table", id)).map(Table::of).orElse(null);
    }

    @QueryMapping
    public CountedConnection<Dataset> datasets(@Argument DatasetFilter filter, @Argument CatalogueOrder orderBy,
                                               ScrollSubrange subrange, DataFetchingFieldSelectionSet selection) {
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
        return catalogue.page("Dataset", where.conditions(), where.parameters(), order.property("title"), order.descending(),
                pagination.request(subrange), selection.contains("totalCount"), Dataset::of);
    }

    @QueryMapping
    public CountedConnection<DataService> dataServices(@Argument CatalogueOrder orderBy, ScrollSubrange subrange,
                                                       DataFetchingFieldSelectionSet selection) {
        CatalogueOrder order = CatalogueOrder.orDefault(orderBy);
        return catalogue.page("DataService", List.of(), Map.of(), order.property("title"), order.descending(),
                pagination.request(subrange), selection.contains("totalCount"), DataService::of);
    }

    // Dataset relationships, each one query per request whatever the number of datasets.

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, Producer> publisher(List<Dataset> datasets) {
        return catalogue.relatedOneBy(datasets, Dataset::id, "(s:Dataset {id: id})-[:PUBLISHED_BY]->(o:Producer)", Producer::of);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<Producer>> publishers(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, "(s:Dataset {id: id})-[:PUBLISHED_BY]->(o:Producer)", Producer::of);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<Theme>> themes(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, "(s:Dataset {id: id})-[:HAS_THEME]->(o:Theme)", Theme::of);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<Distribution>> distributions(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, "(s:Dataset {id: id})-[:HAS_DISTRIBUTION]->(o:Distribution)",
                Distribution::of);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<DataService>> dataServices(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, "(s:Dataset {id: id})<-[:SERVES]-(o:DataService)", DataService::of);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<Table>> tables(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, "(s:Dataset {id: id})<-[:PART_OF]-(o:Table)", Table::of);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, Dataset> partOf(List<Dataset> datasets) {
        return catalogue.relatedOneBy(datasets, Dataset::id, "(s:Dataset {id: id})-[:PART_OF]->(o:Dataset)", Dataset::of);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<Dataset>> parts(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, "(s:Dataset {id: id})<-[:PART_OF]-(o:Dataset)", Dataset::of);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, Integer> indicatorCount(List<Dataset> datasets) {
        return catalogue.countBy(datasets, Dataset::id, "(s:Dataset {id: id})<-[:DERIVED_FROM]-(o:Indicator)");
    }

    @BatchMapping(typeName = "DataService", field = "publishers")
    public Map<DataService, List<Producer>> servicePublishers(List<DataService> services) {
        return catalogue.relatedBy(services, DataService::id, "(s:DataService {id: id})-[:PUBLISHED_BY]->(o:Producer)", Producer::of);
    }

    @BatchMapping(typeName = "DataService", field = "datasets")
    public Map<DataService, List<Dataset>> servedDatasets(List<DataService> services) {
        return catalogue.relatedBy(services, DataService::id, "(s:DataService {id: id})-[:SERVES]->(o:Dataset)", Dataset::of);
    }

    @BatchMapping(typeName = "DataService", field = "indicatorCount")
    public Map<DataService, Integer> serviceIndicatorCount(List<DataService> services) {
        return catalogue.countBy(services, DataService::id, "(s:DataService {id: id})<-[:PUBLISHED_ON]-(o:Indicator)");
    }

    @BatchMapping(typeName = "Table", field = "dataset")
    public Map<Table, Dataset> tableDataset(List<Table> tables) {
        return catalogue.relatedOneBy(tables, Table::id, "(s:Table {id: id})-[:PART_OF]->(o:Dataset)", Dataset::of);
    }

    @BatchMapping(typeName = "Table", field = "variables")
    public Map<Table, List<Variable>> variables(List<Table> tables) {
        return catalogue.relatedBy(tables, Table::id, "(s:Table {id: id})-[:HAS_VARIABLE]->(o:Variable)", Variable::of);
    }

    @BatchMapping(typeName = "Table", field = "joins")
    public Map<Table, List<Table.Join>> joins(List<Table> tables) {
        Map<String, List<Table.Join>> byId = new HashMap<>();
        catalogue.client().query("""
                        UNWIND $ids AS id
                        MATCH (s:Table {id: id})-[j:JOINS]->(o:Table)
                        RETURN id, o {.*} AS target, j.fields AS fields, j.referencedFields AS referenced
                        ORDER BY id, o.id
                        """).bind(tables.stream().map(Table::id).distinct().toList()).to("ids").fetch().all()
                .forEach(row -> byId.computeIfAbsent((String) row.get("id"), k -> new ArrayList<>()).add(new Table.Join(
                        Table.of(CatalogueRepository.castMap(row.get("target"))), strings(row.get("fields")),
                        strings(row.get("referenced")))));
        Map<Table, List<Table.Join>> result = new LinkedHashMap<>();
        tables.forEach(table -> result.put(table, byId.getOrDefault(table.id(), List.of())));
        return result;
    }

    @BatchMapping(typeName = "Variable", field = "table")
    public Map<Variable, Table> variableTable(List<Variable> variables) {
        return catalogue.relatedOneBy(variables, Variable::id, "(s:Variable {id: id})<-[:HAS_VARIABLE]-(o:Table)", Table::of);
    }

    @BatchMapping(typeName = "Variable", field = "references")
    public Map<Variable, List<Variable>> references(List<Variable> variables) {
        return catalogue.relatedBy(variables, Variable::id, "(s:Variable {id: id})-[:REFERENCES]->(o:Variable)", Variable::of);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
