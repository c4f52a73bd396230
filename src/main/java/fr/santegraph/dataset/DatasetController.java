package fr.santegraph.dataset;

import fr.santegraph.catalogue.CatalogueOrder;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.Theme;
import fr.santegraph.common.BatchResults;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.Pagination;
import fr.santegraph.producer.Producer;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;

@Controller
public class DatasetController {

    private final CatalogueRepository catalogue;
    private final Pagination pagination;
    private final DatasetQueries queries;

    public DatasetController(CatalogueRepository catalogue, Pagination pagination, DatasetQueries queries) {
        this.catalogue = catalogue;
        this.pagination = pagination;
        this.queries = queries;
    }

    @QueryMapping
    public @Nullable Dataset dataset(@Argument String id) {
        return catalogue.findById("Dataset", CatalogueRepository.globalId("dataset", id)).map(Dataset::from).orElse(null);
    }

    @QueryMapping
    public @Nullable DataService dataService(@Argument String id) {
        return catalogue.findById("DataService", CatalogueRepository.globalId("dataservice", id)).map(DataService::from).orElse(null);
    }

    @QueryMapping
    public @Nullable Table table(@Argument String id) {
        return catalogue.findById("Table", CatalogueRepository.globalId("table", id)).map(Table::from).orElse(null);
    }

    @QueryMapping
    public CountedConnection<Dataset> datasets(@Argument DatasetQueries.DatasetFilter filter, @Argument CatalogueOrder orderBy,
                                               ScrollSubrange subrange, DataFetchingFieldSelectionSet selection) {
        return queries.datasets(filter, orderBy, pagination.request(subrange), selection.contains("totalCount"));
    }

    @QueryMapping
    public CountedConnection<DataService> dataServices(@Argument CatalogueOrder orderBy, ScrollSubrange subrange,
                                                       DataFetchingFieldSelectionSet selection) {
        CatalogueOrder order = CatalogueOrder.orDefault(orderBy);
        return catalogue.page("DataService", List.of(), Map.of(), order.sortKey("title"), order.descending(),
                pagination.request(subrange), selection.contains("totalCount"), DataService::from);
    }

    // Dataset relationships, each one query per request whatever the number of datasets.

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, Producer> publisher(List<Dataset> datasets) {
        return catalogue.relatedOneBy(datasets, Dataset::id, DatasetQueries.PUBLISHER, Producer::from);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<Producer>> publishers(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, DatasetQueries.PUBLISHERS, Producer::from);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<Theme>> themes(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, DatasetQueries.THEMES, Theme::from);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<Distribution>> distributions(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, DatasetQueries.DISTRIBUTIONS,
                Distribution::from);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<DataService>> dataServices(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, DatasetQueries.DATA_SERVICES, DataService::from);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<Table>> tables(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, DatasetQueries.TABLES, Table::from);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, Dataset> partOf(List<Dataset> datasets) {
        return catalogue.relatedOneBy(datasets, Dataset::id, DatasetQueries.PART_OF, Dataset::from);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, List<Dataset>> parts(List<Dataset> datasets) {
        return catalogue.relatedBy(datasets, Dataset::id, DatasetQueries.PARTS, Dataset::from);
    }

    @BatchMapping(typeName = "Dataset")
    public Map<Dataset, Integer> indicatorCount(List<Dataset> datasets) {
        return catalogue.countBy(datasets, Dataset::id, DatasetQueries.INDICATOR_COUNT);
    }

    @BatchMapping(typeName = "DataService", field = "publishers")
    public Map<DataService, List<Producer>> servicePublishers(List<DataService> services) {
        return catalogue.relatedBy(services, DataService::id, DatasetQueries.SERVICE_PUBLISHERS, Producer::from);
    }

    @BatchMapping(typeName = "DataService", field = "datasets")
    public Map<DataService, List<Dataset>> servedDatasets(List<DataService> services) {
        return catalogue.relatedBy(services, DataService::id, DatasetQueries.SERVED_DATASETS, Dataset::from);
    }

    @BatchMapping(typeName = "DataService", field = "indicatorCount")
    public Map<DataService, Integer> serviceIndicatorCount(List<DataService> services) {
        return catalogue.countBy(services, DataService::id, DatasetQueries.SERVICE_INDICATOR_COUNT);
    }

    @BatchMapping(typeName = "Table", field = "dataset")
    public Map<Table, Dataset> tableDataset(List<Table> tables) {
        return catalogue.relatedOneBy(tables, Table::id, DatasetQueries.TABLE_DATASET, Dataset::from);
    }

    @BatchMapping(typeName = "Table", field = "variables")
    public Map<Table, List<Variable>> variables(List<Table> tables) {
        return catalogue.relatedBy(tables, Table::id, DatasetQueries.VARIABLES, Variable::from);
    }

    @BatchMapping(typeName = "Table", field = "joins")
    public Map<Table, List<Table.Join>> joins(List<Table> tables) {
        return BatchResults.lists(tables, Table::id, queries::joins);
    }

    @BatchMapping(typeName = "Variable", field = "table")
    public Map<Variable, Table> variableTable(List<Variable> variables) {
        return catalogue.relatedOneBy(variables, Variable::id, DatasetQueries.VARIABLE_TABLE, Table::from);
    }

    @BatchMapping(typeName = "Variable", field = "references")
    public Map<Variable, List<Variable>> references(List<Variable> variables) {
        return catalogue.relatedBy(variables, Variable::id, DatasetQueries.REFERENCES, Variable::from);
    }

}
