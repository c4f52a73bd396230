package fr.santegraph.producer;

import fr.santegraph.catalogue.CatalogueOrder;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.Pagination;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;

/**
 * Producers: lookups, the paged list and their indicator count. Their datasets and data services are mapped by the
 * dataset feature ({@code dataset.ProducerDatasetsController}), which this one does not depend on.
 */
@Controller
public class ProducerController {

    private final CatalogueRepository catalogue;
    private final Pagination pagination;
    private final ProducerQueries queries;

    public ProducerController(CatalogueRepository catalogue, Pagination pagination, ProducerQueries queries) {
        this.catalogue = catalogue;
        this.pagination = pagination;
        this.queries = queries;
    }

    @QueryMapping
    public @Nullable Producer producer(@Argument String id) {
        return catalogue.findById("Producer", CatalogueRepository.globalId("producer", id)).map(Producer::from).orElse(null);
    }

    @QueryMapping
    public CountedConnection<Producer> producers(@Argument ProducerQueries.ProducerFilter filter,
                                                 @Argument CatalogueOrder orderBy, ScrollSubrange subrange,
                                                 DataFetchingFieldSelectionSet selection) {
        return queries.producers(filter, orderBy, pagination.request(subrange), selection.contains("totalCount"));
    }

    @BatchMapping
    public Map<Producer, Integer> indicatorCount(List<Producer> producers) {
        return catalogue.countBy(producers, Producer::id, ProducerQueries.INDICATOR_COUNT);
    }
}
