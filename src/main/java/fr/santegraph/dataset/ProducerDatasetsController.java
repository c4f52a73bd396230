package fr.santegraph.dataset;

import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.producer.Producer;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The {@code Producer} fields whose objects belong to this feature: what a producer publishes. */
@Controller
public class ProducerDatasetsController {

    private final CatalogueRepository catalogue;

    public ProducerDatasetsController(CatalogueRepository catalogue) {
        this.catalogue = catalogue;
    }

    @BatchMapping(typeName = "Producer")
    public Map<Producer, List<Dataset>> datasets(List<Producer> producers) {
        return catalogue.relatedBy(producers, Producer::id, DatasetQueries.PRODUCER_DATASETS, Dataset::from);
    }

    @BatchMapping(typeName = "Producer")
    public Map<Producer, List<DataService>> dataServices(List<Producer> producers) {
        return catalogue.relatedBy(producers, Producer::id, DatasetQueries.PRODUCER_DATA_SERVICES,
                DataService::from);
    }
}
