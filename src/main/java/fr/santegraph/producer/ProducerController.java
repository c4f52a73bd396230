package fr.santegraph.producer;

import fr.santegraph.catalogue.CatalogueOrder;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.Conditions;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.Pagination;
import fr.santegraph.dataset.DataService;
import fr.santegraph.dataset.Dataset;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
public class ProducerController {

    private final CatalogueRepository catalogue;
    private final Pagination pagination;

    public ProducerController(CatalogueRepository catalogue, Pagination pagination) {
        this.catalogue = catalogue;
        this.pagination = pagination;
    }

    public record ProducerFilter(ProducerKind kind, Boolean inAliasFile) {
    }

    @QueryMapping
    public Producer producer(@Argument String id) {
        return catalogue.findById("Producer", CatalogueRepository.globalId("producer", id)).map(Producer::of).orElse(null);
    }

    @QueryMapping
    public CountedConnection<Producer> producers(@Argument ProducerFilter filter, @Argument CatalogueOrder orderBy,
                                                 ScrollSubrange subrange, DataFetchingFieldSelectionSet selection) {
        ProducerFilter f = filter == null ? new ProducerFilter(null, null) : filter;
        Conditions where = new Conditions()
                .add("n.kind = $kind", "kind", f.kind())
                .add("n.inAliasFile = $inAliasFile", "inAliasFile", f.inAliasFile());
        CatalogueOrder order = CatalogueOrder.orDefault(orderBy);
        return catalogue.page("Producer", where.conditions(), where.parameters(), order.property("name"), order.descending(),
                pagination.request(subrange), selection.contains("totalCount"), Producer::of);
    }

    @BatchMapping
    public Map<Producer, List<Dataset>> datasets(List<Producer> producers) {
        return catalogue.relatedBy(producers, Producer::id, "(s:Producer {id: id})<-[:PUBLISHED_BY]-(o:Dataset)", Dataset::of);
    }

    @BatchMapping
    public Map<Producer, List<DataService>> dataServices(List<Producer> producers) {
        return catalogue.relatedBy(producers, Producer::id, "(s:Producer {id: id})<-[:PUBLISHED_BY]-(o:DataService)",
                DataService::of);
    }

    @BatchMapping
    public Map<Producer, Integer> indicatorCount(List<Producer> producers) {
        return catalogue.countBy(producers, Producer::id, "(s:Producer {id: id})<-[:PRODUCED_BY]-(o:Indicator)");
    }
}
